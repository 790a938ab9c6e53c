import type { PlanTemplate } from '../../shared/index.js';
import { h } from '../common/dom.js';
import { editsPlans } from '../common/permissions.js';
import { statusBar } from '../common/status-bar.js';
import { t } from '../i18n/index.js';
import type { LiveClient } from '../net/live-client.js';
import { apiGet, type Session } from '../net/session.js';
import type { WorldStore } from '../store/world-store.js';
import { TemplateEditor } from './template-editor.js';
import { TemplateList } from './template-list.js';
import type { TemplateRevision } from './revision-history.js';

export interface PlansPageOptions {
  session: Session;
  client: LiveClient;
  store: WorldStore;
  onLogout: () => void;
}

/**
 * The plan library page: templates on the left (GET /api/plans), one template with its revision
 * history on the right (GET /api/plans/:id). Supervisors and administrators edit and create; everyone
 * else reads. `?id=PLAN-…` opens a template directly (the console links to the active plan so).
 */
export function mountPlansApp(root: HTMLElement, options: PlansPageOptions) {
  const { session, client, store } = options;
  const canEdit = editsPlans(session.user);
  let selected: string | null = new URLSearchParams(location.search).get('id');

  const list = new TemplateList(canEdit, {
    onSelect: (id) => {
      if (editor.isDirty && !window.confirm(t('editor.discard'))) return;
      void openTemplate(id);
    },
    onNew: () => {
      if (editor.isDirty && !window.confirm(t('editor.discard'))) return;
      selected = null;
      list.select(null);
      history.replaceState(null, '', location.pathname);
      editor.open({ kind: 'new' });
    },
  });
  const editor = new TemplateEditor(client, canEdit, {
    onSaved: (id) => void openTemplate(id, true),
    onReload: (id) => void openTemplate(id),
  });

  async function loadLibrary() {
    const answer = await apiGet<PlanTemplate[]>(session, '/api/plans');
    if (answer.ok) list.setTemplates(answer.data);
  }

  async function openTemplate(id: string, saved = false) {
    selected = id;
    list.select(id);
    history.replaceState(null, '', `?id=${encodeURIComponent(id)}`);
    const answer = await apiGet<{ template: PlanTemplate; revisions: TemplateRevision[] }>(session, `/api/plans/${encodeURIComponent(id)}`);
    if (selected !== id) return;
    if (!answer.ok) return editor.open({ kind: 'new' }, { kind: 'error', text: `${t(`error.${answer.error.code}`)} — ${answer.error.message}` });
    const { template, revisions } = answer.data;
    editor.open({ kind: 'template', template, revisions }, saved ? { kind: 'success', text: t('editor.saved', { id, revision: template.revision }) } : null);
    if (saved) await loadLibrary();
  }

  const statusSlot = h('div', { class: 'status-slot' });
  const consoleLink = () => h('a', { class: 'status-link', href: './', 'data-testid': 'console-link' }, t('plans.backToConsole'));
  const renderStatusBar = () =>
    statusSlot.replaceChildren(statusBar(client, { world: 'live', onLogout: options.onLogout, onLocaleChange: relabel, extra: [consoleLink()] }));
  function relabel() {
    document.title = t('plans.title');
    renderStatusBar();
    list.render();
    editor.render();
  }

  root.replaceChildren(h('div', { class: 'plans-root' }, statusSlot, h('main', { class: 'plans-main' }, list.element, editor.element)));
  renderStatusBar();
  editor.render();
  document.title = t('plans.title');
  // Someone else changed the library: the list shows it; an open form keeps the draft and says so on save.
  store.subscribe((change) => {
    if (change.events.some((event) => event.type.startsWith('plan-template:'))) void loadLibrary();
  });
  void loadLibrary().then(() => (selected ? openTemplate(selected) : undefined));
}
