import type {
  AfterActionReview,
  AssignmentReview,
  IncidentReview,
  IntervalReview,
  ResourceLineReview,
  ScoreReview,
  StoredEvent,
  TimelineEntry,
  WorldState,
} from '../../shared/index.js';
import { LEVEL_INFO } from '../../shared/index.js';
import { h } from '../common/dom.js';
import { describeEvent, eventTone } from '../drill/event-text.js';
import { formatDrillClock, formatDrillDateTime, formatOffset, formatSeconds, inLocale, offsetSeconds } from '../drill/format.js';
import { t } from '../i18n/index.js';
import { checklistChart, intervalChart, resourcesChart, scoreChart } from './review-charts.js';

/** What the sections need besides the review: the drill's log and the world folded from it, for names. */
export interface ReviewContext {
  review: AfterActionReview;
  /** What each scripted inject says, when the drill's summary was readable (to name those that never fired). */
  injectDescriptions: Map<string, string>;
  eventsBySeq: Map<number, StoredEvent>;
  finalState: WorldState;
}

const table = (testId: string, headKeys: string[], rows: HTMLElement[], className = '') =>
  h(
    'table',
    { class: `review-table ${className}`, 'data-testid': testId },
    h('thead', {}, h('tr', {}, ...headKeys.map((key) => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, ...rows),
  );

const time = (context: ReviewContext, iso: string | null) =>
  iso ? h('span', { class: 'review-time' }, formatOffset(offsetSeconds(context.review.startsAt, iso)), h('small', {}, formatDrillClock(iso))) : '—';

const seconds = (value: number | null) => (value === null ? '—' : formatSeconds(value));

/** A score as big figures (unless the heading shows it already) and, beside it, where its points came from. */
export function scoreBlock(score: ScoreReview | null, testId: string, withTotal = true): HTMLElement {
  if (!score) return h('p', { class: 'empty', 'data-testid': testId }, t('score.none'));
  const rows = score.components.map((component) =>
    h(
      'tr',
      { 'data-component': component.id },
      h('td', {}, h('span', { class: `swatch component-${component.id}` }), t(`component.${component.id}`)),
      h('td', { class: 'numeric' }, component.points === null ? t('score.notApplicable') : String(component.points)),
      h('td', { class: 'numeric' }, String(component.weight)),
      h('td', { class: 'numeric' }, component.credit === null ? '—' : `${Math.round(component.credit * 100)}%`),
    ),
  );
  return h(
    'div',
    { class: `score-block${withTotal ? '' : ' without-total'}`, 'data-testid': testId },
    withTotal
      ? h('div', { class: 'score-total' }, h('span', { class: 'score-number', 'data-testid': `${testId}-total` }, String(score.total)), h('span', { class: 'score-of' }, t('score.of100')))
      : null,
    h(
      'div',
      { class: 'score-breakdown' },
      scoreChart(score),
      table(`${testId}-components`, ['score.component', 'score.points', 'score.weight', 'score.credit'], rows, 'compact'),
    ),
  );
}

/** The header of the report: DRILL, the drill and its scenario, when it ran, and the overall score. */
export function reportHeader(context: ReviewContext): HTMLElement {
  const { review } = context;
  return h(
    'section',
    { class: 'review-header', 'aria-labelledby': 'review-title' },
    h('div', { class: 'review-drill-mark', 'aria-hidden': 'true' }, t('report.mark')),
    h('h1', { id: 'review-title' }, t('report.title')),
    h('p', { class: 'review-name', 'data-testid': 'review-name' }, review.name),
    h(
      'dl',
      { class: 'review-facts' },
      h('dt', {}, t('report.scenario')),
      h('dd', { 'data-testid': 'review-scenario' }, inLocale(review.scenarioName) || review.scenarioId),
      h('dt', {}, t('report.drillId')),
      h('dd', {}, review.drillId),
      h('dt', {}, t('report.started')),
      h('dd', {}, formatDrillDateTime(review.startsAt)),
      h('dt', {}, review.provisional ? t('report.evaluatedAt') : t('report.ended')),
      h('dd', {}, formatDrillDateTime(review.evaluatedAt), ' · ', t('report.elapsed', { minutes: review.elapsedMinutes })),
      h('dt', {}, t('report.status')),
      h('dd', {}, t(`drillStatus.${review.status}`)),
    ),
    review.provisional ? h('p', { class: 'review-provisional', role: 'note', 'data-testid': 'review-provisional' }, t('report.provisional')) : null,
    h('h2', {}, t('report.overallScore')),
    scoreBlock(review.score, 'overall-score'),
    h('p', { class: 'hint' }, t('report.scoreNote')),
  );
}

/** The drill as a whole: intervals across incidents, the checklist, resources, assignments, injects. */
export function aggregatesSection(context: ReviewContext): HTMLElement {
  const { review } = context;
  const aggregates = review.aggregates;
  const intervalRows = aggregates.intervals.map((interval) =>
    h(
      'tr',
      { 'data-interval': interval.id },
      h('td', {}, t(`interval.${interval.id}`)),
      h('td', { class: 'numeric' }, String(interval.applicable)),
      h('td', { class: 'numeric' }, String(interval.measured)),
      h('td', { class: 'numeric' }, String(interval.met)),
      h('td', { class: 'numeric' }, String(interval.missed)),
      h('td', { class: 'numeric' }, seconds(interval.meanSeconds)),
      h('td', { class: 'numeric' }, seconds(interval.maxSeconds)),
      h('td', { class: 'numeric' }, interval.percentMet === null ? '—' : `${interval.percentMet}%`),
    ),
  );
  const { assignments, resources } = aggregates;
  return h(
    'section',
    { class: 'review-aggregates', 'aria-labelledby': 'aggregates-title', 'data-testid': 'review-aggregates' },
    h('h2', { id: 'aggregates-title' }, t('aggregates.title')),
    h(
      'p',
      { class: 'aggregate-summary' },
      t('aggregates.summary', {
        incidents: aggregates.incidents,
        scored: aggregates.scoredIncidents,
        fired: review.injects.fired.length,
        scripted: review.injects.scripted,
      }),
    ),
    h('h3', {}, t('aggregates.intervals')),
    table(
      'aggregate-intervals',
      ['interval.name', 'aggregates.applicable', 'aggregates.measured', 'aggregates.met', 'aggregates.missed', 'aggregates.mean', 'aggregates.max', 'aggregates.percentMet'],
      intervalRows,
    ),
    h('h3', {}, t('aggregates.checklist')),
    checklistChart(aggregates.checklist),
    h('h3', {}, t('aggregates.resourcesAndAssignments')),
    h(
      'ul',
      { class: 'aggregate-list' },
      h('li', {}, t('aggregates.resources', { matched: resources.matched, required: resources.required })),
      h('li', {}, t('aggregates.assignments', assignments)),
    ),
    review.injects.notFired.length
      ? h(
          'div',
          { class: 'not-fired' },
          h('h3', {}, t('aggregates.notFired', { count: review.injects.notFired.length })),
          h('ul', { class: 'aggregate-list' }, ...review.injects.notFired.map((injectId) => h('li', {}, context.injectDescriptions.get(injectId) ?? injectId))),
        )
      : null,
  );
}

/** One incident: what it was, its score, its intervals against their targets, its plan, its resources and its timeline. */
export function incidentSection(context: ReviewContext, incident: IncidentReview): HTMLElement {
  const levels = incident.levels.join(' → ');
  return h(
    'section',
    { class: 'incident-section', 'data-testid': 'incident-review', 'data-incident-id': incident.incidentId, 'aria-labelledby': `incident-${incident.incidentId}` },
    h(
      'h2',
      { id: `incident-${incident.incidentId}`, class: 'incident-title' },
      h('span', { class: 'level-badge', style: `background: ${LEVEL_INFO[incident.level].colour}` }, incident.level),
      `${incident.code} · ${t(`subtype.${incident.subtype}`)}`,
      h('span', { class: 'incident-score' }, incident.scored ? t('incident.score', { score: incident.score.total }) : t('incident.notScored')),
    ),
    h(
      'p',
      { class: 'incident-facts' },
      t(`category.${incident.category}`),
      ' · ',
      t('incident.levels', { levels }),
      ' · ',
      t(`incidentStatus.${incident.status}`),
      ' · ',
      t('incident.casualties', { count: incident.casualties }),
      ' · ',
      incident.source === 'inject' ? t('incident.fromInject', { ref: incident.ref ?? '' }) : t('incident.fromTrainee'),
    ),
    h('p', { class: 'incident-description' }, incident.description),
    incident.scored ? scoreBlock(incident.score, `incident-score-${incident.code}`, false) : null,
    h('h3', {}, t('incident.intervals')),
    intervalTable(incident.intervals),
    intervalChart(incident.intervals),
    planBlock(context, incident),
    resourcesBlock(incident),
    h('h3', {}, t('incident.assignments', { count: incident.assignments.length })),
    incident.assignments.length ? assignmentsTable(context, incident.assignments) : h('p', { class: 'empty' }, t('incident.noAssignments')),
    h('h3', {}, t('incident.timeline')),
    timelineList(context, incident.timeline, `incident-timeline-${incident.code}`),
  );
}

function intervalTable(intervals: IntervalReview[]): HTMLElement {
  const rows = intervals.map((interval) => {
    const result = !interval.applicable
      ? h('span', { class: 'result na' }, t('interval.notApplicable'))
      : interval.met === null
        ? h('span', { class: 'result none' }, t('interval.noTarget'))
        : interval.met
          ? h('span', { class: 'result met' }, t('interval.met'))
          : h('span', { class: 'result missed' }, interval.seconds === null ? t('interval.neverReached') : t('interval.missed'));
    return h(
      'tr',
      { 'data-testid': 'interval-row', 'data-interval': interval.id, 'data-met': String(interval.met) },
      h('td', {}, h('strong', {}, t(`interval.${interval.id}`)), h('div', { class: 'hint' }, `${t(`milestone.${interval.from}`)} → ${t(`milestone.${interval.to}`)}`)),
      h('td', { class: 'numeric' }, interval.applicable ? seconds(interval.seconds) : '—'),
      h('td', { class: 'numeric' }, seconds(interval.targetSeconds)),
      h('td', {}, result),
      h('td', { class: 'standard' }, interval.standard ? interval.standard.split(':')[0]! : ''),
    );
  });
  return table('interval-table', ['interval.name', 'interval.value', 'interval.target', 'interval.result', 'interval.standard'], rows);
}

function planBlock(context: ReviewContext, incident: IncidentReview): HTMLElement {
  const plan = incident.plan;
  if (!plan)
    return h('div', {}, h('h3', {}, t('plan.title')), h('p', { class: 'empty' }, incident.planExpected ? t('plan.missing') : t('plan.noneMatches')));
  const rows = plan.items.map((item) =>
    h(
      'tr',
      { 'data-status': item.status },
      h('td', {}, inLocale(item.title)),
      h('td', {}, responsible(item.responsible)),
      h('td', { class: 'numeric' }, t('plan.minutes', { minutes: item.deadlineMinutes })),
      h('td', {}, time(context, item.dueAt)),
      h('td', {}, time(context, item.completedAt)),
      h(
        'td',
        {},
        h('span', { class: `result checklist-${item.status}` }, t(`checklistStatus.${item.status}`)),
        item.minutesLate > 0 ? h('div', { class: 'hint' }, t('plan.late', { minutes: item.minutesLate })) : null,
      ),
    ),
  );
  return h(
    'div',
    { class: 'plan-block' },
    h('h3', {}, t('plan.title')),
    h(
      'p',
      {},
      h('strong', {}, inLocale(plan.name)),
      ` (${plan.planId}) · `,
      plan.expected ? t('plan.expected') : t('plan.notExpected'),
      ' · ',
      t('plan.activatedAt', { at: formatOffset(offsetSeconds(context.review.startsAt, plan.activatedAt)) }),
    ),
    checklistChart(plan),
    table('checklist-table', ['plan.action', 'plan.responsible', 'plan.deadline', 'plan.due', 'plan.done', 'plan.status'], rows),
  );
}

/** Who carries out an action: a role or an agency, both named in the common catalog. */
function responsible(value: string): string {
  const role = t(`role.${value}`, { defaultValue: '' });
  if (role) return role;
  return t(`agency.${value}`, { defaultValue: value });
}

function resourcesBlock(incident: IncidentReview): HTMLElement {
  const resources = incident.resources;
  if (!resources) return h('div', {}, h('h3', {}, t('resources.title')), h('p', { class: 'empty' }, t('resources.none')));
  const lineLabel = (line: ResourceLineReview) =>
    line.capability ? t('resources.withCapability', { type: t(`unitType.${line.unitType}`), capability: t(`capability.${line.capability}`, { defaultValue: line.capability }) }) : t(`unitType.${line.unitType}`);
  const rows = resources.lines.map((line) =>
    h(
      'tr',
      { 'data-unit-type': line.unitType },
      h('td', {}, lineLabel(line)),
      h('td', { class: 'numeric' }, String(line.required)),
      h('td', { class: 'numeric' }, String(line.sent)),
      h('td', {}, line.sent >= line.required ? h('span', { class: 'result met' }, t('resources.complete')) : h('span', { class: 'result missed' }, t('resources.short', { count: line.required - line.sent }))),
    ),
  );
  const sent = Object.entries(resources.sentByType).map(([type, count]) => `${t(`unitType.${type}`)} × ${count}`);
  return h(
    'div',
    { class: 'resources-block' },
    h('h3', {}, t('resources.title'), ' ', h('span', { class: 'count' }, t('resources.matched', { matched: resources.matched, required: resources.required }))),
    table('resources-table', ['resources.line', 'resources.required', 'resources.sent', 'resources.result'], rows),
    resourcesChart(resources.lines, lineLabel),
    h('p', { class: 'hint' }, t('resources.sentByType', { units: sent.length ? sent.join(t('report.separator')) : '—' })),
  );
}

function assignmentsTable(context: ReviewContext, assignments: AssignmentReview[]): HTMLElement {
  const rows = assignments.map((assignment) =>
    h(
      'tr',
      {},
      h('td', {}, h('strong', {}, assignment.callSign), h('div', { class: 'hint' }, t(`unitType.${assignment.unitType}`, { defaultValue: assignment.unitType }))),
      h('td', {}, assignment.playedByTrainee ? t('assignment.trainee') : t('assignment.simulated')),
      h('td', {}, t(`assignmentStatus.${assignment.status}`), assignment.reason ? h('div', { class: 'hint' }, assignment.reason) : null),
      h('td', {}, time(context, assignment.dispatchedAt)),
      h('td', {}, time(context, assignment.acknowledgedAt)),
      h('td', {}, time(context, assignment.enRouteAt)),
      h('td', {}, time(context, assignment.onSceneAt)),
      h('td', { class: 'numeric' }, seconds(assignment.turnoutSeconds)),
      h('td', { class: 'numeric' }, seconds(assignment.travelSeconds)),
    ),
  );
  return table(
    'assignments-table',
    ['assignment.unit', 'assignment.crew', 'assignment.status', 'assignment.dispatched', 'assignment.acknowledged', 'assignment.enRoute', 'assignment.onScene', 'assignment.turnout', 'assignment.travel'],
    rows,
    'compact',
  );
}

/** A timeline in the reader's language: each entry described from its event in the log (the review's own summary otherwise). */
export function timelineList(context: ReviewContext, entries: TimelineEntry[], testId: string): HTMLElement {
  if (entries.length === 0) return h('p', { class: 'empty', 'data-testid': testId }, t('timeline.empty'));
  return h(
    'ol',
    { class: 'review-timeline', 'data-testid': testId },
    ...entries.map((entry) => {
      const event = context.eventsBySeq.get(entry.seq);
      return h(
        'li',
        { class: `timeline-entry tone-${event ? eventTone(event) : 'unit'}`, 'data-type': entry.type },
        h('span', { class: 'timeline-offset' }, formatOffset(entry.offsetSeconds)),
        h('span', { class: 'timeline-clock' }, formatDrillClock(entry.at)),
        h('span', { class: 'timeline-text' }, event ? describeEvent(event, context.finalState) : entry.summary),
        h('span', { class: 'timeline-actor' }, actorText(entry)),
      );
    }),
  );
}

function actorText(entry: TimelineEntry): string {
  if (entry.actor.userId === 'drill-sim') return t('timeline.simulation');
  if (entry.actor.userId === 'drill-instructor') return t('timeline.instructor');
  return entry.actor.userId.replace(/^USR-/, '');
}
