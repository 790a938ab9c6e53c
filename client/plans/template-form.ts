import {
  AGENCIES,
  CATEGORIES,
  DALIAN_DISTRICT_KEYS,
  LEVELS,
  ROLES,
  SUBTYPES,
  UNIT_CAPABILITIES,
  UNIT_TYPES,
  type Category,
  type UnitType,
} from '../../shared/index.js';
import { h } from '../common/dom.js';
import { t } from '../i18n/index.js';
import { FormControls, idOf, type Option } from './form-controls.js';
import { emptyAction, emptyRequirement, describeIssue, slotFor, type TemplateDraft, type TemplateIssue } from './template-draft.js';


/**
 * The template editor form: every field of a plan template, bound to a {@link TemplateDraft}. Choices
 * that depend on others follow them (sub-types of the chosen category, capabilities of the chosen
 * unit type). Every input carries its template path, so an issue from the schema — client or server —
 * is shown under the field it is about. Read-only, the same form is shown disabled.
 */
export class TemplateForm {
  readonly element = h('form', { class: 'template-form', novalidate: true, 'data-testid': 'template-form' });
  private issues: TemplateIssue[] = [];
  private readonly controls: FormControls;

  constructor(
    private readonly draft: TemplateDraft,
    private readonly options: { readOnly: boolean; isNew: boolean; onChange: () => void },
  ) {
    this.controls = new FormControls({ onChange: options.onChange, onStructure: () => this.render() });
    this.render();
  }

