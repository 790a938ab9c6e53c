import { z } from 'zod';
import { IdSchema, type GeoPoint } from '../protocol/entities.js';
import type { DrillStatus } from '../protocol/drill-events.js';
import type { BilingualText } from '../plans/template.js';
import type { ScenarioArea } from './scenario.js';

/** Request and answer shapes of the drill REST API (`/api/drills`, `/api/scenarios`); see docs/drills.md. */

/** How fast simulated time runs: 1× (real time) to 60× (an hour a minute). */
export const DrillSpeedSchema = z.number().min(1).max(60);

/** One trainee: a user by username, playing the dispatch desk or a field unit (named by its live id). */
export const DrillTraineeRequestSchema = z
  .strictObject({
    username: z.string().min(1).max(64),
    playsAs: z.enum(['dispatcher', 'field']),
    /** For a field trainee: the live unit whose drill copy they play. */
    unitId: IdSchema.optional(),
  })
  .superRefine((trainee, ctx) => {
    if (trainee.playsAs === 'field' && trainee.unitId === undefined)
      ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'a field trainee plays a unit: name its live unit id' });
    if (trainee.playsAs === 'dispatcher' && trainee.unitId !== undefined)
      ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'a dispatcher trainee plays no unit' });
  });

/** `POST /api/drills`. */
export const CreateDrillRequestSchema = z
  .strictObject({
    scenarioId: z.string().min(1).max(48),
    name: z.string().trim().min(1).max(120).optional(),
    trainees: z.array(DrillTraineeRequestSchema).max(100).default([]),
  })
  .superRefine((request, ctx) => {
    const usernames = new Set<string>();
    const units = new Set<string>();
    request.trainees.forEach((trainee, index) => {
      if (usernames.has(trainee.username)) ctx.addIssue({ code: 'custom', path: ['trainees', index, 'username'], message: `${trainee.username} is named twice` });
      usernames.add(trainee.username);
      if (trainee.unitId === undefined) return;
      if (units.has(trainee.unitId)) ctx.addIssue({ code: 'custom', path: ['trainees', index, 'unitId'], message: `unit ${trainee.unitId} is played twice` });
      units.add(trainee.unitId);
    });
  });
export type CreateDrillRequest = z.input<typeof CreateDrillRequestSchema>;

/** `POST /api/drills/:id/start`: optionally at a speed other than 1×. */
export const StartDrillRequestSchema = z.strictObject({ speed: DrillSpeedSchema.optional() });
/** `POST /api/drills/:id/speed`. */
export const DrillSpeedRequestSchema = z.strictObject({ speed: DrillSpeedSchema });
/** `pause`, `resume` and `end` take no body (or `{}`). */
export const EmptyRequestSchema = z.strictObject({});

/** `POST /api/drills` answers with the new drill and its world (the socket `auth.world` and `?world=`). */
export interface CreatedDrill {
  drillId: string;
  world: string;
  /** How many live units were copied into the drill. */
  unitCount: number;
}

/** A trainee as a drill summary shows them. */
export interface DrillTraineeView {
  userId: string;
  username: string | null;
  displayName: string | null;
  playsAs: 'dispatcher' | 'field';
  /** The drill unit a field trainee plays; null for a dispatcher. */
  unitId: string | null;
  /** The live unit that drill unit copies. */
  liveUnitId: string | null;
}

/** One inject in a summary. Trainees see only those that have fired. */
export interface DrillInjectView {
  injectId: string;
  /** Minutes after the start it is scripted for; null for an ad-hoc inject. */
  atMinute: number | null;
  /** One of INJECT_KINDS (scenario.ts). */
  kind: string;
  description: string;
  fired: boolean;
  location: GeoPoint | null;
}

/** `GET /api/drills`, `GET /api/drills/:id` and every control action answer with this. */
export interface DrillSummary {
  drillId: string;
  world: string;
  name: string;
  scenarioId: string;
  scenarioName: BilingualText | null;
  area: ScenarioArea | null;
  instructorId: string;
  trainees: DrillTraineeView[];
  status: DrillStatus;
  speed: number;
  /** Simulated start time (ISO). */
  startsAt: string;
  /** The drill clock now (ISO, simulated). */
  simulatedNow: string;
  elapsedMinutes: number;
  durationMinutes: number | null;
  injects: DrillInjectView[];
  /** How many scenario injects there are in all (trainees are not told which are still to come). */
  injectCount: number;
  /** What the viewer is in this drill: `instructor` (the instructor and administrators) or `trainee`. */
  viewerIs: 'instructor' | 'trainee';
}
