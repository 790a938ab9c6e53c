import { z } from 'zod';
import { subtypeBelongsTo } from '../domain/categories.js';
import { COMMAND_SCHEMAS } from '../protocol/commands.js';
import { GeoPointSchema, IdSchema, IsoTimeSchema, LevelSchema, UnitTypeSchema, type GeoPoint } from '../protocol/entities.js';
import { BilingualTextSchema, PlanIdSchema } from '../plans/template.js';
import { straightLineKm } from '../plans/geometry.js';

/**
 * A drill scenario: a simulated start time, an area, the plans the exercise trains, and injects —
 * scripted happenings at minute offsets from the start. The format is documented in docs/scenarios.md.
 */

/** Scenario and inject ids are kebab-case: `port-pipeline-fire`, `second-tank`. */
const KebabIdSchema = z
  .string()
  .max(48)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use kebab-case, e.g. second-tank');

/**
 * A stable name for an incident an inject creates, so later injects can refer to it. Short because it
 * becomes part of the incident id (`INC-<drill id>-<ref>`, at most 64 characters).
 */
export const InjectRefSchema = z
  .string()
  .max(24)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'refs are kebab-case, e.g. pipeline-fire');

/**
 * Where an inject points at an incident: the ref of an earlier inject, or (ad hoc) the id of any incident
 * in the drill world, such as one a trainee reported.
 */
export const IncidentRefSchema = IdSchema;

/** What a caller reports: the `incident:report` command without its idempotency key. */
export const InjectReportSchema = COMMAND_SCHEMAS['incident:report'].omit({ idempotencyKey: true });
export type InjectReport = z.output<typeof InjectReportSchema>;

/** Where the exercise happens, for framing the map: a circle or a latitude/longitude box. */
export const ScenarioAreaSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('circle'), centre: GeoPointSchema, radiusKm: z.number().positive().max(200) }),
  z.strictObject({
    kind: z.literal('bbox'),
    south: z.number().min(-90).max(90),
    west: z.number().min(-180).max(180),
    north: z.number().min(-90).max(90),
    east: z.number().min(-180).max(180),
  }),
]);
export type ScenarioArea = z.infer<typeof ScenarioAreaSchema>;

/** Which drill unit an `unit-breakdown` inject takes out: one of a type near an incident, or a named one. */
export const BreakdownTargetSchema = z.union([
  z.strictObject({ unitType: UnitTypeSchema, nearRef: IncidentRefSchema }),
  /** A live unit id (its drill copy is meant) or a drill unit id. */
  z.strictObject({ unitId: IdSchema }),
]);
export type BreakdownTarget = z.infer<typeof BreakdownTargetSchema>;

/**
 * What each kind of inject does, without when it fires. The instructor's ad-hoc injects use exactly
 * these shapes (they fire at once); scenario injects add an id and a minute offset.
 */
export const INJECT_KIND_SHAPES = {
  /** A call comes in: a new incident is reported (not yet verified: that is the trainees' job). */
  incident: { kind: z.literal('incident'), ref: InjectRefSchema, report: InjectReportSchema },
  /** The incident's level changes (the plan is re-matched, so the run card may grow). */
  escalate: { kind: z.literal('escalate'), ref: IncidentRefSchema, level: LevelSchema, reason: z.string().trim().min(1).max(500) },
  /** More casualties are found at the incident. */
  casualties: { kind: z.literal('casualties'), ref: IncidentRefSchema, add: z.number().int().min(1).max(10_000) },
  /** A unit breaks down: its assignment (if any) is cancelled with reason `breakdown`, then it is out of service. */
  'unit-breakdown': { kind: z.literal('unit-breakdown'), unit: BreakdownTargetSchema },
  /** A notice for trainees (a road closed by smoke, water, debris); nothing else changes. */
  'road-closed': { kind: z.literal('road-closed'), location: GeoPointSchema },
  /** A second incident linked to an earlier one (both get a note naming the other). */
  'related-incident': { kind: z.literal('related-incident'), ref: InjectRefSchema, relatedTo: IncidentRefSchema, report: InjectReportSchema },
} as const;
export type InjectKind = keyof typeof INJECT_KIND_SHAPES;
export const INJECT_KINDS = Object.keys(INJECT_KIND_SHAPES) as InjectKind[];

/** Shown to trainees when the inject fires (and in the after-action timeline): write it as they would hear it. */
const InjectDescriptionSchema = z.string().trim().min(1).max(500);

const scenarioInjectOf = <K extends InjectKind>(kind: K) =>
  z.strictObject({
    id: KebabIdSchema,
    /** Minutes after the scenario's start (simulated time) at which the inject fires. */
    atMinute: z.number().min(0).max(24 * 60),
    description: InjectDescriptionSchema,
    ...INJECT_KIND_SHAPES[kind],
  });

/** One scripted inject, discriminated on `kind`. */
export const ScenarioInjectSchema = z.discriminatedUnion('kind', [
  scenarioInjectOf('incident'),
  scenarioInjectOf('escalate'),
  scenarioInjectOf('casualties'),
  scenarioInjectOf('unit-breakdown'),
  scenarioInjectOf('road-closed'),
  scenarioInjectOf('related-incident'),
]);
export type ScenarioInject = z.infer<typeof ScenarioInjectSchema>;

