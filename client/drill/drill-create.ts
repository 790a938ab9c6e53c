import type { Ack, CreatedDrill, Scenario, Unit } from '../../shared/index.js';
import { h, replaceChildren } from '../common/dom.js';
import { t } from '../i18n/index.js';
import { apiPost } from '../net/api.js';
import { apiGet, type Session } from '../net/session.js';
import { errorText, pageHeader } from './drill-page.js';
import { formatDrillDateTime, formatMinutes, inLocale } from './format.js';

export interface CreateViewOptions {
  session: Session;
  onLogout: () => void;
}

interface TraineeDraft {
  username: string;
  playsAs: 'dispatcher' | 'field';
  /** The live unit a field trainee plays. */
  unitId: string;
}

/**
 * Creating a drill: choose a scenario (its description, length and script are shown), name the drill,
 * and list the trainees — each a user who plays the dispatch desk or one field unit, chosen from the
 * live units (the drill plays a copy of it; the live unit is never touched). Created, the drill opens
 * in its run view.
 */
export async function mountCreateView(root: HTMLElement, options: CreateViewOptions) {
  const [scenarios, units] = await Promise.all([
    apiGet<Scenario[]>(options.session, '/api/scenarios'),
    apiGet<Unit[]>(options.session, '/api/units'),
  ]);
  const liveUnits = units.ok ? [...units.data].sort((a, b) => a.callSign.localeCompare(b.callSign)) : [];
  let chosen: Scenario | null = scenarios.ok ? (scenarios.data[0] ?? null) : null;
  let name = '';
  let nameTouched = false;
  const trainees: TraineeDraft[] = [{ username: '', playsAs: 'dispatcher', unitId: '' }];
  let message = '';
  let invalid = new Set<string>();
  let busy = false;

  const render = () => {
    if (!nameTouched && chosen) name = inLocale(chosen.name);
    const back = h('a', { href: 'drill.html', class: 'nav-link' }, t('nav.allDrills'));
    const list = scenarios.ok
      ? h('ul', { class: 'scenario-list', role: 'radiogroup', 'aria-label': t('create.scenarios') }, ...scenarios.data.map(scenarioChoice))
      : h('p', { role: 'alert', class: 'form-message error' }, errorText(scenarios.error));
    root.replaceChildren(
      h(
        'div',
        { class: 'drill-root' },
        pageHeader({ title: t('drill.page'), nav: [back], onLogout: options.onLogout, onLocaleChange: render }),
        h(
          'main',
          { class: 'drill-create-main' },
          h('section', { class: 'create-scenarios', 'aria-labelledby': 'create-scenarios-title' }, h('h1', { id: 'create-scenarios-title' }, t('create.scenarios')), list),
          h('section', { class: 'create-detail', 'data-testid': 'scenario-detail' }, chosen ? scenarioDetail(chosen) : h('p', { class: 'empty' }, t('create.noScenario'))),
          h('section', { class: 'create-form-panel' }, form()),
        ),
      ),
    );
  };

  const scenarioChoice = (scenario: Scenario) => {
    const selected = scenario.id === chosen?.id;
    const button = h(
      'button',
      { type: 'button', role: 'radio', 'aria-checked': String(selected), class: 'scenario-choice', 'data-testid': `scenario-${scenario.id}` },
      h('strong', {}, inLocale(scenario.name)),
      h('span', { class: 'hint' }, t('create.scenarioMeta', { minutes: scenario.durationMinutes, injects: scenario.injects.length })),
    );
    button.addEventListener('click', () => {
      chosen = scenario;
      render();
    });
    return h('li', {}, button);
  };

  const scenarioDetail = (scenario: Scenario) =>
    h(
      'div',
      {},
      h('h2', {}, inLocale(scenario.name)),
      h('p', { class: 'scenario-description' }, inLocale(scenario.description)),
      h(
        'dl',
        { class: 'scenario-facts' },
        h('dt', {}, t('create.startsAt')),
        h('dd', {}, formatDrillDateTime(scenario.startsAt)),
        h('dt', {}, t('create.duration')),
        h('dd', { 'data-testid': 'scenario-duration' }, t('create.minutes', { minutes: scenario.durationMinutes })),
        h('dt', {}, t('create.plans')),
        h('dd', {}, scenario.expectedPlans.join(t('list.separator'))),
      ),
      h('h3', {}, t('create.injects', { count: scenario.injects.length })),
      h(
        'table',
        { class: 'scenario-injects', 'data-testid': 'scenario-injects' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('create.atMinute')), h('th', { scope: 'col' }, t('create.kind')), h('th', { scope: 'col' }, t('create.what')))),
        h(
          'tbody',
          {},
          ...scenario.injects.map((inject) =>
            h('tr', {}, h('td', { class: 'numeric' }, formatMinutes(inject.atMinute)), h('td', {}, t(`injectKind.${inject.kind}`)), h('td', {}, inject.description)),
          ),
        ),
      ),
    );

  const form = () => {
    const nameInput = h('input', { id: 'drill-name', name: 'name', value: name, maxlength: 120, 'aria-invalid': invalid.has('name') ? 'true' : undefined });
    nameInput.addEventListener('input', () => {
      name = nameInput.value;
      nameTouched = true;
    });
    const rows = trainees.map((trainee, index) => traineeRow(trainee, index));
    const add = h('button', { type: 'button', 'data-testid': 'add-trainee' }, t('create.addTrainee'));
    add.addEventListener('click', () => {
      trainees.push({ username: '', playsAs: 'dispatcher', unitId: '' });
      render();
      root.querySelector<HTMLInputElement>(`#trainee-${trainees.length - 1}-username`)?.focus();
    });
    const element = h(
      'form',
      { class: 'create-form', 'data-testid': 'create-form', novalidate: true },
      h('h2', {}, t('create.formTitle')),
      h('label', { for: 'drill-name' }, t('create.name')),
      nameInput,
      h('h3', {}, t('create.trainees')),
      h('p', { class: 'hint' }, t('create.traineesHint')),
      h('ol', { class: 'trainee-rows' }, ...rows),
      add,
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary', 'data-testid': 'create-submit', disabled: busy || !chosen }, t('create.submit'))),
      h('p', { class: 'form-message error', role: 'alert', 'data-testid': 'create-error' }, message),
    );
    element.addEventListener('submit', (event) => {
      event.preventDefault();
      void submit();
    });
    return element;
  };

  const traineeRow = (trainee: TraineeDraft, index: number) => {
    const id = (field: string) => `trainee-${index}-${field}`;
    const flag = (field: string) => (invalid.has(`trainees.${index}.${field}`) ? 'true' : undefined);
    const username = h('input', { id: id('username'), name: 'username', value: trainee.username, autocomplete: 'off', 'aria-invalid': flag('username') });
    username.addEventListener('input', () => (trainee.username = username.value));
    const playsAs = h(
      'select',
      { id: id('playsAs'), name: 'playsAs' },
      h('option', { value: 'dispatcher' }, t('playsAs.dispatcher')),
      h('option', { value: 'field' }, t('playsAs.field')),
    );
    playsAs.value = trainee.playsAs;
    playsAs.addEventListener('change', () => {
      trainee.playsAs = playsAs.value as TraineeDraft['playsAs'];
      if (trainee.playsAs === 'dispatcher') trainee.unitId = '';
      render();
    });
    const unit = h(
      'select',
      { id: id('unitId'), name: 'unitId', disabled: trainee.playsAs !== 'field', 'aria-invalid': flag('unitId') },
      h('option', { value: '' }, trainee.playsAs === 'field' ? t('create.chooseUnit') : t('create.noUnit')),
      ...liveUnits.map((candidate) =>
        h('option', { value: candidate.id }, `${candidate.callSign} · ${t(`unitType.${candidate.type}`)} · ${candidate.stationName}`),
      ),
    );
    unit.value = trainee.unitId;
    unit.addEventListener('change', () => (trainee.unitId = unit.value));
    const remove = h('button', { type: 'button', class: 'link', 'aria-label': t('create.removeTrainee', { index: index + 1 }) }, '×');
    remove.addEventListener('click', () => {
      trainees.splice(index, 1);
      render();
    });
    return h(
      'li',
      { class: 'trainee-row', 'data-testid': 'trainee-row' },
      h('div', { class: 'form-row' }, h('label', { for: id('username') }, t('create.username')), username),
      h('div', { class: 'form-row' }, h('label', { for: id('playsAs') }, t('create.playsAs')), playsAs),
      h('div', { class: 'form-row wide' }, h('label', { for: id('unitId') }, t('create.unit')), unit),
      remove,
    );
  };

  const submit = async () => {
    if (!chosen) return;
    busy = true;
    message = '';
    invalid = new Set();
    render();
    const body = {
      scenarioId: chosen.id,
      ...(name.trim() && { name: name.trim() }),
      trainees: trainees
        .filter((trainee) => trainee.username.trim() !== '')
        .map((trainee) => ({
          username: trainee.username.trim(),
          playsAs: trainee.playsAs,
          ...(trainee.playsAs === 'field' && { unitId: trainee.unitId || undefined }),
        })),
    };
    let answer: Ack<CreatedDrill>;
    try {
      answer = await apiPost<CreatedDrill>(options.session, '/api/drills', body);
    } catch {
      answer = { ok: false, error: { code: 'INTERNAL', message: t('run.unreachable') } };
    }
    busy = false;
    if (answer.ok) {
      location.assign(`drill.html?drill=${answer.data.drillId}`);
      return;
    }
    const details = answer.error.details as { field?: string; issues?: { path: string }[] } | undefined;
    // Trainees left blank are not sent: map the server's index back to the row on screen.
    const sent = trainees.map((trainee, index) => ({ trainee, index })).filter(({ trainee }) => trainee.username.trim() !== '');
    for (const path of [details?.field, ...(details?.issues ?? []).map((issue) => issue.path)]) {
      const match = path?.match(/^trainees\.(\d+)\.(\w+)$/);
      if (match) invalid.add(`trainees.${sent[Number(match[1])]?.index ?? match[1]}.${match[2]}`);
      else if (path === 'name') invalid.add('name');
    }
    message = errorText(answer.error);
    render();
  };

  render();
  if (!units.ok) replaceChildren(root.querySelector('[data-testid=create-error]')!, errorText(units.error));
}
