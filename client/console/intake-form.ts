import { DALIAN_BBOX, isInBox } from '../../shared/geo/distance.js';
import type { Category, CommandInput, GeoPoint, Incident } from '../../shared/index.js';
import { h } from '../common/dom.js';
import { t } from '../i18n/index.js';
import type { LiveClient } from '../net/live-client.js';
import type { WorldStore } from '../store/world-store.js';
import { fieldIssues, sendCommand, type CommandOutcome } from './command-feedback.js';
import {
  INTAKE_FIELDS,
  describeIssue,
  emptyDraft,
  fieldForIssuePath,
  intakeControl,
  intakeFieldBlock,
  subtypeOptions,
  type IntakeDraft,
  type IntakeField,
} from './intake-fields.js';
import { findSimilarOpenIncidents } from './similar-incidents.js';

export interface IntakeHooks {
  /** The report's position changed (typed or clicked); null when the form was cleared. */
  onLocation: (position: GeoPoint | null) => void;
  onOpenIncident: (incidentId: string) => void;
}

type Message = { kind: 'error' | 'success'; text: string; incidentId?: string };

/**
 * Call intake: place the report (map click or typed coordinates), classify it, describe it. Before a
 * duplicate is created it warns of open incidents of the same category within 300 m and offers to
 * add the call as a note there instead. The server validates; its issues show beside each field.
 */
export class IntakeForm {
  readonly element: HTMLElement;
  private draft: IntakeDraft = emptyDraft();
  private errors: Partial<Record<IntakeField, { text: string; detail: string }>> = {};
  private message: Message | null = null;
  private similar: { incident: Incident; distanceKm: number }[] = [];
  private reportAnyway = false;
  private readonly similarSlot = h('div', { class: 'similar-slot', 'aria-live': 'polite' });

  constructor(
    private readonly store: WorldStore,
    private readonly client: LiveClient,
    private readonly hooks: IntakeHooks,
  ) {
    this.element = h('section', { class: 'intake' });
    store.subscribe((change) => {
      if (change.reset || change.events.some((event) => event.type.startsWith('incident:'))) this.checkSimilar();
    });
    this.render();
  }

  /** A position chosen on the map. */
  setLocation(position: GeoPoint) {
    this.draft.lat = String(position.lat);
    this.draft.lon = String(position.lon);
    delete this.errors.lat;
    delete this.errors.lon;
    for (const name of ['lat', 'lon'] as const) {
      const input = this.element.querySelector<HTMLInputElement>(`[name=${name}]`);
      if (input) input.value = this.draft[name];
    }
    this.locationChanged();
  }

