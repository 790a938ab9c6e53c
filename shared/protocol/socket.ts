import { z } from 'zod';
import type { Ack } from './errors.js';
import { COMMAND_SCHEMAS, type CommandInput, type CommandName, type CommandResult } from './commands.js';
import type { DeliveredEvent, EventName, StoredEvent } from './events.js';
import { AssignmentSchema, IncidentSchema, UnitSchema, UserSchema, WorldIdSchema, type User } from './entities.js';
import { AlertSchema } from './alerts.js';
import { DrillInfoSchema } from './drill-events.js';
import { PlanActivationSchema } from '../plans/activation.js';

/** Bumped on any breaking change to this contract; checked in the socket handshake. */
export const PROTOCOL_VERSION = 1;

/** What a client sends in the socket.io handshake `auth` field. */
export const HandshakeAuthSchema = z.object({
  token: z.string().min(1),
  protocol: z.number().int(),
  world: WorldIdSchema.default('live'),
});
export type HandshakeAuth = z.input<typeof HandshakeAuthSchema>;

/** The visible part of one world: what a client's store starts from. */
export const SnapshotSchema = z.object({
  world: WorldIdSchema,
  /** Every event with seq ≤ this one is reflected in the snapshot. */
  seq: z.number().int().min(0),
  serverTime: z.string(),
  user: UserSchema,
  incidents: z.array(IncidentSchema),
  units: z.array(UnitSchema),
  assignments: z.array(AssignmentSchema),
  activations: z.array(PlanActivationSchema),
  alerts: z.array(AlertSchema),
  drill: DrillInfoSchema.nullable(),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

/** Requests that read rather than change: validated by the same wrapper as commands. */
export const REQUEST_SCHEMAS = {
  'sync:snapshot': z.strictObject({}),
  'sync:since': z.strictObject({ afterSeq: z.number().int().min(0) }),
} as const;
export type RequestName = keyof typeof REQUEST_SCHEMAS;

export type SyncSinceResult =
  | { kind: 'events'; events: StoredEvent[]; headSeq: number }
  /** Too far behind: the client should take a snapshot instead. */
  | { kind: 'snapshot-required'; headSeq: number };

export interface RequestResults {
  'sync:snapshot': Snapshot;
  'sync:since': SyncSinceResult;
}

type AckCallback<T> = (ack: Ack<T>) => void;

/** Client → server: every command and request, each with its typed payload and ack. */
export type ClientToServerEvents = {
  [K in CommandName]: (payload: CommandInput<K>, ack: AckCallback<CommandResult>) => void;
} & {
  [K in RequestName]: (payload: z.input<(typeof REQUEST_SCHEMAS)[K]>, ack: AckCallback<RequestResults[K]>) => void;
};

/** Server → client: each event under its own name, plus the session greeting. */
export type ServerToClientEvents = {
  [K in EventName]: (event: Extract<DeliveredEvent, { type: K }>) => void;
} & {
  /** Sent once after connect: who you are, which world, and the newest sequence number. */
  'session:ready': (info: { user: User; world: string; headSeq: number; protocol: number }) => void;
};

export const ALL_INBOUND_SCHEMAS = { ...COMMAND_SCHEMAS, ...REQUEST_SCHEMAS };
