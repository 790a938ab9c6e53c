import { h } from '../common/dom.js';
import { t } from '../i18n/index.js';

export type Option = [value: string, label: string];
type Attributes = Record<string, string | number | boolean>;

/** Element ids can't hold dots usefully in selectors; paths keep them in data attributes. */
export const idOf = (path: string) => `plan-${path.replace(/\./g, '-')}`;

/** The catalog key of a field's label: row indices dropped (`actions.2.title.zh` → `field.actions.title.zh`). */
function labelKey(path: string): string {
  return `field.${path.replace(/\.\d+/g, '')}`;
}

/**
 * Inputs bound to a draft by getter and setter, each labelled from the catalog by its template path
 * and carrying that path (`data-control`) and a place for its errors (`data-error-for`), so an issue
 * path finds its field. A change calls `onChange`; a choice that reshapes the form (`structural`)
 * also calls `onStructure` for a redraw.
 */
export class FormControls {
  constructor(private readonly hooks: { onChange: () => void; onStructure: () => void }) {}

  /** Label, control and the place for the control's errors. */
  block(path: string, control: HTMLElement, className = ''): HTMLElement {
    return h('div', { class: `field ${className}`.trim(), 'data-path': path }, h('label', { for: idOf(path) }, t(labelKey(path))), control, this.slot(path));
  }

  /** A labelled group of checkboxes (a fieldset: one label for many inputs). */
  group(path: string, content: HTMLElement): HTMLElement {
    return h('fieldset', { class: 'field check-field', 'data-path': path }, h('legend', {}, t(labelKey(path))), content, this.slot(path));
  }

  slot(path: string): HTMLElement {
    return h('p', { class: 'field-error', id: `${idOf(path)}-error`, 'data-error-for': path, 'data-testid': `error-${path}`, role: 'alert' });
  }

  private control<K extends 'input' | 'textarea'>(tag: K, path: string, get: () => string, set: (value: string) => void, attributes: Attributes) {
    const element = h(tag, { id: idOf(path), 'data-control': path, 'data-testid': `input-${path}`, 'aria-describedby': `${idOf(path)}-error`, autocomplete: 'off', ...attributes });
    element.value = get();
    element.addEventListener('input', () => {
      set(element.value);
      this.hooks.onChange();
    });
    return element;
  }

  text(path: string, get: () => string, set: (value: string) => void, attributes: Attributes = {}) {
    return this.control('input', path, get, set, { type: 'text', maxlength: 500, ...attributes });
  }

  number(path: string, get: () => string, set: (value: string) => void, attributes: Attributes = {}) {
    return this.control('input', path, get, set, { type: 'number', inputmode: 'decimal', ...attributes });
  }

  textarea(path: string, get: () => string, set: (value: string) => void) {
    return this.control('textarea', path, get, set, { rows: 3, maxlength: 1000 });
  }

  select(path: string, options: Option[], get: () => string, set: (value: string) => void, flags: { placeholder?: boolean; structural?: boolean } = {}) {
    const current = get();
    const select = h(
      'select',
      { id: idOf(path), 'data-control': path, 'data-testid': `input-${path}`, 'aria-describedby': `${idOf(path)}-error` },
      flags.placeholder ? h('option', { value: '' }, t('form.choose')) : null,
      ...options.map(([value, label]) => h('option', { value, selected: value === current }, label)),
    );
    select.addEventListener('change', () => {
      set(select.value);
      this.hooks.onChange();
      if (flags.structural) this.hooks.onStructure();
    });
    return select;
  }

  checks(path: string, options: Option[], get: () => string[], set: (values: string[]) => void): HTMLElement {
    const boxes = options.map(([value, label]) => {
      const id = `${idOf(path)}-${value}`;
      const box = h('input', { type: 'checkbox', id, value, checked: get().includes(value), 'data-testid': `check-${path}-${value}` });
      box.addEventListener('change', () => {
        // The options' order, whatever order they were ticked in; a value no option lists (an old
        // revision's) stays at the end for the schema to judge.
        const chosen = new Set(get().filter((existing) => existing !== value));
        if (box.checked) chosen.add(value);
        const listed = options.map(([option]) => option);
        set([...listed.filter((option) => chosen.has(option)), ...[...chosen].filter((extra) => !listed.includes(extra))]);
        this.hooks.onChange();
      });
      return h('label', { for: id, class: 'check' }, box, label);
    });
    return h('div', { class: 'checks', 'data-control': path, 'aria-describedby': `${idOf(path)}-error` }, ...boxes);
  }
}