  render() {
    const controls = Object.fromEntries(INTAKE_FIELDS.map((name) => [name, intakeControl(name, this.draft)])) as unknown as Record<IntakeField, HTMLElement>;
    const block = (name: IntakeField, className = '') => intakeFieldBlock(name, controls[name], this.errors[name], className);
    const outside = this.position() && !isInBox(this.position()!, DALIAN_BBOX);
    const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'intake-submit' }, t('intake.submit'));
    const clear = h('button', { type: 'button', 'data-testid': 'intake-clear' }, t('intake.clear'));
    clear.addEventListener('click', () => this.clear());
    const form = h(
      'form',
      { class: 'intake-form', 'data-testid': 'intake-form', novalidate: true, 'aria-labelledby': 'intake-heading' },
      h('h2', { id: 'intake-heading' }, t('intake.title')),
      h('div', { class: 'field-row' }, block('category'), block('subtype')),
      h('div', { class: 'field-row' }, block('level'), block('casualties', 'narrow')),
      h('div', { class: 'field-row' }, block('lat'), block('lon')),
      h('p', { class: `hint${outside ? ' warning' : ''}`, 'data-testid': 'intake-location-hint' }, t(outside ? 'intake.outsideDalian' : 'intake.mapHint')),
      block('address'),
      block('description'),
      h('div', { class: 'field-row' }, block('callerName'), block('callerPhone')),
      this.similarSlot,
      this.messageElement(),
      h('div', { class: 'form-buttons' }, clear, submit),
    );
    form.addEventListener('input', (event) => this.onInput(event));
    form.addEventListener('change', (event) => this.onInput(event));
    form.addEventListener('keydown', (event) => {
      // A textarea takes Enter for new lines; Ctrl+Enter still sends the report.
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit();
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
    this.element.replaceChildren(form);
    this.checkSimilar();
  }

  private onInput(event: Event) {
    const target = event.target;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement)) return;
    const name = target.name as IntakeField;
    if (!(INTAKE_FIELDS as readonly string[]).includes(name) || this.draft[name] === target.value) return;
    this.draft[name] = target.value;
    if (name === 'category') {
      // Only this category's sub-types may be chosen: the old choice goes if it does not belong.
      this.draft.subtype = '';
      this.element.querySelector<HTMLSelectElement>('[name=subtype]')?.replaceChildren(...subtypeOptions(this.draft.category, ''));
      this.checkSimilar();
    }
    if (name === 'lat' || name === 'lon') this.locationChanged();
  }

  private locationChanged() {
    const position = this.position();
    const hint = this.element.querySelector<HTMLElement>('[data-testid=intake-location-hint]');
    const outside = position !== null && !isInBox(position, DALIAN_BBOX);
    if (hint) {
      hint.textContent = t(outside ? 'intake.outsideDalian' : 'intake.mapHint');
      hint.classList.toggle('warning', outside);
    }
    this.hooks.onLocation(position);
    this.checkSimilar();
  }

  private position(): GeoPoint | null {
    const lat = Number.parseFloat(this.draft.lat);
    const lon = Number.parseFloat(this.draft.lon);
    return Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : null;
  }

  private checkSimilar() {
    const position = this.position();
    const category = this.draft.category as Category | '';
    this.similar = position && category ? findSimilarOpenIncidents(this.store.state.incidents.values(), { category, location: position }) : [];
    if (this.similar.length === 0) this.reportAnyway = false;
    this.renderSimilar();
  }

  private renderSimilar() {
    if (this.similar.length === 0) {
      this.similarSlot.replaceChildren();
      return;
    }
    const items = this.similar.slice(0, 3).map(({ incident, distanceKm }) => {
      const addNote = h('button', { type: 'button', 'data-testid': 'similar-add-note', 'data-incident-id': incident.id }, t('intake.addNoteTo', { code: incident.code }));
      addNote.addEventListener('click', () => void this.addNote(incident));
      const open = h('button', { type: 'button', class: 'link' }, t('intake.viewIncident'));
      open.addEventListener('click', () => this.hooks.onOpenIncident(incident.id));
      return h(
        'li',
        {},
        h('span', {}, `${incident.code} · ${t(`subtype.${incident.subtype}`)} · ${t(`incidentStatus.${incident.status}`)} · ${Math.round(distanceKm * 1000)} m`),
        h('span', { class: 'similar-buttons' }, addNote, open),
      );
    });
    const anyway = h('button', { type: 'button', 'data-testid': 'similar-report-anyway' }, t('intake.reportAnyway'));
    anyway.addEventListener('click', () => {
      this.reportAnyway = true;
      this.element.querySelector('form')?.requestSubmit();
    });
    this.similarSlot.replaceChildren(
      h(
        'div',
        { class: 'similar-warning', role: 'alert', 'data-testid': 'similar-warning' },
        h('strong', {}, t('intake.similarTitle', { count: this.similar.length })),
        h('ul', {}, ...items),
        anyway,
      ),
    );
  }

  private async submit() {
    if (this.similar.length > 0 && !this.reportAnyway) {
      this.showMessage({ kind: 'error', text: t('intake.similarFirst') });
      this.similarSlot.querySelector<HTMLElement>('button')?.focus();
      return;
    }
    const draft = this.draft;
    const numberOrUndefined = (value: string) => (value.trim() === '' ? undefined : Number(value));
    // Sent as typed: the server's schema is the one judge of validity, and its issues name the fields.
    const payload = {
      category: draft.category || undefined,
      subtype: draft.subtype || undefined,
      level: draft.level || undefined,
      location: { lat: numberOrUndefined(draft.lat), lon: numberOrUndefined(draft.lon) },
      address: draft.address,
      description: draft.description,
      caller: { name: draft.callerName, phone: draft.callerPhone },
      casualties: draft.casualties.trim() === '' ? 0 : Number(draft.casualties),
    } as unknown as Omit<CommandInput<'incident:report'>, 'idempotencyKey'>;
    const outcome = await this.withBusy(() => sendCommand(this.client, 'incident:report', payload));
    if (!outcome.ok) return this.showFailure(outcome);
    const incidentId = outcome.result.createdIds[0];
    const code = incidentId ? this.store.state.incidents.get(incidentId)?.code : undefined;
    this.clear({ kind: 'success', text: t('intake.reported', { code: code ?? incidentId ?? '' }), ...(incidentId && { incidentId }) });
  }

  private async addNote(incident: Incident) {
    const draft = this.draft;
    if (draft.description.trim() === '') {
      this.errors = { description: { text: t('intake.noteNeedsDescription'), detail: '' } };
      this.render();
      this.element.querySelector<HTMLElement>('[name=description]')?.focus();
      return;
    }
    const text = t('intake.noteText', {
      description: draft.description.trim(),
      caller: draft.callerName.trim() || t('intake.unknownCaller'),
      phone: draft.callerPhone.trim() || '—',
      casualties: draft.casualties.trim() || '0',
    });
    const outcome = await this.withBusy(() => sendCommand(this.client, 'incident:note', { incidentId: incident.id, text }));
    if (!outcome.ok) return this.showFailure(outcome);
    this.clear({ kind: 'success', text: t('intake.noteAdded', { code: incident.code }), incidentId: incident.id });
  }

  private showFailure(outcome: Extract<CommandOutcome, { ok: false }>) {
    this.errors = {};
    const unplaced: string[] = [];
    for (const issue of fieldIssues(outcome.error)) {
      const field = fieldForIssuePath(issue.path);
      if (field && !this.errors[field]) this.errors[field] = describeIssue(issue);
      else if (!field) unplaced.push(`${issue.path}: ${issue.message}`);
    }
    this.message = { kind: 'error', text: [outcome.message, ...unplaced].join(' · ') };
    this.render();
    const first = INTAKE_FIELDS.find((name) => this.errors[name]);
    this.element.querySelector<HTMLElement>(first ? `[name=${first}]` : '[data-testid=intake-message]')?.focus();
  }

  private clear(message: Message | null = null) {
    this.draft = emptyDraft();
    this.errors = {};
    this.reportAnyway = false;
    this.message = message;
    this.hooks.onLocation(null);
    this.render();
  }

  private showMessage(message: Message) {
    this.message = message;
    this.element.querySelector('[data-testid=intake-message]')?.replaceWith(this.messageElement());
  }

  private messageElement(): HTMLElement {
    const message = this.message;
    const element = h('div', { class: `form-message ${message?.kind ?? ''}`, role: message?.kind === 'error' ? 'alert' : 'status', tabindex: -1, 'data-testid': 'intake-message' });
    if (!message) return element;
    element.append(h('span', {}, message.text));
    if (message.incidentId) {
      const incidentId = message.incidentId;
      const open = h('button', { type: 'button', class: 'link', 'data-testid': 'intake-open-incident' }, t('intake.openIncident'));
      open.addEventListener('click', () => this.hooks.onOpenIncident(incidentId));
      element.append(' ', open);
    }
    return element;
  }

  private async withBusy<T>(work: () => Promise<T>): Promise<T> {
    const buttons = [...this.element.querySelectorAll<HTMLButtonElement>('button')];
    for (const button of buttons) button.disabled = true;
    try {
      return await work();
    } finally {
      for (const button of buttons) button.disabled = false;
    }
  }
}
