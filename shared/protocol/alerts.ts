import { z } from 'zod';
import { IdSchema, IsoTimeSchema } from './entities.js';

/** Why the platform raised an alert to supervisors. */
export const ALERT_KINDS = ['action_overdue', 'assignment_unacknowledged'] as const;
export const AlertKindSchema = z.enum(ALERT_KINDS);
export type AlertKind = z.infer<typeof AlertKindSchema>;

/** An alert as raised (event data). */
export const AlertRaisedSchema = z.object({
  alertId: IdSchema,
  incidentId: IdSchema,
  kind: AlertKindSchema,
  message: z.string(),
  actionId: z.string().nullable(),
  assignmentId: IdSchema.nullable(),
  unitId: IdSchema.nullable(),
  /** For a timed-out assignment: the next-best available unit of the same type, if any. */
  suggestedUnitId: IdSchema.nullable(),
});

/** An alert in the live picture (read shape). */
export const AlertSchema = AlertRaisedSchema.extend({
  raisedAt: IsoTimeSchema,
  /** When a supervisor or dispatcher took it in hand, and who: shared by every screen. */
  acknowledgedAt: IsoTimeSchema.nullable(),
  acknowledgedBy: IdSchema.nullable(),
});
export type Alert = z.infer<typeof AlertSchema>;
