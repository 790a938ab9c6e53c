import { LEVELS, type Level } from '../domain/levels.js';
import { CATEGORIES, SUBTYPES, type Category } from '../domain/categories.js';
import type { UnitType } from '../domain/units.js';
import type { GeoPoint } from '../protocol/entities.js';
import { areaContains, describeArea } from './area.js';
import type { PlanTemplate, Requirement } from './template.js';

/** What matching needs to know about an incident. `district` is only needed for district-limited plans. */
export interface IncidentForMatching {
  category: Category;
  subtype: string;
  level: Level;
  location: GeoPoint;
  district?: string | null;
}

/** The template chosen for an incident, its specificity score and why it won. */
export interface TemplateMatch {
  template: PlanTemplate;
  score: number;
  reason: string;
}

const MOST_SUBTYPES = Math.max(...CATEGORIES.map((category) => SUBTYPES[category].length));

/**
 * Specificity of a template, higher is more specific. Tiers never overlap, so the score orders
 * templates exactly as the rule reads:
 *   1. limited to an area (1000) beats city-wide;
 *   2. then fewer sub-types (10 per sub-type fewer than the largest category holds);
 *   3. then fewer levels (1 per level fewer than four).
 * Schema rules forbid repeated sub-types and levels, so each tier stays below the next one's step.
 */
export function specificityScore(template: PlanTemplate): number {
  const areaTier = template.match.area ? 1000 : 0;
  const subtypeTier = 10 * (MOST_SUBTYPES + 1 - template.match.subtypes.length);
  const levelTier = LEVELS.length + 1 - template.match.levels.length;
  return areaTier + subtypeTier + levelTier;
}

/** True when the template applies to the incident: category, sub-type, level and (if set) area all match. */
export function templateApplies(template: PlanTemplate, incident: IncidentForMatching): boolean {
  const { match } = template;
  return (
    match.category === incident.category &&
    match.subtypes.includes(incident.subtype) &&
    match.levels.includes(incident.level) &&
    (match.area === undefined || areaContains(match.area, incident.location, incident.district))
  );
}

/**
 * Orders matches best first: higher specificity score, then higher revision (the more recently
 * reviewed plan), then id in code-point order, so the same templates always give the same answer.
 */
function compareMatches(a: { template: PlanTemplate; score: number }, b: { template: PlanTemplate; score: number }): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.template.revision !== b.template.revision) return b.template.revision - a.template.revision;
  return a.template.id < b.template.id ? -1 : a.template.id > b.template.id ? 1 : 0;
}

/** Every template that applies to the incident, best first (the first is what {@link matchTemplate} picks). */
export function rankTemplates(templates: readonly PlanTemplate[], incident: IncidentForMatching): TemplateMatch[] {
  const ranked = templates
    .filter((template) => templateApplies(template, incident))
    .map((template) => ({ template, score: specificityScore(template) }))
    .sort(compareMatches);
  return ranked.map((candidate, index) => ({ ...candidate, reason: explainMatch(candidate, ranked[index + 1], incident) }));
}

/** The best template for the incident, or null when none applies. */
export function matchTemplate(templates: readonly PlanTemplate[], incident: IncidentForMatching): TemplateMatch | null {
  return rankTemplates(templates, incident)[0] ?? null;
}

function explainMatch(
  candidate: { template: PlanTemplate; score: number },
  runnerUp: { template: PlanTemplate; score: number } | undefined,
  incident: IncidentForMatching,
): string {
  const { template } = candidate;
  const where = template.match.area ? describeArea(template.match.area) : 'city-wide';
  const parts = [
    `${template.id} r${template.revision} covers ${incident.category}/${incident.subtype} level ${incident.level} ${where}`,
    `${template.match.subtypes.length} sub-type(s), levels ${template.match.levels.join('/')}`,
  ];
  if (runnerUp && runnerUp.score === candidate.score) {
    const rule = runnerUp.template.revision !== template.revision ? 'higher revision' : 'id order';
    parts.push(`tied with ${runnerUp.template.id} on specificity; chosen by ${rule}`);
  } else if (runnerUp) {
    parts.push(`more specific than ${runnerUp.template.id}`);
  }
  return parts.join('; ');
}

/** Key of a requirement line: the unit type, plus the capability when one is required. */
export type RequirementKey = UnitType | `${UnitType}:${string}`;

/** Key under which requirements and assigned counts are tallied. */
export function requirementKey(requirement: Pick<Requirement, 'unitType' | 'capability'>): RequirementKey {
  return requirement.capability === undefined ? requirement.unitType : `${requirement.unitType}:${requirement.capability}`;
}

/** What changes in the run card when an incident is re-matched after a level change. */
export interface RequirementDelta {
  /** Units still to send: in `after` beyond what `before` asked for. */
  added: Requirement[];
  /** Units that may be released: in `before` beyond what `after` asks for. */
  released: Requirement[];
}

/**
 * Difference between two run cards per (unit type, capability). Lines are compared by key only: an
 * "ambulance" line and an "ambulance with als" line are different needs, because a plain ambulance
 * cannot stand in for an ALS one. Output follows the order lines first appear in `after`, then `before`.
 */
export function requirementDelta(before: readonly Requirement[], after: readonly Requirement[]): RequirementDelta {
  const beforeCounts = tally(before);
  const afterCounts = tally(after);
  const added: Requirement[] = [];
  const released: Requirement[] = [];
  for (const [key, now] of afterCounts) {
    const difference = now.count - (beforeCounts.get(key)?.count ?? 0);
    if (difference > 0) added.push(withCount(now.requirement, difference));
    if (difference < 0) released.push(withCount(now.requirement, -difference));
  }
  for (const [key, was] of beforeCounts) {
    if (!afterCounts.has(key)) released.push(withCount(was.requirement, was.count));
  }
  return { added, released };
}

function tally(requirements: readonly Requirement[]): Map<RequirementKey, { requirement: Requirement; count: number }> {
  const counts = new Map<RequirementKey, { requirement: Requirement; count: number }>();
  for (const requirement of requirements) {
    const key = requirementKey(requirement);
    const entry = counts.get(key);
    if (entry) entry.count += requirement.count;
    else counts.set(key, { requirement, count: requirement.count });
  }
  return counts;
}

function withCount(requirement: Requirement, count: number): Requirement {
  return requirement.capability === undefined
    ? { unitType: requirement.unitType, count }
    : { unitType: requirement.unitType, count, capability: requirement.capability };
}
