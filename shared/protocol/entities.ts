import { z } from 'zod';
import { CATEGORIES, ALL_SUBTYPES } from '../domain/categories.js';
import { LEVELS } from '../domain/levels.js';
import { UNIT_TYPES, AGENCIES } from '../domain/units.js';
import { INCIDENT_STATUSES, UNIT_STATUSES, ASSIGNMENT_STATUSES } from '../domain/state-machines.js';
import { ROLES } from '../domain/roles.js';

/** A WGS 84 position. Stored as {lat, lon}; GeoJSON output turns it into [lon, lat]. */
export const GeoPointSchema = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});
export type GeoPoint = z.infer<typeof GeoPointSchema>;

export const IdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9:_-]+$/, 'ids use letters, digits, : _ -');
export const IsoTimeSchema = z.iso.datetime({ offset: true });
/** `live` for real operations, `drill:<id>` for one exercise. */
export const WorldIdSchema = z.string().regex(/^(live|drill:[A-Za-z0-9_-]{1,48})$/);
export type WorldId = z.infer<typeof WorldIdSchema>;
export const LIVE_WORLD = 'live' as const;

export const CategorySchema = z.enum(CATEGORIES);
export const SubtypeSchema = z.enum(ALL_SUBTYPES as [string, ...string[]]);
export const LevelSchema = z.enum(LEVELS);
export const UnitTypeSchema = z.enum(UNIT_TYPES);
export const AgencySchema = z.enum(AGENCIES);
export const IncidentStatusSchema = z.enum(INCIDENT_STATUSES);
export const UnitStatusSchema = z.enum(UNIT_STATUSES);
export const AssignmentStatusSchema = z.enum(ASSIGNMENT_STATUSES);
export const RoleSchema = z.enum(ROLES);

export const CallerSchema = z.object({
  name: z.string().trim().max(80).default(''),
  phone: z.string().trim().max(32).regex(/^[0-9+\-() ]*$/, 'digits, spaces and + - ( ) only').default(''),
});
export type Caller = z.infer<typeof CallerSchema>;

/** The live picture of one incident (read shape). */
export const IncidentSchema = z.object({
  id: IdSchema,
  code: z.string(),
  world: WorldIdSchema,
  category: CategorySchema,
  subtype: SubtypeSchema,
  level: LevelSchema,
  status: IncidentStatusSchema,
  location: GeoPointSchema,
  /** The district (nearest district centre; see shared/domain/districts.ts), null outside Dalian. */
  district: z.string().nullable(),
  address: z.string(),
  description: z.string(),
  caller: CallerSchema,
  casualties: z.number().int().min(0),
  reportedAt: IsoTimeSchema,
  reportedBy: IdSchema,
  /** The unit whose team reported it from the field (it follows its own report); null from the centre. */
  reportedByUnitId: IdSchema.nullable(),
  verifiedAt: IsoTimeSchema.nullable(),
  activatedAt: IsoTimeSchema.nullable(),
  firstDispatchAt: IsoTimeSchema.nullable(),
  containedAt: IsoTimeSchema.nullable(),
  closedAt: IsoTimeSchema.nullable(),
  statusReason: z.string().nullable(),
  mergedInto: IdSchema.nullable(),
  mergedFrom: z.array(IdSchema),
  noteCount: z.number().int().min(0),
  updatedAt: IsoTimeSchema,
  version: z.number().int().min(0),
});
export type Incident = z.infer<typeof IncidentSchema>;

export const UnitSchema = z.object({
  id: IdSchema,
  world: WorldIdSchema,
  callSign: z.string(),
  name: z.string(),
  type: UnitTypeSchema,
  agency: AgencySchema,
  district: z.string(),
  stationName: z.string(),
  home: GeoPointSchema,
  location: GeoPointSchema,
  locationAt: IsoTimeSchema,
  status: UnitStatusSchema,
  statusAt: IsoTimeSchema,
  assignmentId: IdSchema.nullable(),
  capabilities: z.array(z.string()),
  version: z.number().int().min(0),
});
export type Unit = z.infer<typeof UnitSchema>;

export const AssignmentSchema = z.object({
  id: IdSchema,
  world: WorldIdSchema,
  incidentId: IdSchema,
  unitId: IdSchema,
  status: AssignmentStatusSchema,
  dispatchedBy: IdSchema,
  dispatchedAt: IsoTimeSchema,
  /** When each status was reached, keyed by status. */
  times: z.partialRecord(AssignmentStatusSchema, IsoTimeSchema),
  reason: z.string().nullable(),
  version: z.number().int().min(0),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

/** A user as other parts of the system see it (never the password hash). */
export const UserSchema = z.object({
  id: IdSchema,
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  unitId: IdSchema.nullable(),
});
export type User = z.infer<typeof UserSchema>;

/** Who did something: recorded on every event. */
export const ActorSchema = z.object({
  userId: IdSchema,
  role: z.union([RoleSchema, z.literal('system')]),
});
export type Actor = z.infer<typeof ActorSchema>;
