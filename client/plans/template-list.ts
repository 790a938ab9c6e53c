import { CATEGORIES, type PlanTemplate } from '../../shared/index.js';
import { h, replaceChildren } from '../common/dom.js';
import { bilingual } from '../common/plan-text.js';
import { t } from '../i18n/index.js';

/** The plan library, filtered by category and words in the id or name. */
export class TemplateList {
  readonly element = h('aside', { class: 'template-list-panel', 'aria-label': '' });
  private templates: PlanTemplate[] = [];
  private category = '';
  private search = '';
  private selected: string | null = null;
  private readonly list = h('ul', { class: 'template-list', 'data-testid': 'template-list' });
  private readonly count = h('p', { class: 'hint', 'data-testid': 'template-count' });

  constructor(
    private readonly canEdit: boolean,
    private readonly hooks: { onSelect: (id: string) => void; onNew: () => void },
  ) {
    this.render();
  }

  setTemplates(templates: PlanTemplate[]) {
    this.templates = templates;
    this.renderList();
  }

  select(id: string | null) {
    this.selected = id;
    this.renderList();
  }

  /** Full redraw (language switch). */
  render() {
    this.element.setAttribute('aria-label', t('list.title'));
    const category = h(
      'select',
      { id: 'plans-filter-category', 'data-testid': 'filter-category' },
      h('option', { value: '' }, t('list.allCategories')),
      ...CATEGORIES.map((value) => h('option', { value, selected: value === this.category }, t(`category.${value}`))),
    );
    category.addEventListener('change', () => {
      this.category = category.value;
      this.renderList();
    });
    const search = h('input', { id: 'plans-search', type: 'search', value: this.search, placeholder: t('list.searchPlaceholder'), 'data-testid': 'filter-search' });
    search.addEventListener('input', () => {
      this.search = search.value;
      this.renderList();
    });
    const create = this.canEdit ? h('button', { type: 'button', class: 'primary', 'data-testid': 'template-new' }, `+ ${t('list.new')}`) : null;
    create?.addEventListener('click', () => this.hooks.onNew());
    this.element.replaceChildren(
      h(
        'div',
        { class: 'list-header' },
        h('div', { class: 'list-title' }, h('h2', {}, t('list.title')), create),
        h(
          'div',
          { class: 'list-filters' },
          h('label', { for: 'plans-filter-category', class: 'compact-field' }, h('span', {}, t('list.category')), category),
          h('label', { for: 'plans-search', class: 'compact-field' }, h('span', {}, t('list.search')), search),
        ),
        this.count,
      ),
      this.list,
    );
    this.renderList();
  }

  private renderList() {
    const words = this.search.trim().toLowerCase();
    const shown = this.templates.filter(
      (template) =>
        (!this.category || template.match.category === this.category) &&
        (!words || [template.id, template.name.zh, template.name.en].some((text) => text.toLowerCase().includes(words))),
    );
    this.count.textContent = t('list.count', { shown: shown.length, total: this.templates.length });
    replaceChildren(
      this.list,
      ...shown.map((template) => {
        const button = h(
          'button',
          { type: 'button', class: `template-item${template.id === this.selected ? ' selected' : ''}`, 'data-testid': 'template-item', 'data-template-id': template.id, 'aria-current': template.id === this.selected ? 'true' : undefined },
          h('span', { class: 'row-line' }, h('span', { class: `response-badge response-${template.responseLevel}` }, t(`responseLevel.${template.responseLevel}`)), h('strong', {}, bilingual(template.name))),
          h(
            'span',
            { class: 'row-line secondary' },
            `${template.id} · ${t('list.revision', { revision: template.revision })} · ${template.match.levels.join('/')} · ${template.match.subtypes.map((subtype) => t(`subtype.${subtype}`)).join(t('list.separator'))}`,
          ),
        );
        button.addEventListener('click', () => this.hooks.onSelect(template.id));
        return h('li', {}, button);
      }),
      shown.length === 0 ? h('li', { class: 'empty' }, t('list.none')) : null,
    );
  }
}