const adHocInjectOf = <K extends InjectKind>(kind: K) => z.strictObject({ description: InjectDescriptionSchema, ...INJECT_KIND_SHAPES[kind] });

/** An inject the instructor fires by hand during a drill (`POST /api/drills/:id/inject`). */
export const AdHocInjectSchema = z.discriminatedUnion('kind', [
  adHocInjectOf('incident'),
  adHocInjectOf('escalate'),
  adHocInjectOf('casualties'),
  adHocInjectOf('unit-breakdown'),
  adHocInjectOf('road-closed'),
  adHocInjectOf('related-incident'),
]);
export type AdHocInject = z.infer<typeof AdHocInjectSchema>;
export type AdHocInjectInput = z.input<typeof AdHocInjectSchema>;

/** Any inject, scripted or ad hoc, as the drill server fires it (a scenario inject is one too). */
export type FireableInject = AdHocInject & { id: string };

/** The incident an inject creates (incident, related-incident) or acts on (escalate, casualties); else null. */
export function injectRef(inject: AdHocInject): string | null {
  switch (inject.kind) {
    case 'incident':
    case 'related-incident':
    case 'escalate':
    case 'casualties':
      return inject.ref;
    case 'unit-breakdown':
      return 'nearRef' in inject.unit ? inject.unit.nearRef : null;
    case 'road-closed':
      return null;
  }
}

/** Where an inject happens, when it has a place of its own. */
export function injectLocation(inject: AdHocInject): GeoPoint | null {
  if (inject.kind === 'incident' || inject.kind === 'related-incident') return inject.report.location;
  if (inject.kind === 'road-closed') return inject.location;
  return null;
}

const ScenarioBodySchema = z.strictObject({
  id: KebabIdSchema,
  name: BilingualTextSchema,
  description: BilingualTextSchema,
  /** Simulated time at which the exercise starts (the drill clock begins here). */
  startsAt: IsoTimeSchema,
  area: ScenarioAreaSchema,
  /** The plan templates the exercise is meant to activate; the review says whether the right one was. */
  expectedPlans: z.array(PlanIdSchema).min(1),
  durationMinutes: z.number().int().min(10).max(24 * 60),
  /** How long simulated crews work on scene before clearing (ambulances transport earlier). */
  onSceneMinutes: z.number().int().min(1).max(24 * 60).default(40),
  injects: z.array(ScenarioInjectSchema).min(1).max(100),
});

/** A scenario, checked field by field and across injects (refs resolve, time order, inside the area). */
export const ScenarioSchema = ScenarioBodySchema.superRefine(checkScenario);
export type Scenario = z.output<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;

/** Rules across injects; each issue points at the inject (and field) an author has to fix. */
function checkScenario(scenario: z.output<typeof ScenarioBodySchema>, ctx: z.RefinementCtx): void {
  const ids = new Set<string>();
  const refsDefinedAt = new Map<string, number>();
  scenario.injects.forEach((inject, index) => {
    const at = (field: string) => ['injects', index, field];
    if (ids.has(inject.id)) ctx.addIssue({ code: 'custom', path: at('id'), message: `inject id ${inject.id} repeats` });
    ids.add(inject.id);
    const previous = scenario.injects[index - 1];
    if (previous && inject.atMinute < previous.atMinute)
      ctx.addIssue({ code: 'custom', path: at('atMinute'), message: `injects are listed in time order: ${inject.id} comes after ${previous.id}` });
    if (inject.atMinute > scenario.durationMinutes)
      ctx.addIssue({ code: 'custom', path: at('atMinute'), message: `fires after the scenario ends (${scenario.durationMinutes} min)` });
    const refUse = (ref: string, field: string) => {
      if (!refsDefinedAt.has(ref)) ctx.addIssue({ code: 'custom', path: at(field), message: `no earlier incident inject defines ref ${ref}` });
    };
    if (inject.kind === 'incident' || inject.kind === 'related-incident') {
      if (inject.kind === 'related-incident') refUse(inject.relatedTo, 'relatedTo');
      if (refsDefinedAt.has(inject.ref)) ctx.addIssue({ code: 'custom', path: at('ref'), message: `ref ${inject.ref} is already defined` });
      refsDefinedAt.set(inject.ref, inject.atMinute);
      const { category, subtype } = inject.report;
      if (!subtypeBelongsTo(category, subtype))
        ctx.addIssue({ code: 'custom', path: [...at('report'), 'subtype'], message: `sub-type ${subtype} is not in category ${category}` });
    }
    if (inject.kind === 'escalate' || inject.kind === 'casualties') refUse(inject.ref, 'ref');
    if (inject.kind === 'unit-breakdown' && 'nearRef' in inject.unit) refUse(inject.unit.nearRef, 'unit');
    const location = injectLocation(inject);
    if (location && !areaHolds(scenario.area, location))
      ctx.addIssue({ code: 'custom', path: at(inject.kind === 'road-closed' ? 'location' : 'report'), message: `${inject.id} lies outside the scenario area` });
  });
}

/** True when the point lies in the scenario's area. */
export function areaHolds(area: ScenarioArea, point: GeoPoint): boolean {
  if (area.kind === 'circle') return straightLineKm(area.centre, point) <= area.radiusKm;
  return point.lat >= area.south && point.lat <= area.north && point.lon >= area.west && point.lon <= area.east;
}
