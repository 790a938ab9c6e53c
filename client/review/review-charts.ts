import type { IntervalReview, PlanReview, ResourceLineReview, ScoreReview } from '../../shared/index.js';
import { t } from '../i18n/index.js';
import { formatSeconds } from '../drill/format.js';
import { label, svg, textWidth } from './svg.js';

/**
 * The review's charts, as inline SVG: a reader sees at once which targets were missed and by how
 * much, where the points went, and how the plan checklist fared. Every chart has a title for screen
 * readers and a table beside it with the same figures.
 */

export const COMPONENT_COLOURS: Record<string, string> = {
  timeliness: '#0b5cad',
  checklist: '#1b7f3b',
  resources: '#7b1fa2',
  escalationReporting: '#b3261e',
};
const MET = '#1b7f3b';
/** Pattern ids must be unique in the page: there is one interval chart per incident. */
let patternCount = 0;
const MISSED = '#b3261e';
const NO_TARGET = '#8695a3';

/** Where the score's points came from: each component a box as wide as its weight, filled to its credit. */
export function scoreChart(score: ScoreReview): SVGSVGElement {
  const width = 640;
  const barY = 6;
  const barHeight = 26;
  const applicable = score.components.filter((component) => component.credit !== null);
  const totalWeight = applicable.reduce((sum, component) => sum + component.weight, 0) || 1;
  const parts: SVGElement[] = [];
  let x = 0;
  for (const component of applicable) {
    const share = (component.weight / totalWeight) * width;
    const colour = COMPONENT_COLOURS[component.id] ?? NO_TARGET;
    const name = t(`component.${component.id}`);
    parts.push(
      svg(
        'g',
        { 'data-component': component.id },
        svg('title', {}, t('chart.componentTitle', { name, points: component.points ?? 0, weight: component.weight })),
        svg('rect', { x, y: barY, width: share, height: barHeight, fill: colour, 'fill-opacity': 0.16, stroke: colour }),
        svg('rect', { x, y: barY, width: share * (component.credit ?? 0), height: barHeight, fill: colour }),
        // The table beside the chart names the parts; under each box its points suffice.
        share >= 36 ? label(x + share / 2, barY + barHeight + 16, `${component.points ?? 0}/${component.weight}`, { class: 'chart-label', 'text-anchor': 'middle' }) : null,
      ),
    );
    x += share;
  }
  return svg(
    'svg',
    { viewBox: `0 0 ${width} 54`, class: 'chart score-chart', role: 'img', 'data-testid': 'score-chart', 'aria-label': t('chart.score', { total: score.total }) },
    ...parts,
  );
}

/**
 * Each measured interval as a bar against its target: green when met, red when missed (hatched when
 * its end never came), grey without a target. The dashed tick is the target.
 */
