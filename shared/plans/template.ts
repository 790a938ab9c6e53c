import { z } from 'zod';
import { subtypeBelongsTo } from '../domain/categories.js';
import { LEVEL_INFO, needsUpwardReport, UPWARD_REPORT_MS } from '../domain/levels.js';
import {
  AgencySchema,
  CategorySchema,
  LevelSchema,
  RoleSchema,
  SubtypeSchema,
  UnitTypeSchema,
} from '../protocol/entities.js';
import { PlanAreaSchema } from './area.js';
import { capabilityFitsUnitType, UNIT_CAPABILITIES } from './capabilities.js';

/** Text every dispatcher-facing string carries in both languages. */
export const BilingualTextSchema = z.strictObject({
  zh: z.string().trim().min(1, 'Chinese text is required'),
  en: z.string().trim().min(1, 'English text is required'),
});
export type BilingualText = z.infer<typeof BilingualTextSchema>;

/** Plan template ids read like run-card names: `PLAN-BUILDING-FIRE`, `PLAN-TYPHOON-CHANGHAI`. */
export const PlanIdSchema = z
  .string()
  .max(64)
  .regex(/^PLAN(-[A-Z0-9]+)+$/, 'plan ids are upper-case words after PLAN-, e.g. PLAN-BUILDING-FIRE');

/** Action ids are stable within a template so completions survive revisions: `set-cordon`. */
export const ActionIdSchema = z
  .string()
  .max(48)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'action ids are kebab-case, e.g. set-cordon');

/** Response level 1 (一级, highest) to 4 (四级); it follows the incident level (DOMAIN.md). */
export const ResponseLevelSchema = z.number().int().min(1).max(4);
export type ResponseLevel = z.infer<typeof ResponseLevelSchema>;
export const RESPONSE_LEVEL_NAMES = {
  1: { zh: '一级响应', en: 'Level 1 response' },
  2: { zh: '二级响应', en: 'Level 2 response' },
  3: { zh: '三级响应', en: 'Level 3 response' },
  4: { zh: '四级响应', en: 'Level 4 response' },
} as const satisfies Record<ResponseLevel, BilingualText>;

/** Who carries out an action: a platform role or an agency (the two vocabularies do not overlap). */
export const ResponsibleSchema = z.union([RoleSchema, AgencySchema]);
export type Responsible = z.infer<typeof ResponsibleSchema>;

/** The action every level I/II plan must carry, with a deadline of at most 4 h (DOMAIN.md). */
export const UPWARD_REPORT_ACTION_ID = 'report-upward';
const UPWARD_REPORT_MINUTES = UPWARD_REPORT_MS / 60_000;

/** What incidents a template applies to. */
export const PlanMatchSchema = z
  .strictObject({
    category: CategorySchema,
    subtypes: z.array(SubtypeSchema).min(1, 'name at least one sub-type'),
    levels: z.array(LevelSchema).min(1, 'name at least one level'),
    area: PlanAreaSchema.optional(),
  })
  .superRefine((match, ctx) => {
    match.subtypes.forEach((subtype, index) => {
      if (!subtypeBelongsTo(match.category, subtype))
        ctx.addIssue({
          code: 'custom',
          path: ['subtypes', index],
          message: `sub-type ${subtype} does not belong to category ${match.category}`,
        });
    });
    reportRepeats(match.subtypes, (subtype) => subtype, ['subtypes'], 'sub-type', ctx);
    reportRepeats(match.levels, (level) => level, ['levels'], 'level', ctx);
  });
export type PlanMatch = z.infer<typeof PlanMatchSchema>;

/** A run-card line: this many units of a type, optionally with a capability. */
export const RequirementSchema = z
  .strictObject({
    unitType: UnitTypeSchema,
    count: z.number().int().min(1, 'count is at least 1').max(100),
    capability: z.string().optional(),
  })
  .superRefine((requirement, ctx) => {
    if (requirement.capability !== undefined && !capabilityFitsUnitType(requirement.unitType, requirement.capability)) {
      const known = UNIT_CAPABILITIES[requirement.unitType].join(', ') || 'none';
      ctx.addIssue({
        code: 'custom',
        path: ['capability'],
        message: `${requirement.unitType} has no capability ${requirement.capability} (known: ${known})`,
      });
    }
  });
export type Requirement = z.infer<typeof RequirementSchema>;

/** One checklist item, due a number of minutes after the plan is activated. */
export const PlanActionSchema = z.strictObject({
  id: ActionIdSchema,
  title: BilingualTextSchema,
  responsible: ResponsibleSchema,
  deadlineMinutes: z.number().int().min(0).max(7 * 24 * 60, 'deadlines are at most 7 days after activation'),
});
export type PlanAction = z.infer<typeof PlanActionSchema>;

