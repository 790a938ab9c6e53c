import { z } from 'zod';
import { GeoPointSchema, IdSchema, IsoTimeSchema } from './entities.js';

/** A drill's clock: it runs at a speed of 1×–60× simulated time, can pause, and ends once. */
export const DRILL_STATUSES = ['created', 'running', 'paused', 'ended'] as const;
export const DrillStatusSchema = z.enum(DRILL_STATUSES);
export type DrillStatus = z.infer<typeof DrillStatusSchema>;

export const DrillTraineeSchema = z.object({
  userId: IdSchema,
  /** What the trainee plays in this drill. */
  playsAs: z.enum(['dispatcher', 'field']),
  /** For a field trainee: the drill unit they are bound to. */
  unitId: IdSchema.nullable(),
});
export type DrillTrainee = z.infer<typeof DrillTraineeSchema>;

/** Drill events live in the drill's own world, on stream `drill:<id>`. */
export const DRILL_EVENT_SCHEMAS = {
  'drill:created': z.object({
    drillId: IdSchema,
    scenarioId: z.string(),
    name: z.string(),
    instructorId: IdSchema,
    trainees: z.array(DrillTraineeSchema),
    /** Simulated time at which the exercise starts. */
    startsAt: IsoTimeSchema,
  }),
  /** Start, pause, resume, speed change or end; `simulatedAt` is the drill time when it happened. */
  'drill:clock-changed': z.object({
    drillId: IdSchema,
    status: DrillStatusSchema,
    speed: z.number().min(1).max(60),
    simulatedAt: IsoTimeSchema,
  }),
  /** A scenario (or ad-hoc) inject fired; its effects are ordinary events that follow it. */
  'drill:inject-fired': z.object({
    drillId: IdSchema,
    injectId: z.string(),
    kind: z.string(),
    /** Shown to trainees: what happened, as they would hear it. */
    description: z.string(),
    /** The incident the inject created or acted on, if any (its assigned field units hear of it too). */
    incidentId: IdSchema.optional(),
    /** Where it happened, for a marker on the map (a closed road, a new incident). */
    location: GeoPointSchema.optional(),
  }),
} as const;

/** The drill a world belongs to, as its state holds it. */
export const DrillInfoSchema = z.object({
  drillId: IdSchema,
  scenarioId: z.string(),
  name: z.string(),
  instructorId: IdSchema,
  trainees: z.array(DrillTraineeSchema),
  startsAt: IsoTimeSchema,
  status: DrillStatusSchema,
  speed: z.number(),
  injectsFired: z.array(z.string()),
});
export type DrillInfo = z.infer<typeof DrillInfoSchema>;
