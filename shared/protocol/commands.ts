import { z } from 'zod';
import {
  CallerSchema,
  CategorySchema,
  GeoPointSchema,
  IdSchema,
  IsoTimeSchema,
  LevelSchema,
  SubtypeSchema,
  UnitStatusSchema,
} from './entities.js';
import { ASSIGNMENT_PROGRESS_STATUSES } from '../domain/state-machines.js';
import { PlanIdSchema, PlanTemplateCreateSchema, PlanTemplateReviseSchema } from '../plans/template.js';

/** Every command carries a client-made key; a retry with the same key returns the first result. */
const IdempotencyKeySchema = z.string().min(8).max(100).regex(/^[A-Za-z0-9_.:-]+$/);
/** Optional optimistic-concurrency guard: the version of the target the client last saw. */
const ExpectedVersionSchema = z.number().int().min(0).optional();
const ReasonSchema = z.string().trim().min(1, 'a reason is required').max(500);
const TextSchema = z.string().trim().max(2000);

function command<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject({ idempotencyKey: IdempotencyKeySchema, ...shape });
}

/**
 * Command name → payload schema. Socket event names are the keys (`domain:verb`); the socket.io
 * ClientToServerEvents type is derived from this map, so types and validators cannot drift.
 */
export const COMMAND_SCHEMAS = {
  'incident:report': command({
    category: CategorySchema,
    subtype: SubtypeSchema,
    level: LevelSchema,
    location: GeoPointSchema,
    address: z.string().trim().max(200).default(''),
    description: TextSchema.min(1, 'describe what is happening'),
    caller: CallerSchema.default({ name: '', phone: '' }),
    casualties: z.number().int().min(0).max(100000).default(0),
  }),
  'incident:verify': command({ incidentId: IdSchema, expectedVersion: ExpectedVersionSchema }),
  'incident:reject': command({ incidentId: IdSchema, reason: ReasonSchema, expectedVersion: ExpectedVersionSchema }),
  'incident:merge': command({
    incidentId: IdSchema,
    intoIncidentId: IdSchema,
    expectedVersion: ExpectedVersionSchema,
  }),
  'incident:update': command({
    incidentId: IdSchema,
    location: GeoPointSchema.optional(),
    address: z.string().trim().max(200).optional(),
    description: TextSchema.min(1).optional(),
    casualties: z.number().int().min(0).max(100000).optional(),
    expectedVersion: ExpectedVersionSchema,
  }),
  'incident:change-level': command({
    incidentId: IdSchema,
    level: LevelSchema,
    reason: ReasonSchema,
    expectedVersion: ExpectedVersionSchema,
  }),
  'incident:contain': command({ incidentId: IdSchema, expectedVersion: ExpectedVersionSchema }),
  'incident:close': command({ incidentId: IdSchema, reason: ReasonSchema, expectedVersion: ExpectedVersionSchema }),
  'incident:note': command({ incidentId: IdSchema, text: TextSchema.min(1, 'a note needs text') }),
  'incident:dispatch': command({
    incidentId: IdSchema,
    unitIds: z.array(IdSchema).min(1).max(50).refine((ids) => new Set(ids).size === ids.length, 'unit ids repeat'),
  }),
  'unit:update-location': command({
    unitId: IdSchema,
    location: GeoPointSchema,
    accuracyM: z.number().min(0).max(100000).optional(),
    /** When the position was taken: a fix sent late (offline) keeps its own time. */
    observedAt: IsoTimeSchema.optional(),
  }),
  'unit:change-status': command({ unitId: IdSchema, status: UnitStatusSchema, expectedVersion: ExpectedVersionSchema }),
  'assignment:acknowledge': command({ assignmentId: IdSchema }),
  'assignment:decline': command({ assignmentId: IdSchema, reason: ReasonSchema }),
  'assignment:advance': command({
    assignmentId: IdSchema,
    status: z.enum(ASSIGNMENT_PROGRESS_STATUSES),
    expectedVersion: ExpectedVersionSchema,
  }),
  'assignment:cancel': command({ assignmentId: IdSchema, reason: ReasonSchema }),
  /** Activate the best-matching plan, or the named one, on an incident that has none. */
  'plan:activate': command({ incidentId: IdSchema, planId: PlanIdSchema.optional() }),
  'plan:complete-action': command({ incidentId: IdSchema, actionId: z.string().min(1).max(48), note: TextSchema.optional() }),
  /** A supervisor or dispatcher takes an alert in hand; every screen sees it handled. */
  'alert:acknowledge': command({ alertId: IdSchema }),
  'plan-template:create': command({ template: PlanTemplateCreateSchema }),
  'plan-template:revise': command({ template: PlanTemplateReviseSchema }),
} as const;

export type CommandName = keyof typeof COMMAND_SCHEMAS;
export const COMMAND_NAMES = Object.keys(COMMAND_SCHEMAS) as CommandName[];
/** What a client sends (defaults may be omitted). */
export type CommandInput<K extends CommandName> = z.input<(typeof COMMAND_SCHEMAS)[K]>;
/** What a handler receives, after validation and defaults. */
export type CommandPayload<K extends CommandName> = z.output<(typeof COMMAND_SCHEMAS)[K]>;
/** A validated command, discriminated on `type`. */
export type Command = { [K in CommandName]: { type: K; payload: CommandPayload<K> } }[CommandName];

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMAND_SCHEMAS, name);
}

/** What a successful command's ack carries. */
export const CommandResultSchema = z.object({
  /** Global sequence number of the last event the command wrote (0 if it wrote none). */
  lastSeq: z.number().int().min(0),
  /** Ids the command created (the new incident, the new assignments). */
  createdIds: z.array(IdSchema),
  /** True when this is the stored answer to an earlier try with the same key. */
  replayed: z.boolean(),
});
export type CommandResult = z.infer<typeof CommandResultSchema>;
