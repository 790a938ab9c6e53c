import { h, replaceChildren } from '../common/dom.js';
import { currentLocale, t } from '../i18n/index.js';
import type { Outbox, OutboxEntry } from '../net/outbox.js';

/** Settled entries shown besides everything still waiting: enough to see that the last taps arrived. */
const SETTLED_SHOWN = 8;
/** Confirmed entries older than this are dropped from the phone at start-up. */
export const CONFIRMED_KEPT_MS = 12 * 60 * 60 * 1000;

/**
 * What this phone has sent and what still waits: every command, newest first, with its state. A team
 * without coverage sees its taps queued here, and sees them turn confirmed when coverage returns.
 */
export class OutboxList {
  readonly element: HTMLElement;
  private readonly list = h('ul', { class: 'outbox-list', 'data-testid': 'outbox' });
  private readonly summary = h('p', { class: 'outbox-summary', 'data-testid': 'outbox-summary' });
  private readonly clear: HTMLButtonElement;
  private readonly unsubscribe: () => void;

  constructor(private readonly outbox: Outbox) {
    this.clear = h('button', { type: 'button', class: 'button secondary small', 'data-testid': 'outbox-clear' }, t('outbox.clear'));
    this.clear.addEventListener('click', () => void outbox.clearSettled());
    this.element = h(
      'section',
      { class: 'panel outbox-panel', 'aria-label': t('outbox.title') },
      h('div', { class: 'panel-heading' }, h('h2', {}, t('outbox.title')), this.clear),
      this.summary,
      this.list,
    );
    this.unsubscribe = outbox.subscribe((entries) => this.render(entries));
  }

  destroy() {
    this.unsubscribe();
  }

  private render(entries: readonly OutboxEntry[]) {
    const waiting = entries.filter((entry) => entry.status === 'pending' || entry.status === 'sending');
    const settled = entries.filter((entry) => entry.status === 'confirmed' || entry.status === 'failed');
    const shown = [...waiting, ...settled.slice(-SETTLED_SHOWN)].sort((a, b) => b.createdAt - a.createdAt);
    const failed = settled.filter((entry) => entry.status === 'failed').length;
    this.summary.textContent = t('outbox.summary', { waiting: waiting.length, confirmed: settled.length - failed, failed });
    this.summary.classList.toggle('has-waiting', waiting.length > 0);
    this.clear.disabled = settled.length === 0;
    replaceChildren(
      this.list,
      ...shown.map((entry) =>
        h(
          'li',
          { class: `outbox-item status-${entry.status}`, 'data-testid': 'outbox-item', 'data-status': entry.status, 'data-command': entry.name, 'data-key': entry.key },
          h('span', { class: 'outbox-what' }, describe(entry)),
          h('span', { class: 'outbox-state' }, t(`outbox.status.${entry.status}`)),
          h('span', { class: 'outbox-time' }, time(entry.confirmedAt ?? entry.createdAt)),
          entry.error ? h('span', { class: 'outbox-error' }, `${t(`error.${entry.error.code}`)} — ${entry.error.message}`) : null,
        ),
      ),
      shown.length === 0 ? h('li', { class: 'outbox-empty hint' }, t('outbox.empty')) : null,
    );
  }
}

/** A command in the team's words. */
function describe(entry: OutboxEntry): string {
  const payload = entry.payload;
  switch (entry.name) {
    case 'assignment:acknowledge':
      return t('outbox.command.acknowledge');
    case 'assignment:decline':
      return t('outbox.command.decline', { reason: text(payload.reason) });
    case 'assignment:advance':
      return t('outbox.command.advance', { status: t(`assignmentStatus.${String(payload.status)}`) });
    case 'incident:note':
      return t('outbox.command.note', { text: shorten(text(payload.text)) });
    case 'incident:report':
      return t('outbox.command.report', { subtype: t(`subtype.${String(payload.subtype)}`) });
    case 'unit:update-location': {
      const location = payload.location as { lat: number; lon: number };
      return t('outbox.command.location', { lat: location.lat.toFixed(4), lon: location.lon.toFixed(4) });
    }
    case 'plan:complete-action':
      return t('outbox.command.completeAction', { action: text(payload.actionId) });
    case 'unit:change-status':
      return t('outbox.command.unitStatus', { status: t(`unitStatus.${String(payload.status)}`) });
    default:
      return entry.name;
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function time(ms: number): string {
  return new Date(ms).toLocaleTimeString(currentLocale(), { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
