import {
  CATEGORIES,
  INJECT_KINDS,
  LEVELS,
  SUBTYPES,
  isIncidentOpen,
  type Ack,
  type Category,
  type DrillStatus,
  type GeoPoint,
  type InjectKind,
  type Level,
} from '../../shared/index.js';
import { h, replaceChildren } from '../common/dom.js';
import { t } from '../i18n/index.js';
import { apiPost } from '../net/api.js';
import type { Session } from '../net/session.js';
import type { WorldStore } from '../store/world-store.js';
import { errorText } from './drill-page.js';

/** What the instructor has typed, kept across re-renders (a kind change, a language switch). */
interface InjectDraft {
  kind: InjectKind;
  description: string;
  category: Category;
  subtype: string;
  level: Level;
  lat: string;
  lon: string;
  address: string;
  casualties: string;
  incidentId: string;
  reason: string;
  add: string;
  unitId: string;
}

type Field = Exclude<keyof InjectDraft, 'kind'>;

const emptyDraft = (kind: InjectKind = 'incident'): InjectDraft => ({
  kind,
  description: '',
  category: 'accident',
  subtype: 'building_fire',
  level: 'III',
  lat: '',
  lon: '',
  address: '',
  casualties: '0',
  incidentId: '',
  reason: '',
  add: '1',
  unitId: '',
});

const PLACED: readonly InjectKind[] = ['incident', 'related-incident', 'road-closed'];
const ON_INCIDENT: readonly InjectKind[] = ['related-incident', 'escalate', 'casualties'];

/** Where the server's issue paths point in this form. */
function fieldOf(path: string): Field | null {
  const last = path.split('.').at(-1) ?? '';
  if (path === 'ref' || path === 'relatedTo') return 'incidentId';
  if (path.startsWith('unit')) return 'unitId';
  if (last === 'lat' || path.endsWith('location')) return 'lat';
  if (last === 'lon') return 'lon';
  const known: Field[] = ['description', 'category', 'subtype', 'level', 'address', 'casualties', 'reason', 'add'];
  return (known as string[]).includes(last) ? (last as Field) : null;
}

/**
 * The instructor's ad-hoc inject: any of the scenario kinds, fired at once (POST …/inject). A new
 * incident or a closed road is placed by clicking the map; escalations and casualties name a drill
 * incident, a breakdown a drill unit. The server's schema judges; its issues show beside the fields.
 */
export class InjectForm {
  readonly element = h('form', { class: 'inject-form', 'data-testid': 'inject-form', novalidate: true });
  private draft = emptyDraft();
  private errors: Partial<Record<Field, string>> = {};
  private message: { tone: 'success' | 'error'; text: string } | null = null;
  private status: DrillStatus = 'created';
  private busy = false;

  constructor(
    private readonly session: Session,
    private readonly drillId: string,
    private readonly store: WorldStore,
    private readonly onLocation: (position: GeoPoint | null) => void,
  ) {
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
    store.subscribe((change) => {
      if (change.reset || change.events.some((event) => event.type.startsWith('incident:') || event.type === 'unit:status-changed')) this.refreshChoices();
    });
  }

  /** Whether a map click should place this inject. */
  wantsLocation(): boolean {
    return PLACED.includes(this.draft.kind);
  }

  setLocation(position: GeoPoint) {
    if (!this.wantsLocation()) return;
    this.draft.lat = String(position.lat);
    this.draft.lon = String(position.lon);
    for (const field of ['lat', 'lon'] as const) {
      const input = this.element.querySelector<HTMLInputElement>(`[name=${field}]`);
      if (input) input.value = this.draft[field];
    }
    this.onLocation(position);
  }

  /** Points an escalation or casualty inject at an incident chosen elsewhere (the incident list, the map). */
  chooseIncident(incidentId: string) {
    this.draft.incidentId = incidentId;
    const select = this.element.querySelector<HTMLSelectElement>('[name=incidentId]');
    if (select) select.value = incidentId;
  }

  setStatus(status: DrillStatus) {
    if (status === this.status) return;
    this.status = status;
    this.render();
  }

