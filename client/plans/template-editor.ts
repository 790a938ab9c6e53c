import type { Ack, CommandResult, PlanTemplate, ProtocolError } from '../../shared/index.js';
import { h, replaceChildren } from '../common/dom.js';
import { bilingual } from '../common/plan-text.js';
import { t } from '../i18n/index.js';
import { TransportError, type LiveClient } from '../net/live-client.js';
import { draftFromTemplate, emptyDraft, templateIssues, validateDraft, type TemplateDraft, type TemplateIssue } from './template-draft.js';
import { TemplateForm } from './template-form.js';
import { RevisionHistory, type TemplateRevision } from './revision-history.js';

/** What the editor shows: a template (its latest revision and history), or a new one. */
export type EditorSubject = { kind: 'template'; template: PlanTemplate; revisions: TemplateRevision[] } | { kind: 'new' };

type Message = { kind: 'error' | 'success' | 'info'; text: string; reload?: boolean };

/**
 * One template in the form: editable for those who keep the plan library, read-only for everyone else
 * and for past revisions. Saving checks the draft with the server's own schema first — nothing is sent
 * while any field is wrong — then sends plan-template:create or :revise over the socket.
 */
export class TemplateEditor {
  readonly element = h('section', { class: 'template-editor', 'data-testid': 'template-editor' });
  private subject: EditorSubject | null = null;
  private draft: TemplateDraft | null = null;
  private form: TemplateForm | null = null;
  /** A past revision being looked at (null: the latest, or a new template). */
  private viewing: TemplateRevision | null = null;
  private dirty = false;
  private saving = false;
  private message: Message | null = null;
  private readonly history: RevisionHistory;

  constructor(
    private readonly client: LiveClient,
    private readonly canEdit: boolean,
    private readonly hooks: { onSaved: (id: string) => void; onReload: (id: string) => void },
  ) {
    this.history = new RevisionHistory((revision) => this.viewRevision(revision));
  }

  get isDirty() {
    return this.dirty;
  }

  open(subject: EditorSubject, message: Message | null = null) {
    this.subject = subject;
    this.viewing = null;
    this.dirty = false;
    this.message = message;
    this.draft = subject.kind === 'new' ? emptyDraft() : draftFromTemplate(subject.template);
    this.render();
  }

  /** Full redraw (after a language switch the typed draft stays). */
  render() {
    const subject = this.subject;
    if (!subject || !this.draft) {
      this.element.replaceChildren(h('p', { class: 'empty placeholder' }, t(this.canEdit ? 'editor.nothingSelectedEditor' : 'editor.nothingSelected')));
      return;
    }
    const readOnly = !this.canEdit || this.viewing !== null;
    const draft = this.viewing ? draftFromTemplate(this.viewing.template) : this.draft;
    this.form = new TemplateForm(draft, { readOnly, isNew: subject.kind === 'new', onChange: () => this.changed() });
    const latest = subject.kind === 'template' ? subject.template : null;
    const title = latest ? `${bilingual(latest.name)}` : t('editor.newTitle');
    const meta = latest ? t('editor.meta', { id: latest.id, revision: latest.revision }) : t('editor.newMeta');
    this.history.render(subject.kind === 'template' ? subject.revisions : [], this.viewing?.template.revision ?? latest?.revision ?? null);
    replaceChildren(
      this.element,
      // The message rides in the sticky header: a save far down the form still shows its outcome.
      h(
        'header',
        { class: 'editor-header' },
        h('div', { class: 'editor-heading' }, h('h2', { 'data-testid': 'editor-title' }, title), h('p', { class: 'hint' }, meta), this.messageElement()),
        this.buttons(readOnly),
      ),
      this.banner(readOnly),
      h('div', { class: 'editor-body' }, this.form.element, subject.kind === 'template' ? this.history.element : null),
    );
  }

  private banner(readOnly: boolean): HTMLElement | null {
    if (this.viewing) {
      const back = h('button', { type: 'button', class: 'small', 'data-testid': 'back-to-latest' }, t('editor.backToLatest'));
      back.addEventListener('click', () => this.viewRevision(null));
      return h('p', { class: 'editor-banner history', 'data-testid': 'viewing-revision' }, t('editor.viewingRevision', { revision: this.viewing.template.revision }), ' ', back);
    }
    if (readOnly) return h('p', { class: 'editor-banner', 'data-testid': 'read-only' }, t('editor.readOnly'));
    return null;
  }