  /** Shows issues beside their fields (an empty list clears them); returns how many were shown. */
  showIssues(issues: readonly TemplateIssue[]): number {
    this.issues = [...issues];
    const slots = new Map<string, HTMLElement>();
    for (const slot of this.element.querySelectorAll<HTMLElement>('[data-error-for]')) {
      slots.set(slot.dataset.errorFor!, slot);
      slot.replaceChildren();
    }
    for (const control of this.element.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
    for (const issue of issues) {
      const path = slotFor(issue.path, new Set(slots.keys()));
      const described = describeIssue(issue);
      slots.get(path)?.append(h('span', { class: 'issue' }, described.text, h('span', { class: 'field-error-detail' }, ` (${described.detail})`)));
      for (const control of this.element.querySelectorAll(`[data-control="${path}"]`)) control.setAttribute('aria-invalid', 'true');
    }
    this.element.querySelector<HTMLElement>('[aria-invalid=true], .field-error:not(:empty)')?.scrollIntoView({ block: 'center' });
    return issues.length;
  }

  render() {
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.control : undefined;
    const d = this.draft;
    const sections = h(
      'fieldset',
      { class: 'form-sections', disabled: this.options.readOnly },
      h('p', { class: 'field-error form-level', 'data-error-for': '', 'data-testid': 'error-form' }),
      this.section('form.section.identity', [
        h(
          'div',
          { class: 'field-row' },
          this.controls.block('id', this.controls.text('id', () => d.id, (value) => (d.id = value), { readonly: !this.options.isNew, maxlength: 64 }), 'narrow-wide'),
          this.controls.block('name.zh', this.controls.text('name.zh', () => d.name.zh, (value) => (d.name.zh = value))),
          this.controls.block('name.en', this.controls.text('name.en', () => d.name.en, (value) => (d.name.en = value))),
        ),
      ]),
      this.section('form.section.match', this.matchFields()),
      this.section('form.section.response', [
        h(
          'div',
          { class: 'field-row' },
          this.controls.block('responseLevel', this.controls.select('responseLevel', ['1', '2', '3', '4'].map((level) => [level, t(`responseLevel.${level}`)]), () => d.responseLevel, (value) => (d.responseLevel = value))),
          this.controls.block('leadAgency', this.controls.select('leadAgency', AGENCIES.map((agency) => [agency, t(`agency.${agency}`)]), () => d.leadAgency, (value) => (d.leadAgency = value), { placeholder: true })),
        ),
        this.controls.group('supportingAgencies', this.controls.checks('supportingAgencies', AGENCIES.map((agency) => [agency, t(`agency.${agency}`)]), () => d.supportingAgencies, (values) => (d.supportingAgencies = values))),
        this.controls.group('notifications', this.controls.checks('notifications', AGENCIES.map((agency) => [agency, t(`agency.${agency}`)]), () => d.notifications, (values) => (d.notifications = values))),
      ]),
      this.section('form.section.requirements', [
        this.controls.slot('requirements'),
        ...d.requirements.map((_, index) => this.requirementRow(index)),
        this.addButton('form.addRequirement', 'add-requirement', () => d.requirements.push(emptyRequirement())),
      ]),
      this.section('form.section.actions', [
        h('p', { class: 'hint' }, t('form.actionsHint')),
        this.controls.slot('actions'),
        ...d.actions.map((_, index) => this.actionRow(index)),
        this.addButton('form.addAction', 'add-action', () => d.actions.push(emptyAction())),
      ]),
      this.section('form.section.warning', [
        h(
          'div',
          { class: 'field-row' },
          this.controls.block('cordonRadiusM', this.controls.number('cordonRadiusM', () => d.cordonRadiusM, (value) => (d.cordonRadiusM = value), { min: 0, step: 10 })),
          this.controls.block('evacuationRadiusM', this.controls.number('evacuationRadiusM', () => d.evacuationRadiusM, (value) => (d.evacuationRadiusM = value), { min: 0, step: 10 })),
        ),
        h(
          'div',
          { class: 'field-row' },
          this.controls.block('publicWarning.zh', this.controls.textarea('publicWarning.zh', () => d.publicWarning.zh, (value) => (d.publicWarning.zh = value))),
          this.controls.block('publicWarning.en', this.controls.textarea('publicWarning.en', () => d.publicWarning.en, (value) => (d.publicWarning.en = value))),
        ),
      ]),
      this.section('form.section.termination', [
        this.controls.slot('terminationConditions'),
        ...d.terminationConditions.map((_, index) => this.terminationRow(index)),
        this.addButton('form.addCondition', 'add-condition', () => d.terminationConditions.push({ zh: '', en: '' })),
      ]),
    );
    this.element.replaceChildren(sections);
    if (this.issues.length > 0) this.showIssues(this.issues);
    if (focused) this.element.querySelector<HTMLElement>(`[data-control="${focused}"]`)?.focus();
  }

  private matchFields(): HTMLElement[] {
    const match = this.draft.match;
    const category = (CATEGORIES as readonly string[]).includes(match.category) ? (match.category as Category) : null;
    const areaKinds: Option[] = (['none', 'circle', 'districts'] as const).map((kind) => [kind, t(`form.area.${kind}`)]);
    const fields: HTMLElement[] = [
      h(
        'div',
        { class: 'field-row' },
        this.controls.block(
          'match.category',
          this.controls.select('match.category', CATEGORIES.map((value) => [value, t(`category.${value}`)]), () => match.category, (value) => {
            match.category = value;
            // Sub-types of another category could never match: drop them with the category.
            match.subtypes = match.subtypes.filter((subtype) => (SUBTYPES[value as Category] as readonly string[] | undefined)?.includes(subtype));
          }, { placeholder: true, structural: true }),
        ),
        this.controls.block('match.area', this.controls.select('match.area', areaKinds, () => match.area.kind, (value) => (match.area.kind = value as typeof match.area.kind), { structural: true })),
      ),
      this.controls.group(
        'match.subtypes',
        category
          ? this.controls.checks('match.subtypes', SUBTYPES[category].map((subtype) => [subtype, t(`subtype.${subtype}`)]), () => match.subtypes, (values) => (match.subtypes = values))
          : h('p', { class: 'hint', 'data-control': 'match.subtypes' }, t('form.chooseCategoryFirst')),
      ),
      this.controls.group('match.levels', this.controls.checks('match.levels', LEVELS.map((level) => [level, t(`level.${level}`)]), () => match.levels, (values) => (match.levels = values))),
    ];
    const area = match.area;
    if (area.kind === 'circle')
      fields.push(
        h(
          'div',
          { class: 'field-row' },
          this.controls.block('match.area.centre.lat', this.controls.number('match.area.centre.lat', () => area.lat, (value) => (area.lat = value), { step: 'any' })),
          this.controls.block('match.area.centre.lon', this.controls.number('match.area.centre.lon', () => area.lon, (value) => (area.lon = value), { step: 'any' })),
          this.controls.block('match.area.radiusKm', this.controls.number('match.area.radiusKm', () => area.radiusKm, (value) => (area.radiusKm = value), { step: 'any', min: 0 })),
        ),
      );
    if (area.kind === 'districts')
      fields.push(
        this.controls.group('match.area.districts', this.controls.checks('match.area.districts', DALIAN_DISTRICT_KEYS.map((key) => [key, t(`district.${key}`)]), () => area.districts, (values) => (area.districts = values))),
      );
    return fields;
  }

  private requirementRow(index: number): HTMLElement {
    const row = this.draft.requirements[index]!;
    const base = `requirements.${index}`;
    const capabilities: readonly string[] = (UNIT_TYPES as readonly string[]).includes(row.unitType) ? UNIT_CAPABILITIES[row.unitType as UnitType] : [];
    return h(
      'div',
      { class: 'row-editor requirement-row', 'data-testid': 'requirement-row', 'data-row': index },
      h(
        'div',
        { class: 'field-row' },
        this.controls.block(`${base}.unitType`, this.controls.select(`${base}.unitType`, UNIT_TYPES.map((type) => [type, t(`unitType.${type}`)]), () => row.unitType, (value) => {
          row.unitType = value;
          // A capability of another type would fail validation; start the new type with "any".
          if (!(UNIT_CAPABILITIES[value as UnitType] as readonly string[] | undefined)?.includes(row.capability)) row.capability = '';
        }, { placeholder: true, structural: true })),
        this.controls.block(`${base}.count`, this.controls.number(`${base}.count`, () => row.count, (value) => (row.count = value), { min: 1, max: 100, step: 1 }), 'narrow'),
        this.controls.block(`${base}.capability`, this.controls.select(`${base}.capability`, [['', t('form.anyCapability')], ...capabilities.map((capability): Option => [capability, t(`capability.${capability}`)])], () => row.capability, (value) => (row.capability = value))),
        this.rowButtons(this.draft.requirements, index, false),
      ),
      this.controls.slot(base),
    );
  }

  private actionRow(index: number): HTMLElement {
    const row = this.draft.actions[index]!;
    const base = `actions.${index}`;
    const responsible = h(
      'select',
      { id: idOf(`${base}.responsible`), 'data-control': `${base}.responsible`, 'data-testid': `input-${base}.responsible`, 'aria-describedby': `${idOf(`${base}.responsible`)}-error` },
      h('option', { value: '' }, t('form.choose')),
      h('optgroup', { label: t('form.roles') }, ...ROLES.map((role) => h('option', { value: role, selected: row.responsible === role }, t(`role.${role}`)))),
      h('optgroup', { label: t('form.agencies') }, ...AGENCIES.map((agency) => h('option', { value: agency, selected: row.responsible === agency }, t(`agency.${agency}`)))),
    );
    responsible.addEventListener('change', () => {
      row.responsible = responsible.value;
      this.options.onChange();
    });
    return h(
      'div',
      { class: 'row-editor action-row', 'data-testid': 'action-row', 'data-row': index },
      h(
        'div',
        { class: 'field-row' },
        h('span', { class: 'row-number' }, String(index + 1)),
        this.controls.block(`${base}.id`, this.controls.text(`${base}.id`, () => row.id, (value) => (row.id = value), { maxlength: 48 })),
        this.controls.block(`${base}.responsible`, responsible),
        this.controls.block(`${base}.deadlineMinutes`, this.controls.number(`${base}.deadlineMinutes`, () => row.deadlineMinutes, (value) => (row.deadlineMinutes = value), { min: 0, step: 1 }), 'narrow'),
        this.rowButtons(this.draft.actions, index, true),
      ),
      h(
        'div',
        { class: 'field-row' },
        this.controls.block(`${base}.title.zh`, this.controls.text(`${base}.title.zh`, () => row.title.zh, (value) => (row.title.zh = value))),
        this.controls.block(`${base}.title.en`, this.controls.text(`${base}.title.en`, () => row.title.en, (value) => (row.title.en = value))),
      ),
      this.controls.slot(base),
    );
  }

  private terminationRow(index: number): HTMLElement {
    const row = this.draft.terminationConditions[index]!;
    const base = `terminationConditions.${index}`;
    return h(
      'div',
      { class: 'row-editor', 'data-testid': 'termination-row', 'data-row': index },
      h(
        'div',
        { class: 'field-row' },
        this.controls.block(`${base}.zh`, this.controls.text(`${base}.zh`, () => row.zh, (value) => (row.zh = value))),
        this.controls.block(`${base}.en`, this.controls.text(`${base}.en`, () => row.en, (value) => (row.en = value))),
        this.rowButtons(this.draft.terminationConditions, index, false),
      ),
      this.controls.slot(base),
    );
  }

  private section(titleKey: string, children: (HTMLElement | null)[]): HTMLElement {
    return h('section', { class: 'form-section' }, h('h3', {}, t(titleKey)), ...children);
  }

  private rowButtons<T>(rows: T[], index: number, movable: boolean): HTMLElement | null {
    if (this.options.readOnly) return null;
    const button = (label: string, title: string, testId: string, run: () => void, disabled = false) => {
      const element = h('button', { type: 'button', class: 'small', title, 'aria-label': title, 'data-testid': testId, disabled }, label);
      element.addEventListener('click', () => {
        run();
        this.issues = [];
        this.options.onChange();
        this.render();
      });
      return element;
    };
    const swap = (other: number) => {
      const [moved] = rows.splice(index, 1);
      rows.splice(other, 0, moved!);
    };
    return h(
      'div',
      { class: 'row-buttons' },
      movable ? button('↑', t('form.moveUp'), 'row-up', () => swap(index - 1), index === 0) : null,
      movable ? button('↓', t('form.moveDown'), 'row-down', () => swap(index + 1), index === rows.length - 1) : null,
      button('×', t('form.removeRow'), 'row-remove', () => rows.splice(index, 1), rows.length === 1),
    );
  }

  private addButton(labelKey: string, testId: string, add: () => void): HTMLElement | null {
    if (this.options.readOnly) return null;
    const button = h('button', { type: 'button', class: 'small add-row', 'data-testid': testId }, `+ ${t(labelKey)}`);
    button.addEventListener('click', () => {
      add();
      this.issues = [];
      this.options.onChange();
      this.render();
    });
    return button;
  }
}