  render() {
    const draft = this.draft;
    const open = this.status === 'running' || this.status === 'paused';
    const kind = this.select('kind', INJECT_KINDS.map((value) => [value, t(`injectKind.${value}`)]), draft.kind);
    kind.addEventListener('change', () => {
      draft.kind = kind.value as InjectKind;
      this.errors = {};
      this.onLocation(this.wantsLocation() && draft.lat && draft.lon ? { lat: Number(draft.lat), lon: Number(draft.lon) } : null);
      this.render();
    });
    const fields: (HTMLElement | null)[] = [this.row('kind', t('injectForm.kind'), kind)];
    if (ON_INCIDENT.includes(draft.kind))
      fields.push(this.row('incidentId', draft.kind === 'related-incident' ? t('injectForm.relatedTo') : t('injectForm.incident'), this.incidentSelect()));
    if (draft.kind === 'incident' || draft.kind === 'related-incident') fields.push(...this.reportFields());
    if (draft.kind === 'road-closed') fields.push(this.locationRow());
    if (draft.kind === 'escalate') {
      fields.push(this.row('level', t('injectForm.newLevel'), this.select('level', LEVELS.map((level) => [level, t(`level.${level}`)]), draft.level)));
      fields.push(this.row('reason', t('injectForm.reason'), this.input('reason', 'text')));
    }
    if (draft.kind === 'casualties') fields.push(this.row('add', t('injectForm.add'), this.input('add', 'number', { min: 1, step: 1 })));
    if (draft.kind === 'unit-breakdown') fields.push(this.row('unitId', t('injectForm.unit'), this.unitSelect()));
    const description = h('textarea', { name: 'description', id: 'inject-description', rows: 2, placeholder: t('injectForm.descriptionHint') });
    description.value = draft.description;
    description.addEventListener('input', () => (draft.description = description.value));
    fields.push(this.row('description', t('injectForm.description'), description));
    replaceChildren(
      this.element,
      open ? null : h('p', { class: 'hint warning', 'data-testid': 'inject-closed' }, t('injectForm.closed')),
      h(
        'fieldset',
        { disabled: !open || this.busy },
        h('legend', { class: 'visually-hidden' }, t('injectForm.title')),
        ...fields,
        h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary', 'data-testid': 'inject-submit' }, t('injectForm.submit'))),
      ),
      h('p', { class: `form-message ${this.message?.tone ?? ''}`, role: 'status', 'data-testid': 'inject-result' }, this.message?.text ?? ''),
    );
  }

  private reportFields(): HTMLElement[] {
    const draft = this.draft;
    const category = this.select('category', CATEGORIES.map((value) => [value, t(`category.${value}`)]), draft.category);
    category.addEventListener('change', () => {
      draft.category = category.value as Category;
      draft.subtype = SUBTYPES[draft.category][0];
      this.render();
    });
    const subtype = this.select('subtype', SUBTYPES[draft.category].map((value) => [value, t(`subtype.${value}`)]), draft.subtype);
    const level = this.select('level', LEVELS.map((value) => [value, t(`level.${value}`)]), draft.level);
    return [
      h('div', { class: 'form-pair' }, this.row('category', t('injectForm.category'), category), this.row('subtype', t('injectForm.subtype'), subtype)),
      h(
        'div',
        { class: 'form-pair' },
        this.row('level', t('injectForm.level'), level),
        this.row('casualties', t('injectForm.casualties'), this.input('casualties', 'number', { min: 0, step: 1 })),
      ),
      this.locationRow(),
      this.row('address', t('injectForm.address'), this.input('address', 'text')),
    ];
  }

  private locationRow(): HTMLElement {
    return h(
      'div',
      { class: 'form-location' },
      h(
        'div',
        { class: 'form-pair' },
        this.row('lat', t('injectForm.lat'), this.input('lat', 'number', { step: 'any' })),
        this.row('lon', t('injectForm.lon'), this.input('lon', 'number', { step: 'any' })),
      ),
      h('p', { class: 'hint' }, t('injectForm.clickMap')),
    );
  }

  private incidentSelect(): HTMLSelectElement {
    const select = h('select', { name: 'incidentId', id: 'inject-incidentId' });
    select.addEventListener('change', () => (this.draft.incidentId = select.value));
    this.fillIncidents(select);
    return select;
  }

  private unitSelect(): HTMLSelectElement {
    const select = h('select', { name: 'unitId', id: 'inject-unitId' });
    select.addEventListener('change', () => (this.draft.unitId = select.value));
    this.fillUnits(select);
    return select;
  }

  private fillIncidents(select: HTMLSelectElement) {
    const incidents = [...this.store.state.incidents.values()].filter((incident) => isIncidentOpen(incident.status));
    incidents.sort((a, b) => a.code.localeCompare(b.code));
    select.replaceChildren(
      h('option', { value: '' }, incidents.length ? t('injectForm.chooseIncident') : t('injectForm.noIncidents')),
      ...incidents.map((incident) => h('option', { value: incident.id }, `${incident.code} · ${t(`subtype.${incident.subtype}`)} · ${incident.level}`)),
    );
    select.value = incidents.some((incident) => incident.id === this.draft.incidentId) ? this.draft.incidentId : '';
  }

