import { z } from 'zod';
import {
  ActorSchema,
  AgencySchema,
  AssignmentStatusSchema,
  CallerSchema,
  CategorySchema,
  GeoPointSchema,
  IdSchema,
  IncidentStatusSchema,
  IsoTimeSchema,
  LevelSchema,
  SubtypeSchema,
  UnitStatusSchema,
  UnitTypeSchema,
  WorldIdSchema,
} from './entities.js';
import { PLAN_EVENT_SCHEMAS } from './plan-events.js';
import { DRILL_EVENT_SCHEMAS } from './drill-events.js';

/**
 * Event name → data schema. Server events are named `domain:verbed`; each is delivered to clients under
 * its own name, inside an {@link EventEnvelope}.
 */
export const EVENT_SCHEMAS = {
  'incident:reported': z.object({
    incidentId: IdSchema,
    code: z.string(),
    category: CategorySchema,
    subtype: SubtypeSchema,
    level: LevelSchema,
    location: GeoPointSchema,
    district: z.string().nullable().optional(),
    address: z.string(),
    description: z.string(),
    caller: CallerSchema,
    casualties: z.number().int().min(0),
    reportedByUnitId: IdSchema.nullable().optional(),
  }),
  'incident:verified': z.object({ incidentId: IdSchema }),
  'incident:rejected': z.object({ incidentId: IdSchema, reason: z.string() }),
  'incident:merged': z.object({ incidentId: IdSchema, intoIncidentId: IdSchema }),
  /** The surviving incident of a merge records what it absorbed (its own stream, its own version). */
  'incident:absorbed': z.object({ incidentId: IdSchema, fromIncidentId: IdSchema }),
  'incident:updated': z.object({
    incidentId: IdSchema,
    location: GeoPointSchema.optional(),
    district: z.string().nullable().optional(),
    address: z.string().optional(),
    description: z.string().optional(),
    casualties: z.number().int().min(0).optional(),
  }),
  'incident:level-changed': z.object({ incidentId: IdSchema, from: LevelSchema, to: LevelSchema, reason: z.string() }),
  'incident:status-changed': z.object({
    incidentId: IdSchema,
    from: IncidentStatusSchema,
    to: z.enum(['active', 'contained', 'closed']),
    reason: z.string().nullable(),
  }),
  'incident:noted': z.object({ incidentId: IdSchema, text: z.string() }),
  'unit:registered': z.object({
    unitId: IdSchema,
    callSign: z.string(),
    name: z.string(),
    type: UnitTypeSchema,
    agency: AgencySchema,
    district: z.string(),
    stationName: z.string(),
    home: GeoPointSchema,
    capabilities: z.array(z.string()),
  }),
  'unit:moved': z.object({ unitId: IdSchema, location: GeoPointSchema, accuracyM: z.number().optional(), observedAt: IsoTimeSchema.optional() }),
  'unit:status-changed': z.object({
    unitId: IdSchema,
    from: UnitStatusSchema,
    to: UnitStatusSchema,
    assignmentId: IdSchema.nullable(),
  }),
  'assignment:dispatched': z.object({ assignmentId: IdSchema, incidentId: IdSchema, unitId: IdSchema }),
  'assignment:status-changed': z.object({
    assignmentId: IdSchema,
    from: AssignmentStatusSchema,
    to: AssignmentStatusSchema,
    reason: z.string().nullable(),
  }),
  ...PLAN_EVENT_SCHEMAS,
  ...DRILL_EVENT_SCHEMAS,
} as const;

export type EventName = keyof typeof EVENT_SCHEMAS;
export const EVENT_NAMES = Object.keys(EVENT_SCHEMAS) as EventName[];
export type EventData<K extends EventName> = z.infer<(typeof EVENT_SCHEMAS)[K]>;

/** An event as decide() proposes it: before the store gives it a sequence number and version. */
export type NewEvent = { [K in EventName]: { type: K; stream: string; data: EventData<K> } }[EventName];

/** Fields every stored event carries besides its type and data. */
export const EventMetaSchema = z.object({
  /** Global sequence number across all worlds, gap-free in the store. */
  seq: z.number().int().positive(),
  stream: z.string(),
  /** Version within the stream, from 1. */
  version: z.number().int().positive(),
  at: IsoTimeSchema,
  actor: ActorSchema,
  world: WorldIdSchema,
});
export type EventMeta = z.infer<typeof EventMetaSchema>;

/** A committed event, discriminated on `type`. */
export type StoredEvent = { [K in EventName]: EventMeta & { type: K; data: EventData<K> } }[EventName];
export type StoredEventOf<K extends EventName> = Extract<StoredEvent, { type: K }>;

/**
 * What a client receives: the stored event plus `prev`, the sequence number of the previous event sent
 * to the same audience. A client whose last seen sequence is below `prev` has missed something and resyncs.
 */
export type DeliveredEvent = StoredEvent & { prev: number };

export const StoredEventSchema = z.discriminatedUnion(
  'type',
  EVENT_NAMES.map((name) => EventMetaSchema.extend({ type: z.literal(name), data: EVENT_SCHEMAS[name] })) as unknown as [
    z.ZodObject,
    ...z.ZodObject[],
  ],
);

export const streamOf = {
  incident: (id: string) => `incident:${id}`,
  unit: (id: string) => `unit:${id}`,
  assignment: (id: string) => `assignment:${id}`,
  planTemplate: (id: string) => `plan-template:${id}`,
  drill: (id: string) => `drill:${id}`,
};

export const SeqSchema = z.number().int().min(0);
export const TimeSchema = IsoTimeSchema;
