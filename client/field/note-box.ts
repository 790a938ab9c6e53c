import type { StoredEvent, StoredEventOf } from '../../shared/index.js';
import { h, replaceChildren } from '../common/dom.js';
import { currentLocale, t } from '../i18n/index.js';
import { apiGet } from '../net/session.js';
import type { FieldContext } from './field-context.js';

interface ShownNote {
  key: string;
  text: string;
  at: string;
  /** Who wrote it, as the team thinks of them. */
  from: 'us' | 'otherTeam' | 'dispatch';
  /** Set for the team's own notes that the server has not answered yet. */
  outboxStatus?: string;
}

const NOTE_LIMIT = 30;

/**
 * Situation updates on the current incident, both ways: what the dispatch centre and the team wrote
 * (the incident's timeline, then live `incident:noted` events) and what this phone still has queued.
 */
export class NoteBox {
  readonly element: HTMLElement;
  private readonly list = h('ul', { class: 'note-list', 'data-testid': 'note-list' });
  private readonly text: HTMLTextAreaElement;
  private readonly sendButton: HTMLButtonElement;
  private incidentId: string | null = null;
  private serverNotes = new Map<number, StoredEventOf<'incident:noted'>>();
  private readonly unsubscribers: (() => void)[] = [];

  constructor(private readonly context: FieldContext) {
    this.text = h('textarea', { class: 'note-text', 'data-testid': 'note-text', rows: 3, maxlength: 2000, placeholder: t('note.placeholder') });
    this.text.value = context.drafts.note;
    this.sendButton = h('button', { type: 'button', class: 'button primary', 'data-testid': 'note-send' }, t('note.send'));
    this.text.addEventListener('input', () => {
      context.drafts.note = this.text.value;
      this.sendButton.disabled = this.text.value.trim() === '';
    });
    this.sendButton.disabled = this.text.value.trim() === '';
    this.sendButton.addEventListener('click', () => void this.send());
    this.element = h(
      'div',
      { class: 'note-box' },
      h('h3', {}, t('note.title')),
      this.list,
      h('label', { class: 'field-label' }, t('note.label'), this.text),
      h('div', { class: 'button-row' }, this.sendButton),
    );
    this.unsubscribers.push(
      context.store.subscribe((change) => {
        if (change.reset) void this.loadTimeline();
        for (const event of change.events) this.take(event);
        this.render();
      }),
      context.outbox.subscribe(() => this.render()),
    );
  }

  /** Switches to an incident (null: no current job). */
  show(incidentId: string | null) {
    if (incidentId === this.incidentId) return;
    this.incidentId = incidentId;
    this.serverNotes.clear();
    this.render();
    if (incidentId) void this.loadTimeline();
  }

  destroy() {
    for (const unsubscribe of this.unsubscribers) unsubscribe();
  }

  private take(event: StoredEvent) {
    if (event.type === 'incident:noted' && event.data.incidentId === this.incidentId) this.serverNotes.set(event.seq, event);
  }

  /** Earlier notes come from the timeline; offline this simply fails and the list shows what it has. */
  private async loadTimeline() {
    const incidentId = this.incidentId;
    if (!incidentId) return;
    try {
      const answer = await apiGet<StoredEvent[]>(this.context.session, `/api/incidents/${encodeURIComponent(incidentId)}/timeline?world=${encodeURIComponent(this.context.world)}`);
      if (!answer.ok || incidentId !== this.incidentId) return;
      for (const event of answer.data) this.take(event);
      this.render();
    } catch {
      // No coverage: live events and the outbox still fill the list.
    }
  }

  private async send() {
    const text = this.text.value.trim();
    if (!text || !this.incidentId) return;
    this.sendButton.disabled = true;
    await this.context.outbox.enqueue('incident:note', { incidentId: this.incidentId, text });
    this.text.value = '';
    this.context.drafts.note = '';
  }

  private render() {
    const me = this.context.session.user.id;
    const notes: ShownNote[] = [...this.serverNotes.values()].map((event) => ({
      key: `seq-${event.seq}`,
      text: event.data.text,
      at: event.at,
      from: event.actor.userId === me ? 'us' : event.actor.role === 'field' ? 'otherTeam' : 'dispatch',
    }));
    // Our own notes until the server's event for them arrives (matched by text: the event has no key).
    for (const entry of this.context.outbox.list()) {
      if (entry.name !== 'incident:note' || entry.payload.incidentId !== this.incidentId) continue;
      const text = String(entry.payload.text);
      if (entry.status === 'confirmed' && notes.some((note) => note.from === 'us' && note.text === text)) continue;
      notes.push({ key: entry.key, text, at: new Date(entry.createdAt).toISOString(), from: 'us', outboxStatus: entry.status });
    }
    notes.sort((a, b) => (a.at < b.at ? 1 : -1));
    replaceChildren(
      this.list,
      ...notes.slice(0, NOTE_LIMIT).map((note) =>
        h(
          'li',
          { class: `note from-${note.from}`, 'data-outbox-status': note.outboxStatus },
          h('span', { class: 'note-meta' }, `${time(note.at)} · ${t(`note.from.${note.from}`)}`, note.outboxStatus ? ` · ${t(`outbox.status.${note.outboxStatus}`)}` : ''),
          h('span', { class: 'note-body' }, note.text),
        ),
      ),
      notes.length === 0 ? h('li', { class: 'note empty hint' }, t('note.none')) : null,
    );
  }
}

function time(iso: string): string {
  return new Date(iso).toLocaleTimeString(currentLocale(), { hour: '2-digit', minute: '2-digit' });
}