  private fillUnits(select: HTMLSelectElement) {
    const units = [...this.store.state.units.values()].filter((unit) => unit.status !== 'out_of_service');
    // Units at work first: a breakdown on the way is what tests a dispatcher.
    units.sort((a, b) => Number(a.status === 'available') - Number(b.status === 'available') || a.callSign.localeCompare(b.callSign));
    select.replaceChildren(
      h('option', { value: '' }, t('injectForm.chooseUnit')),
      ...units.map((unit) => h('option', { value: unit.id }, `${unit.callSign} · ${t(`unitType.${unit.type}`)} · ${t(`unitStatus.${unit.status}`)}`)),
    );
    select.value = units.some((unit) => unit.id === this.draft.unitId) ? this.draft.unitId : '';
  }

  /** New incidents and units changing status: the choices change, what was typed stays. */
  private refreshChoices() {
    const incidents = this.element.querySelector<HTMLSelectElement>('[name=incidentId]');
    if (incidents) this.fillIncidents(incidents);
    const units = this.element.querySelector<HTMLSelectElement>('[name=unitId]');
    if (units) this.fillUnits(units);
  }

  private row(field: Field | 'kind', label: string, control: HTMLElement): HTMLElement {
    const id = `inject-${field}`;
    control.id = id;
    const error = field === 'kind' ? undefined : this.errors[field];
    if (error) control.setAttribute('aria-invalid', 'true');
    return h(
      'div',
      { class: 'form-row' },
      h('label', { for: id }, label),
      control,
      error ? h('span', { class: 'field-error', title: error }, t('injectForm.fieldInvalid')) : null,
    );
  }

  private input(field: Field, type: string, attributes: Record<string, string | number> = {}): HTMLInputElement {
    const input = h('input', { name: field, type, ...attributes });
    input.value = this.draft[field];
    input.addEventListener('input', () => {
      this.draft[field] = input.value as never;
      if ((field === 'lat' || field === 'lon') && this.draft.lat && this.draft.lon)
        this.onLocation({ lat: Number(this.draft.lat), lon: Number(this.draft.lon) });
    });
    return input;
  }

  private select(name: string, options: [string, string][], value: string): HTMLSelectElement {
    const select = h('select', { name }, ...options.map(([optionValue, label]) => h('option', { value: optionValue }, label)));
    select.value = value;
    if (name !== 'kind' && name !== 'category') select.addEventListener('change', () => ((this.draft as unknown as Record<string, string>)[name] = select.value));
    return select;
  }

  /** The request body, as typed: the server's schema decides what is wrong. */
  private body(): Record<string, unknown> {
    const draft = this.draft;
    const number = (value: string) => (value.trim() === '' ? undefined : Number(value));
    const location = { lat: number(draft.lat), lon: number(draft.lon) };
    const description = draft.description.trim();
    switch (draft.kind) {
      case 'incident':
      case 'related-incident':
        return {
          kind: draft.kind,
          // The ref names the incident (INC-<drill>-<ref>); one per inject, so never reused.
          ref: `adhoc${Date.now().toString(36)}`,
          ...(draft.kind === 'related-incident' && { relatedTo: draft.incidentId || undefined }),
          description,
          report: {
            category: draft.category,
            subtype: draft.subtype,
            level: draft.level,
            location,
            address: draft.address.trim(),
            description,
            casualties: number(draft.casualties) ?? 0,
          },
        };
      case 'escalate':
        return { kind: draft.kind, ref: draft.incidentId || undefined, level: draft.level, reason: draft.reason.trim() || description, description };
      case 'casualties':
        return { kind: draft.kind, ref: draft.incidentId || undefined, add: number(draft.add), description };
      case 'unit-breakdown':
        return { kind: draft.kind, unit: { unitId: draft.unitId || undefined }, description };
      case 'road-closed':
        return { kind: draft.kind, location, description };
    }
  }

  private async submit() {
    this.busy = true;
    this.render();
    let answer: Ack<{ injectId: string }>;
    try {
      answer = await apiPost<{ injectId: string }>(this.session, `/api/drills/${this.drillId}/inject`, this.body());
    } catch {
      answer = { ok: false, error: { code: 'INTERNAL', message: t('run.unreachable') } };
    }
    this.busy = false;
    this.errors = {};
    if (answer.ok) {
      this.message = { tone: 'success', text: t('injectForm.fired', { injectId: answer.data.injectId }) };
      this.draft = emptyDraft(this.draft.kind);
      this.onLocation(null);
    } else {
      const issues = (answer.error.details as { issues?: { path: string; message: string }[] } | undefined)?.issues ?? [];
      for (const issue of issues) {
        const field = fieldOf(issue.path);
        if (field && !this.errors[field]) this.errors[field] = issue.message;
      }
      this.message = { tone: 'error', text: errorText(answer.error) };
    }
    this.render();
  }
}
