import { z } from 'zod';
import { AgencySchema, IdSchema, IsoTimeSchema } from '../protocol/entities.js';
import {
  BilingualTextSchema,
  PlanActionSchema,
  PlanIdSchema,
  RequirementSchema,
  ResponseLevelSchema,
  type PlanTemplate,
} from './template.js';

/**
 * What a plan activation fixes for one incident: a copy of the template revision it started with, so a
 * later revision of the template never rewrites what this response was measured against.
 */
export const PlanActivationContentSchema = z.object({
  incidentId: IdSchema,
  planId: PlanIdSchema,
  planRevision: z.number().int().min(1),
  name: BilingualTextSchema,
  matchReason: z.string(),
  responseLevel: ResponseLevelSchema,
  leadAgency: AgencySchema,
  supportingAgencies: z.array(AgencySchema),
  requirements: z.array(RequirementSchema),
  actions: z.array(PlanActionSchema),
  notifications: z.array(AgencySchema),
  cordonRadiusM: z.number(),
  evacuationRadiusM: z.number(),
  publicWarning: BilingualTextSchema,
  terminationConditions: z.array(BilingualTextSchema),
});
export type PlanActivationContent = z.infer<typeof PlanActivationContentSchema>;

/** A completed checklist action: when, by whom, with an optional note. */
export const ActionCompletionSchema = z.object({ at: IsoTimeSchema, by: IdSchema, note: z.string().nullable() });

/** The live state of a plan on an incident (read shape). */
export const PlanActivationSchema = PlanActivationContentSchema.extend({
  activatedAt: IsoTimeSchema,
  completions: z.record(z.string(), ActionCompletionSchema),
  /** Actions an overdue alert was already raised for: each is raised once. */
  overdueAlerted: z.array(z.string()),
  /** What the last re-match after a level change added and released; null before any. */
  lastDelta: z.object({ added: z.array(RequirementSchema), released: z.array(RequirementSchema) }).nullable(),
});
export type PlanActivation = z.infer<typeof PlanActivationSchema>;

/** The activation content for a template chosen for an incident. */
export function activationContent(template: PlanTemplate, incidentId: string, matchReason: string): PlanActivationContent {
  return {
    incidentId,
    planId: template.id,
    planRevision: template.revision,
    name: template.name,
    matchReason,
    responseLevel: template.responseLevel,
    leadAgency: template.leadAgency,
    supportingAgencies: template.supportingAgencies,
    requirements: template.requirements,
    actions: template.actions,
    notifications: template.notifications,
    cordonRadiusM: template.cordonRadiusM,
    evacuationRadiusM: template.evacuationRadiusM,
    publicWarning: template.publicWarning,
    terminationConditions: template.terminationConditions,
  };
}
