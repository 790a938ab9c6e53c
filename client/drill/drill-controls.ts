import type { Ack, DrillSummary } from '../../shared/index.js';
import { h, replaceChildren } from '../common/dom.js';
import { t } from '../i18n/index.js';
import { apiPost } from '../net/api.js';
import type { Session } from '../net/session.js';
import { errorText } from './drill-page.js';

/** Speeds one click away; the slider covers everything between 1× and 60×. */
export const SPEED_PRESETS = [1, 5, 10, 30, 60] as const;

type ControlAction = 'start' | 'pause' | 'resume' | 'end' | 'speed';

/**
 * Start, pause, resume and end the drill, and set its speed. Every action answers with the drill's
 * new summary, which goes straight to the page so the clock does not wait for the next poll. Ending
 * asks once more: it cannot be undone.
 */
export class DrillControls {
  readonly element = h('section', { class: 'drill-controls', 'data-testid': 'drill-controls', 'aria-labelledby': 'drill-controls-title' });
  private summary: DrillSummary | null = null;
  private busy = false;
  private confirmingEnd = false;
  private message = '';
  /** What the controls were last drawn from: the clock polls every second, the slider must not jump. */
  private drawn = '';

  constructor(
    private readonly session: Session,
    private readonly drillId: string,
    private readonly onSummary: (summary: DrillSummary) => void,
  ) {}

  render(summary: DrillSummary | null = this.summary, force = false) {
    if (!summary) return;
    this.summary = summary;
    const drawn = [summary.status, summary.speed, this.busy, this.confirmingEnd, this.message].join('|');
    if (drawn === this.drawn && !force) return;
    this.drawn = drawn;
    const status = summary.status;
    const ended = status === 'ended';
    const main =
      status === 'created'
        ? this.button('start', t('run.start'), 'primary')
        : status === 'running'
          ? this.button('pause', t('run.pause'), '')
          : status === 'paused'
            ? this.button('resume', t('run.resume'), 'primary')
            : null;
    const end = ended
      ? null
      : this.confirmingEnd
        ? h(
            'span',
            { class: 'end-confirm', role: 'group', 'aria-label': t('run.endConfirm') },
            h('span', {}, t('run.endConfirm')),
            this.button('end', t('run.endYes'), 'danger'),
            this.plainButton(t('action.cancel'), 'end-cancel', () => {
              this.confirmingEnd = false;
              this.render();
            }),
          )
        : this.plainButton(t('run.end'), 'end-ask', () => {
            this.confirmingEnd = true;
            this.render();
          }, 'danger');
    const presets = SPEED_PRESETS.map((speed) => {
      const button = h(
        'button',
        { type: 'button', class: 'speed-preset', 'data-testid': `speed-${speed}`, 'aria-pressed': String(summary.speed === speed), disabled: ended || this.busy },
        `${speed}×`,
      );
      button.addEventListener('click', () => void this.act('speed', { speed }));
      return button;
    });
    const slider = h('input', {
      type: 'range',
      min: 1,
      max: 60,
      step: 1,
      value: summary.speed,
      id: 'drill-speed-slider',
      'data-testid': 'speed-slider',
      disabled: ended || this.busy,
      'aria-valuetext': `${summary.speed}×`,
    });
    const sliderValue = h('output', { for: 'drill-speed-slider' }, `${summary.speed}×`);
    slider.addEventListener('input', () => (sliderValue.textContent = `${slider.value}×`));
    slider.addEventListener('change', () => void this.act('speed', { speed: Number(slider.value) }));
    replaceChildren(
      this.element,
      h('h2', { id: 'drill-controls-title' }, t('run.controls')),
      ended
        ? h(
            'p',
            { class: 'ended-note', 'data-testid': 'drill-ended-note' },
            t('run.endedNote'),
            ' ',
            h('a', { href: `/review.html?drill=${this.drillId}` }, t('run.openReview')),
          )
        : h('div', { class: 'control-row' }, main, end),
      h(
        'div',
        { class: 'speed-row' },
        h('label', { for: 'drill-speed-slider' }, t('run.speed')),
        slider,
        sliderValue,
      ),
      h('div', { class: 'speed-presets', role: 'group', 'aria-label': t('run.speedPresets') }, ...presets),
      h('p', { class: 'control-message', role: 'alert', 'data-testid': 'control-message' }, this.message),
    );
  }

  private button(action: Exclude<ControlAction, 'speed'>, label: string, tone: string) {
    const button = h('button', { type: 'button', class: tone, 'data-testid': `drill-${action}`, disabled: this.busy }, label);
    button.addEventListener('click', () => void this.act(action, {}));
    return button;
  }

  private plainButton(label: string, testId: string, onClick: () => void, tone = '') {
    const button = h('button', { type: 'button', class: tone, 'data-testid': `drill-${testId}`, disabled: this.busy }, label);
    button.addEventListener('click', onClick);
    return button;
  }

  private async act(action: ControlAction, body: Record<string, unknown>) {
    this.busy = true;
    this.message = '';
    this.render();
    let answer: Ack<DrillSummary>;
    try {
      answer = await apiPost<DrillSummary>(this.session, `/api/drills/${this.drillId}/${action}`, body);
    } catch {
      answer = { ok: false, error: { code: 'INTERNAL', message: t('run.unreachable') } };
    }
    this.busy = false;
    this.confirmingEnd = false;
    if (answer.ok) {
      this.summary = answer.data;
      this.onSummary(answer.data);
    } else this.message = errorText(answer.error);
    this.render();
  }
}