const planBodyShape = {
  name: BilingualTextSchema,
  match: PlanMatchSchema,
  responseLevel: ResponseLevelSchema,
  leadAgency: AgencySchema,
  supportingAgencies: z.array(AgencySchema),
  requirements: z.array(RequirementSchema).min(1, 'a plan sends at least one unit type'),
  actions: z.array(PlanActionSchema).min(1, 'a plan has at least one action'),
  notifications: z.array(AgencySchema),
  cordonRadiusM: z.number().int().min(0).max(50_000),
  evacuationRadiusM: z.number().int().min(0).max(100_000),
  publicWarning: BilingualTextSchema,
  terminationConditions: z.array(BilingualTextSchema).min(1, 'say when the response ends'),
};

type PlanBody = z.infer<z.ZodObject<typeof planBodyShape>>;

/** Rules across fields; each issue carries the path of the field an author has to fix. */
function checkPlanBody(plan: PlanBody, ctx: z.RefinementCtx): void {
  reportRepeats(plan.supportingAgencies, (agency) => agency, ['supportingAgencies'], 'agency', ctx);
  plan.supportingAgencies.forEach((agency, index) => {
    if (agency === plan.leadAgency)
      ctx.addIssue({ code: 'custom', path: ['supportingAgencies', index], message: `${agency} is already the lead agency` });
  });
  reportRepeats(plan.notifications, (agency) => agency, ['notifications'], 'agency', ctx);
  reportRepeats(
    plan.requirements,
    (requirement) => `${requirement.unitType}${requirement.capability ? ` with ${requirement.capability}` : ''}`,
    ['requirements'],
    'requirement',
    ctx,
  );
  reportRepeats(plan.actions, (action) => action.id, ['actions'], 'action id', ctx);
  plan.actions.forEach((action, index) => {
    const previous = plan.actions[index - 1];
    // The checklist is read top to bottom; an earlier deadline further down would be missed.
    if (previous && action.deadlineMinutes < previous.deadlineMinutes)
      ctx.addIssue({
        code: 'custom',
        path: ['actions', index, 'deadlineMinutes'],
        message: `actions are listed in deadline order: ${action.id} (${action.deadlineMinutes} min) comes after ${previous.id} (${previous.deadlineMinutes} min)`,
      });
  });
  if (plan.evacuationRadiusM < plan.cordonRadiusM)
    ctx.addIssue({
      code: 'custom',
      path: ['evacuationRadiusM'],
      message: `evacuation radius ${plan.evacuationRadiusM} m is smaller than the cordon radius ${plan.cordonRadiusM} m`,
    });
  const mostSevereRank = Math.min(...plan.match.levels.map((level) => LEVEL_INFO[level].rank));
  if (plan.responseLevel > mostSevereRank)
    ctx.addIssue({
      code: 'custom',
      path: ['responseLevel'],
      message: `response level ${plan.responseLevel} is weaker than the most severe level matched (rank ${mostSevereRank})`,
    });
  if (plan.match.levels.some(needsUpwardReport)) {
    const upward = plan.actions.find((action) => action.id === UPWARD_REPORT_ACTION_ID);
    if (!upward || upward.deadlineMinutes > UPWARD_REPORT_MINUTES)
      ctx.addIssue({
        code: 'custom',
        path: ['actions'],
        message: `level I/II plans need action ${UPWARD_REPORT_ACTION_ID} due within ${UPWARD_REPORT_MINUTES} minutes`,
      });
  }
}

function reportRepeats<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  path: (string | number)[],
  what: string,
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [...path, index], message: `${what} ${key} repeats` });
    seen.add(key);
  });
}

/** A stored plan template (read shape). */
export const PlanTemplateSchema = z
  .strictObject({ id: PlanIdSchema, revision: z.number().int().min(1), ...planBodyShape })
  .superRefine(checkPlanBody);
export type PlanTemplate = z.infer<typeof PlanTemplateSchema>;

/** What an author submits to create a template; the store assigns revision 1. */
export const PlanTemplateCreateSchema = z.strictObject({ id: PlanIdSchema, ...planBodyShape }).superRefine(checkPlanBody);
export type PlanTemplateCreate = z.infer<typeof PlanTemplateCreateSchema>;

/** A full replacement of a template, guarded by the revision the author edited; the store bumps it. */
export const PlanTemplateReviseSchema = z
  .strictObject({ id: PlanIdSchema, expectedRevision: z.number().int().min(1), ...planBodyShape })
  .superRefine(checkPlanBody);
export type PlanTemplateRevise = z.infer<typeof PlanTemplateReviseSchema>;