export function intervalChart(intervals: IntervalReview[]): SVGSVGElement {
  const shown = intervals.filter((interval) => interval.applicable);
  const labelWidth = 150;
  const valueWidth = 96;
  const barWidth = 640 - labelWidth - valueWidth;
  const rowHeight = 24;
  const top = 6;
  const longest = Math.max(60, ...shown.map((interval) => Math.max(interval.seconds ?? 0, interval.targetSeconds ?? 0)));
  const scale = barWidth / (longest * 1.08);
  const pattern = `never-reached-${(patternCount += 1)}`;
  const rows = shown.map((interval, index) => {
    const y = top + index * rowHeight;
    const reached = interval.seconds !== null;
    const colour = interval.met === null ? NO_TARGET : interval.met ? MET : MISSED;
    const length = reached ? Math.max(2, interval.seconds! * scale) : barWidth;
    const target = interval.targetSeconds;
    const value = reached ? formatSeconds(interval.seconds!) : t('chart.notReached');
    // Never reached: hatched red against a target, a pale outline without one.
    const fill = reached ? colour : interval.met === false ? `url(#${pattern})` : '#f6f8fa';
    return svg(
      'g',
      { 'data-interval': interval.id },
      svg('title', {}, `${t(`interval.${interval.id}`)}: ${value}${target !== null ? ` · ${t('chart.target', { target: formatSeconds(target) })}` : ''}`),
      label(0, y + 15, t(`interval.${interval.id}`), { class: 'chart-label' }, labelWidth - 8),
      svg('rect', { x: labelWidth, y: y + 3, width: barWidth, height: rowHeight - 8, fill: '#eef1f4' }),
      svg('rect', { x: labelWidth, y: y + 3, width: length, height: rowHeight - 8, fill, stroke: reached ? 'none' : colour, 'stroke-dasharray': reached || interval.met === false ? undefined : '4 3' }),
      target !== null
        ? svg('line', { x1: labelWidth + target * scale, x2: labelWidth + target * scale, y1: y, y2: y + rowHeight - 2, stroke: '#14202b', 'stroke-width': 2, 'stroke-dasharray': '3 2' })
        : null,
      label(labelWidth + barWidth + 6, y + 15, value, { class: `chart-value${interval.met === false ? ' missed' : ''}` }),
    );
  });
  const height = top + shown.length * rowHeight + 20;
  const legendY = height - 6;
  return svg(
    'svg',
    { viewBox: `0 0 640 ${height}`, class: 'chart interval-chart', role: 'img', 'data-testid': 'interval-chart', 'aria-label': t('chart.intervals') },
    svg(
      'defs',
      {},
      svg(
        'pattern',
        { id: pattern, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        svg('rect', { width: 6, height: 6, fill: '#fde7e5' }),
        svg('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: MISSED, 'stroke-width': 2 }),
      ),
    ),
    ...rows,
    legend(legendY, [
      [MET, t('chart.met')],
      [MISSED, t('chart.missed')],
      [NO_TARGET, t('chart.noTarget')],
    ], t('chart.targetLine')),
  );
}

/** The plan checklist in one bar: done on time, done late, overdue, not yet due. */
export function checklistChart(counts: Pick<PlanReview, 'done' | 'doneLate' | 'overdue' | 'pending'>): SVGSVGElement {
  const width = 640;
  const parts: [number, string, string][] = [
    [counts.done, MET, t('checklistStatus.done')],
    [counts.doneLate, '#e0a100', t('checklistStatus.done_late')],
    [counts.overdue, MISSED, t('checklistStatus.overdue')],
    [counts.pending, '#b5c0ca', t('checklistStatus.pending')],
  ];
  const total = parts.reduce((sum, [count]) => sum + count, 0);
  let x = 0;
  const bars = parts.map(([count, colour, name]) => {
    const share = total ? (count / total) * width : 0;
    const group = svg(
      'g',
      {},
      svg('title', {}, `${name}: ${count}`),
      svg('rect', { x, y: 4, width: share, height: 22, fill: colour }),
      share > 24 ? label(x + share / 2, 19, String(count), { class: 'chart-count', 'text-anchor': 'middle' }) : null,
    );
    x += share;
    return group;
  });
  return svg(
    'svg',
    { viewBox: `0 0 ${width} 48`, class: 'chart checklist-chart', role: 'img', 'data-testid': 'checklist-chart', 'aria-label': t('chart.checklist', { total }) },
    total === 0 ? svg('rect', { x: 0, y: 4, width, height: 22, fill: '#eef1f4' }) : null,
    ...bars,
    legend(42, parts.map(([count, colour, name]) => [colour, `${name} ${count}`] as [string, string])),
  );
}

/** The run card line by line: one square per unit required, filled for each unit sent. */
export function resourcesChart(lines: ResourceLineReview[], lineLabel: (line: ResourceLineReview) => string): SVGSVGElement {
  const rowHeight = 22;
  const labelWidth = 200;
  const cell = 16;
  const rows = lines.map((line, index) => {
    const y = 4 + index * rowHeight;
    const cells = Array.from({ length: line.required }, (_, cellIndex) =>
      svg('rect', {
        x: labelWidth + cellIndex * (cell + 3),
        y: y + 2,
        width: cell,
        height: cell,
        rx: 2,
        fill: cellIndex < line.sent ? MET : '#fff',
        stroke: cellIndex < line.sent ? MET : MISSED,
        'stroke-width': 1.5,
      }),
    );
    return svg(
      'g',
      {},
      svg('title', {}, `${lineLabel(line)}: ${line.sent}/${line.required}`),
      label(0, y + 15, lineLabel(line), { class: 'chart-label' }, labelWidth - 8),
      ...cells,
      label(labelWidth + line.required * (cell + 3) + 6, y + 15, `${line.sent}/${line.required}`, { class: `chart-value${line.sent < line.required ? ' missed' : ''}` }),
    );
  });
  const widest = Math.max(0, ...lines.map((line) => line.required));
  const width = Math.max(640, labelWidth + widest * (cell + 3) + 60);
  return svg(
    'svg',
    { viewBox: `0 0 ${width} ${lines.length * rowHeight + 8}`, class: 'chart resources-chart', role: 'img', 'data-testid': 'resources-chart', 'aria-label': t('chart.resources') },
    ...rows,
  );
}

function legend(y: number, entries: [string, string][], targetLabel?: string): SVGGElement {
  let x = 0;
  const items: SVGElement[] = [];
  for (const [colour, name] of entries) {
    items.push(svg('rect', { x, y: y - 9, width: 10, height: 10, fill: colour }), label(x + 14, y, name, { class: 'chart-legend' }));
    x += 24 + textWidth(name);
  }
  if (targetLabel) {
    items.push(
      svg('line', { x1: x, x2: x, y1: y - 11, y2: y + 2, stroke: '#14202b', 'stroke-width': 2, 'stroke-dasharray': '3 2' }),
      label(x + 6, y, targetLabel, { class: 'chart-legend' }),
    );
  }
  return svg('g', { class: 'chart-legend-group' }, ...items);
}

