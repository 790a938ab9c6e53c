import { z } from 'zod';
import { IdSchema, LevelSchema } from './entities.js';
import { AlertRaisedSchema } from './alerts.js';
import { PlanActivationContentSchema } from '../plans/activation.js';
import { PlanTemplateSchema, RequirementSchema } from '../plans/template.js';

/** Plan templates (stream `plan-template:<id>`), plan activations and checklists (stream `incident:<id>`), alerts. */
export const PLAN_EVENT_SCHEMAS = {
  'plan-template:created': z.object({ template: PlanTemplateSchema }),
  'plan-template:revised': z.object({ template: PlanTemplateSchema }),
  'plan:activated': PlanActivationContentSchema,
  /** A level change chose another plan (or revision): what the run card adds and releases. */
  'plan:rematched': PlanActivationContentSchema.extend({
    fromPlanId: z.string(),
    fromLevel: LevelSchema,
    toLevel: LevelSchema,
    added: z.array(RequirementSchema),
    released: z.array(RequirementSchema),
  }),
  'plan:action-completed': z.object({ incidentId: IdSchema, actionId: z.string(), note: z.string().nullable() }),
  'alert:raised': AlertRaisedSchema,
  'alert:acknowledged': z.object({ alertId: IdSchema, incidentId: IdSchema }),
} as const;
