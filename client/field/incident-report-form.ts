import { CATEGORIES, LEVELS, SUBTYPES, subtypeBelongsTo, type Category, type GeoPoint, type Level } from '../../shared/index.js';
import { h } from '../common/dom.js';
import { t } from '../i18n/index.js';
import type { FieldContext } from './field-context.js';

/**
 * A new incident seen by the team: category, then its sub-types, then level, a description, and the
 * phone's position (the unit's last known position when the phone has none). It is queued like every
 * command, so a report made without coverage goes out when coverage returns.
 */
export class IncidentReportForm {
  readonly element: HTMLDetailsElement;
  private readonly category: HTMLSelectElement;
  private readonly subtype: HTMLSelectElement;
  private readonly level: HTMLSelectElement;
  private readonly address: HTMLInputElement;
  private readonly casualties: HTMLInputElement;
  private readonly description: HTMLTextAreaElement;
  private readonly submit: HTMLButtonElement;
  private readonly message = h('p', { class: 'form-message', role: 'status', 'data-testid': 'report-message' });

  constructor(private readonly context: FieldContext) {
    const draft = context.drafts.report;
    this.category = h(
      'select',
      { 'data-testid': 'report-category', required: true },
      h('option', { value: '' }, t('report.choose')),
      ...CATEGORIES.map((category) => h('option', { value: category }, t(`category.${category}`))),
    );
    this.subtype = h('select', { 'data-testid': 'report-subtype', required: true });
    this.level = h('select', { 'data-testid': 'report-level' }, ...LEVELS.map((level) => h('option', { value: level }, t(`level.${level}`))));
    this.address = h('input', { 'data-testid': 'report-address', maxlength: 200, autocomplete: 'off' });
    this.casualties = h('input', { 'data-testid': 'report-casualties', type: 'number', min: 0, max: 100000, inputmode: 'numeric' });
    this.description = h('textarea', { 'data-testid': 'report-description', rows: 3, maxlength: 2000, required: true });
    this.submit = h('button', { type: 'submit', class: 'button primary big', 'data-testid': 'report-submit' }, t('report.submit'));
    this.category.value = draft.category;
    this.fillSubtypes();
    this.subtype.value = draft.subtype;
    this.level.value = draft.level || 'IV';
    this.address.value = draft.address;
    this.casualties.value = draft.casualties;
    this.description.value = draft.description;

    const form = h(
      'form',
      { class: 'report-form', novalidate: true },
      label(t('report.category'), this.category),
      label(t('report.subtype'), this.subtype),
      label(t('report.level'), this.level),
      label(t('report.description'), this.description),
      label(t('report.address'), this.address),
      label(t('report.casualties'), this.casualties),
      h('p', { class: 'hint' }, t('report.positionHint')),
      this.submit,
      this.message,
    );
    form.addEventListener('input', () => this.saveDraft());
    this.category.addEventListener('change', () => {
      this.fillSubtypes();
      this.saveDraft();
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.report();
    });
    this.element = h(
      'details',
      { class: 'panel report-panel', 'data-testid': 'report-panel', open: context.drafts.reportOpen },
      h('summary', {}, h('h2', {}, t('report.title'))),
      form,
    );
    this.element.addEventListener('toggle', () => (context.drafts.reportOpen = this.element.open));
  }

  private fillSubtypes() {
    const category = this.category.value as Category | '';
    const subtypes = category ? SUBTYPES[category] : [];
    this.subtype.replaceChildren(
      h('option', { value: '' }, category ? t('report.choose') : t('report.chooseCategoryFirst')),
      ...subtypes.map((subtype) => h('option', { value: subtype }, t(`subtype.${subtype}`))),
    );
    this.subtype.disabled = !category;
  }

  private saveDraft() {
    this.context.drafts.report = {
      category: this.category.value,
      subtype: this.subtype.value,
      level: this.level.value,
      address: this.address.value,
      casualties: this.casualties.value,
      description: this.description.value,
    };
  }

  private async report() {
    const category = this.category.value as Category;
    const subtype = this.subtype.value;
    const description = this.description.value.trim();
    const casualties = this.casualties.value === '' ? 0 : Number(this.casualties.value);
    if (!CATEGORIES.includes(category) || !subtypeBelongsTo(category, subtype) || !description) return this.say(t('report.incomplete'), true);
    if (!Number.isInteger(casualties) || casualties < 0 || casualties > 100_000) return this.say(t('report.badCasualties'), true);
    this.submit.disabled = true;
    this.say(t('report.locating'), false);
    try {
      const position = await this.position();
      if (!position) return this.say(t('report.noPosition'), true);
      await this.context.outbox.enqueue('incident:report', {
        category,
        subtype,
        level: this.level.value as Level,
        location: { lat: position.point.lat, lon: position.point.lon },
        address: this.address.value.trim(),
        description,
        casualties,
      });
      this.description.value = '';
      this.address.value = '';
      this.casualties.value = '';
      this.saveDraft();
      this.say(position.fromGps ? t('report.queued') : t('report.queuedUnitPosition'), false);
    } finally {
      this.submit.disabled = false;
    }
  }

  private async position(): Promise<{ point: GeoPoint; fromGps: boolean } | null> {
    const fix = await this.context.location.currentPosition();
    if (fix) return { point: fix, fromGps: true };
    const unit = this.context.store.state.units.get(this.context.unitId);
    return unit ? { point: unit.location, fromGps: false } : null;
  }

  private say(text: string, problem: boolean) {
    this.message.textContent = text;
    this.message.classList.toggle('problem', problem);
  }
}

function label(text: string, control: HTMLElement) {
  return h('label', { class: 'field-label' }, text, control);
}