  private buttons(readOnly: boolean): HTMLElement | null {
    if (readOnly || !this.subject) return null;
    const next = this.subject.kind === 'template' ? this.subject.template.revision + 1 : 1;
    const save = h(
      'button',
      { type: 'button', class: 'primary', 'data-testid': 'template-save', disabled: this.saving },
      this.subject.kind === 'new' ? t('editor.create') : t('editor.saveRevision', { revision: next }),
    );
    save.addEventListener('click', () => void this.save());
    const reset = h('button', { type: 'button', 'data-testid': 'template-reset', disabled: !this.dirty || this.saving }, t('editor.reset'));
    reset.addEventListener('click', () => {
      if (this.subject) this.open(this.subject);
    });
    return h('div', { class: 'editor-buttons' }, reset, save);
  }

  private messageElement(): HTMLElement {
    const message = this.message;
    const element = h('div', { class: `form-message ${message?.kind ?? ''}`, role: message?.kind === 'error' ? 'alert' : 'status', 'data-testid': 'editor-message' }, message?.text ?? '');
    if (message?.reload && this.subject?.kind === 'template') {
      const id = this.subject.template.id;
      const reload = h('button', { type: 'button', class: 'small', 'data-testid': 'editor-reload' }, t('editor.reload'));
      reload.addEventListener('click', () => this.hooks.onReload(id));
      element.append(' ', reload);
    }
    return element;
  }

  private changed() {
    const wasDirty = this.dirty;
    this.dirty = true;
    if (!wasDirty) this.element.querySelector<HTMLButtonElement>('[data-testid=template-reset]')?.removeAttribute('disabled');
  }

  private viewRevision(revision: TemplateRevision | null) {
    const latest = this.subject?.kind === 'template' ? this.subject.template.revision : null;
    if (revision && revision.template.revision === latest) revision = null;
    if (revision && this.dirty && !window.confirm(t('editor.discardForHistory'))) return;
    this.viewing = revision;
    this.render();
  }

  private setMessage(message: Message | null) {
    this.message = message;
    const current = this.element.querySelector('[data-testid=editor-message]');
    current?.replaceWith(this.messageElement());
  }

  private check(subject: EditorSubject, draft: TemplateDraft): Checked {
    if (subject.kind === 'new') {
      const created = validateDraft(draft, null);
      if (!created.ok) return created;
      return { ok: true, id: created.template.id, send: () => this.client.send('plan-template:create', { template: created.template }) };
    }
    const revised = validateDraft(draft, subject.template.revision);
    if (!revised.ok) return revised;
    return { ok: true, id: revised.template.id, send: () => this.client.send('plan-template:revise', { template: revised.template }) };
  }

  private async save() {
    const subject = this.subject;
    const draft = this.draft;
    const form = this.form;
    if (!subject || !draft || !form || this.saving) return;
    const checked = this.check(subject, draft);
    if (!checked.ok) {
      form.showIssues(checked.issues);
      return this.setMessage({ kind: 'error', text: t('editor.fixFields', { count: checked.issues.length }) });
    }
    form.showIssues([]);
    this.saving = true;
    this.setMessage({ kind: 'info', text: t('editor.saving') });
    let error: ProtocolError | null = null;
    try {
      const ack = await checked.send();
      if (ack.ok) {
        this.saving = false;
        this.dirty = false;
        return this.hooks.onSaved(checked.id);
      }
      error = ack.error;
    } catch (failure) {
      if (!(failure instanceof TransportError)) throw failure;
    } finally {
      this.saving = false;
    }
    this.render();
    if (!error) return this.setMessage({ kind: 'error', text: t('editor.notSent') });
    // The form was redrawn above: show the server's issues on the new one.
    const issues = serverIssues(error);
    this.form?.showIssues(issues);
    if (error.code === 'STALE_VERSION') return this.setMessage({ kind: 'error', text: t('editor.stale'), reload: true });
    if (issues.length > 0) return this.setMessage({ kind: 'error', text: t('editor.refusedFields', { count: issues.length }) });
    this.setMessage({ kind: 'error', text: `${t(`error.${error.code}`)} — ${error.message}` });
  }
}

/** The draft through the server's schema, and how to send it when it passes. */
type Checked = { ok: false; issues: TemplateIssue[] } | { ok: true; id: string; send: () => Promise<Ack<CommandResult>> };

/** Field issues of a refused save: the schema's (`details.issues`) or a rule's (`details.field`). */
function serverIssues(error: ProtocolError): TemplateIssue[] {
  const details = error.details as { issues?: TemplateIssue[]; field?: string } | undefined;
  if (Array.isArray(details?.issues)) return templateIssues(details.issues);
  if (typeof details?.field === 'string') return templateIssues([{ path: details.field, message: error.message, code: `server:${error.code}` }]);
  return [];
}
