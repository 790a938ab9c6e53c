import type { Actor, PlanTemplate } from '../../shared/index.js';
import { h } from '../common/dom.js';
import { currentLocale, t } from '../i18n/index.js';

/** One stored revision of a template, as GET /api/plans/:id lists them (oldest first). */
export interface TemplateRevision {
  seq: number;
  at: string;
  actor: Actor;
  template: PlanTemplate;
}

/** A template's revisions, newest first; choosing one shows it read-only in the form. */
export class RevisionHistory {
  readonly element = h('aside', { class: 'revision-history', 'data-testid': 'revision-history' });

  constructor(private readonly onChoose: (revision: TemplateRevision | null) => void) {}

  render(revisions: readonly TemplateRevision[], shown: number | null) {
    const newestFirst = [...revisions].sort((a, b) => b.template.revision - a.template.revision);
    this.element.replaceChildren(
      h('h3', {}, t('history.title', { count: revisions.length })),
      h(
        'ol',
        { class: 'revision-list' },
        ...newestFirst.map((revision, index) => {
          const button = h(
            'button',
            { type: 'button', class: `revision${revision.template.revision === shown ? ' current' : ''}`, 'data-testid': 'revision', 'data-revision': revision.template.revision, 'aria-current': revision.template.revision === shown ? 'true' : undefined },
            h('strong', {}, t('history.revision', { revision: revision.template.revision })),
            index === 0 ? h('span', { class: 'latest-tag' }, t('history.latest')) : null,
            h('span', { class: 'revision-meta' }, `${dateTime(revision.at)} · ${revision.actor.userId}`),
          );
          button.addEventListener('click', () => this.onChoose(index === 0 ? null : revision));
          return h('li', {}, button);
        }),
      ),
    );
  }
}

function dateTime(iso: string): string {
  return new Date(iso).toLocaleString(currentLocale(), { hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}
