import { CATEGORIES, LEVELS, SUBTYPES, type Category } from '../../shared/index.js';
import { h } from '../common/dom.js';
import { t } from '../i18n/index.js';
import type { FieldIssue } from './command-feedback.js';

/** The intake form's inputs, by their `name` (tests and the server's issue paths rely on them). */
export const INTAKE_FIELDS = ['category', 'subtype', 'level', 'lat', 'lon', 'address', 'description', 'callerName', 'callerPhone', 'casualties'] as const;
export type IntakeField = (typeof INTAKE_FIELDS)[number];
export type IntakeDraft = Record<IntakeField, string>;

export function emptyDraft(): IntakeDraft {
  return { category: '', subtype: '', level: 'IV', lat: '', lon: '', address: '', description: '', callerName: '', callerPhone: '', casualties: '0' };
}

/** Which input a server issue path belongs to: `location.lat` → lat, `caller.phone` → callerPhone. */
export function fieldForIssuePath(path: string): IntakeField | null {
  const aliases: Record<string, IntakeField> = {
    location: 'lat',
    'location.lat': 'lat',
    'location.lon': 'lon',
    caller: 'callerName',
    'caller.name': 'callerName',
    'caller.phone': 'callerPhone',
    text: 'description',
  };
  if (path in aliases) return aliases[path]!;
  return (INTAKE_FIELDS as readonly string[]).includes(path) ? (path as IntakeField) : null;
}

/** A server issue in the dispatcher's language, keeping the server's own words as the detail. */
export function describeIssue(issue: FieldIssue): { text: string; detail: string } {
  const known = ['invalid_type', 'invalid_value', 'too_small', 'too_big', 'invalid_format'];
  return { text: t(known.includes(issue.code) ? `validation.${issue.code}` : 'validation.invalid'), detail: issue.message };
}

/** The sub-type choices of one category only (an empty category offers none). */
export function subtypeOptions(category: string, selected: string): HTMLOptionElement[] {
  const options = [h('option', { value: '' }, t('intake.choose'))];
  if ((CATEGORIES as readonly string[]).includes(category))
    for (const subtype of SUBTYPES[category as Category]) options.push(h('option', { value: subtype, selected: subtype === selected }, t(`subtype.${subtype}`)));
  return options;
}

/** Builds one input of the form from the draft; errors are tied to it with aria-describedby. */
export function intakeControl(name: IntakeField, draft: IntakeDraft): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  const common = { id: `intake-${name}`, name, 'data-testid': `intake-${name}`, 'aria-describedby': `intake-error-${name}` };
  switch (name) {
    case 'category':
      return h(
        'select',
        common,
        h('option', { value: '' }, t('intake.choose')),
        ...CATEGORIES.map((category) => h('option', { value: category, selected: draft.category === category }, t(`category.${category}`))),
      );
    case 'subtype':
      return h('select', common, ...subtypeOptions(draft.category, draft.subtype));
    case 'level':
      return h('select', common, ...LEVELS.map((level) => h('option', { value: level, selected: draft.level === level }, t(`level.${level}`))));
    case 'description':
      return h('textarea', { ...common, rows: 3, maxlength: 2000, placeholder: t('intake.descriptionPlaceholder') }, draft.description);
    case 'lat':
    case 'lon':
      return h('input', { ...common, type: 'number', step: 'any', inputmode: 'decimal', value: draft[name], placeholder: name === 'lat' ? '38.914' : '121.614' });
    case 'casualties':
      return h('input', { ...common, type: 'number', min: 0, step: 1, inputmode: 'numeric', value: draft.casualties });
    case 'callerPhone':
      return h('input', { ...common, type: 'tel', autocomplete: 'off', value: draft.callerPhone, maxlength: 32 });
    default:
      return h('input', { ...common, type: 'text', autocomplete: 'off', value: draft[name], maxlength: name === 'address' ? 200 : 80 });
  }
}

/** Label, control and the slot for its error, as one block. */
export function intakeFieldBlock(name: IntakeField, control: HTMLElement, error: { text: string; detail: string } | undefined, className = ''): HTMLElement {
  if (error) control.setAttribute('aria-invalid', 'true');
  return h(
    'div',
    { class: `field ${className}`.trim(), 'data-field': name },
    h('label', { for: `intake-${name}` }, t(`intake.field.${name}`)),
    control,
    h(
      'p',
      { class: 'field-error', id: `intake-error-${name}`, 'data-testid': `intake-error-${name}` },
      error ? error.text : '',
      error?.detail ? h('span', { class: 'field-error-detail' }, ` (${error.detail})`) : null,
    ),
  );
}
