import { h } from '../common/dom.js';
import { t } from '../i18n/index.js';

/**
 * A labelled filter drop-down with an "all" first choice, as the queue and the units panel use:
 * `onChange` gets the chosen value ('' for all).
 */
export function filterSelect(options: {
  id: string;
  name: string;
  label: string;
  choices: [value: string, text: string][];
  value: string;
  onChange: (value: string) => void;
}): HTMLElement {
  const select = h(
    'select',
    { id: options.id, name: options.name, 'data-testid': options.id },
    h('option', { value: '' }, t('queue.all')),
    ...options.choices.map(([value, text]) => h('option', { value, selected: options.value === value }, text)),
  );
  select.addEventListener('change', () => options.onChange(select.value));
  return h('label', { for: options.id, class: 'compact-field' }, h('span', {}, options.label), select);
}
