import {
  PlanTemplateCreateSchema,
  PlanTemplateReviseSchema,
  type PlanTemplate,
  type PlanTemplateCreate,
  type PlanTemplateRevise,
} from '../../shared/index.js';
import { t } from '../i18n/index.js';

/**
 * What the editor holds while a person types: the template's shape, with numbers kept as the text in
 * their inputs, so a half-typed value is never silently turned into something else. It becomes a
 * template only through the same zod schema the server uses ({@link validateDraft}).
 */
export interface TemplateDraft {
  id: string;
  name: { zh: string; en: string };
  match: { category: string; subtypes: string[]; levels: string[]; area: AreaDraft };
  responseLevel: string;
  leadAgency: string;
  supportingAgencies: string[];
  requirements: RequirementDraft[];
  actions: ActionDraft[];
  notifications: string[];
  cordonRadiusM: string;
  evacuationRadiusM: string;
  publicWarning: { zh: string; en: string };
  terminationConditions: { zh: string; en: string }[];
}
export interface AreaDraft {
  kind: 'none' | 'circle' | 'districts';
  lat: string;
  lon: string;
  radiusKm: string;
  districts: string[];
}
export interface RequirementDraft {
  unitType: string;
  count: string;
  capability: string;
}
export interface ActionDraft {
  id: string;
  title: { zh: string; en: string };
  responsible: string;
  deadlineMinutes: string;
}

/**
 * A problem with one field, in template paths: `match.subtypes.0`, `actions.2.deadlineMinutes`. `code`
 * is zod's issue code, or `server:<error code>` for a rule the server checked against its library.
 */
export interface TemplateIssue {
  path: string;
  message: string;
  code: string;
}

export function emptyRequirement(): RequirementDraft {
  return { unitType: '', count: '1', capability: '' };
}

export function emptyAction(): ActionDraft {
  return { id: '', title: { zh: '', en: '' }, responsible: '', deadlineMinutes: '' };
}

export function emptyDraft(): TemplateDraft {
  return {
    id: 'PLAN-',
    name: { zh: '', en: '' },
    match: { category: '', subtypes: [], levels: [], area: { kind: 'none', lat: '', lon: '', radiusKm: '', districts: [] } },
    responseLevel: '4',
    leadAgency: '',
    supportingAgencies: [],
    requirements: [emptyRequirement()],
    actions: [emptyAction()],
    notifications: [],
    cordonRadiusM: '0',
    evacuationRadiusM: '0',
    publicWarning: { zh: '', en: '' },
    terminationConditions: [{ zh: '', en: '' }],
  };
}

export function draftFromTemplate(template: PlanTemplate): TemplateDraft {
  const area = template.match.area;
  return {
    id: template.id,
    name: { ...template.name },
    match: {
      category: template.match.category,
      subtypes: [...template.match.subtypes],
      levels: [...template.match.levels],
      area: {
        kind: area?.kind ?? 'none',
        lat: area?.kind === 'circle' ? String(area.centre.lat) : '',
        lon: area?.kind === 'circle' ? String(area.centre.lon) : '',
        radiusKm: area?.kind === 'circle' ? String(area.radiusKm) : '',
        districts: area?.kind === 'districts' ? [...area.districts] : [],
      },
    },
    responseLevel: String(template.responseLevel),
    leadAgency: template.leadAgency,
    supportingAgencies: [...template.supportingAgencies],
    requirements: template.requirements.map((requirement) => ({ unitType: requirement.unitType, count: String(requirement.count), capability: requirement.capability ?? '' })),
    actions: template.actions.map((action) => ({ id: action.id, title: { ...action.title }, responsible: action.responsible, deadlineMinutes: String(action.deadlineMinutes) })),
    notifications: [...template.notifications],
    cordonRadiusM: String(template.cordonRadiusM),
    evacuationRadiusM: String(template.evacuationRadiusM),
    publicWarning: { ...template.publicWarning },
    terminationConditions: template.terminationConditions.map((condition) => ({ ...condition })),
  };
}

/** Text to number for the schema: an empty input is missing (the schema says so), not zero. */
function numberOf(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}

/** The draft in the template's shape, unvalidated. */
export function bodyOf(draft: TemplateDraft) {
  const { area } = draft.match;
  const areaBody =
    area.kind === 'circle'
      ? { kind: 'circle', centre: { lat: numberOf(area.lat), lon: numberOf(area.lon) }, radiusKm: numberOf(area.radiusKm) }
      : area.kind === 'districts'
        ? { kind: 'districts', districts: area.districts }
        : undefined;
  return {
    id: draft.id.trim(),
    name: draft.name,
    match: { category: draft.match.category, subtypes: draft.match.subtypes, levels: draft.match.levels, ...(areaBody && { area: areaBody }) },
    responseLevel: numberOf(draft.responseLevel),
    leadAgency: draft.leadAgency,
    supportingAgencies: draft.supportingAgencies,
    requirements: draft.requirements.map((row) => ({ unitType: row.unitType, count: numberOf(row.count), ...(row.capability && { capability: row.capability }) })),
    actions: draft.actions.map((row) => ({ id: row.id.trim(), title: row.title, responsible: row.responsible, deadlineMinutes: numberOf(row.deadlineMinutes) })),
    notifications: draft.notifications,
    cordonRadiusM: numberOf(draft.cordonRadiusM),
    evacuationRadiusM: numberOf(draft.evacuationRadiusM),
    publicWarning: draft.publicWarning,
    terminationConditions: draft.terminationConditions,
  };
}

export type DraftCheck<T> = { ok: true; template: T } | { ok: false; issues: TemplateIssue[] };

/** Validates with the server's own schema: create (no revision yet) or revise (guarded by the revision edited). */
export function validateDraft(draft: TemplateDraft, expectedRevision: number): DraftCheck<PlanTemplateRevise>;
export function validateDraft(draft: TemplateDraft, expectedRevision: null): DraftCheck<PlanTemplateCreate>;
export function validateDraft(draft: TemplateDraft, expectedRevision: number | null): DraftCheck<PlanTemplateCreate | PlanTemplateRevise> {
  const body = bodyOf(draft);
  const parsed = expectedRevision === null ? PlanTemplateCreateSchema.safeParse(body) : PlanTemplateReviseSchema.safeParse({ ...body, expectedRevision });
  if (parsed.success) return { ok: true, template: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message, code: issue.code })) };
}

/** Server issues are about the command (`template.match.subtypes.0`); the form speaks template paths. */
export function templateIssues(issues: readonly TemplateIssue[]): TemplateIssue[] {
  return issues.map((issue) => ({ ...issue, path: issue.path.replace(/^template\.?/, '') }));
}

/**
 * The nearest path that has a place on the form for its error: `match.subtypes.0` → `match.subtypes`,
 * `match.area.centre.lat` → itself. '' is the form as a whole.
 */
export function slotFor(path: string, slots: ReadonlySet<string>): string {
  const parts = path.split('.').filter(Boolean);
  while (parts.length > 0) {
    const candidate = parts.join('.');
    if (slots.has(candidate)) return candidate;
    parts.pop();
  }
  return '';
}

/** Rules of the plan schema whose issues get words of their own (path pattern, message pattern). */
const RULES: { path: RegExp; message?: RegExp; code?: string; key: string }[] = [
  { path: /^id$/, code: 'server:CONFLICT', key: 'rule.idTaken' },
  { path: /^match\.subtypes\.\d+$/, message: /does not belong/, key: 'rule.subtypeCategory' },
  { path: /\.\d+$/, message: /repeats$/, key: 'rule.repeats' },
  { path: /^supportingAgencies\.\d+$/, message: /lead agency/, key: 'rule.leadAgain' },
  { path: /\.capability$/, key: 'rule.capability' },
  { path: /^actions\.\d+\.deadlineMinutes$/, message: /deadline order/, key: 'rule.deadlineOrder' },
  { path: /^evacuationRadiusM$/, message: /smaller than the cordon/, key: 'rule.evacuationSmaller' },
  { path: /^responseLevel$/, message: /weaker/, key: 'rule.responseWeaker' },
  { path: /^actions$/, message: /report-upward/, key: 'rule.upwardReport' },
  { path: /^id$/, key: 'rule.planId' },
  { path: /^actions\.\d+\.id$/, key: 'rule.actionId' },
];

const ZOD_CODES = ['invalid_type', 'invalid_value', 'too_small', 'too_big', 'invalid_format'];

/** An issue in the author's language; the schema's own words stay as the detail. */
export function describeIssue(issue: TemplateIssue): { text: string; detail: string } {
  const rule = RULES.find(
    (candidate) =>
      candidate.path.test(issue.path) &&
      (!candidate.message || candidate.message.test(issue.message)) &&
      (candidate.code ? candidate.code === issue.code : ['custom', 'invalid_format', 'too_big'].includes(issue.code)),
  );
  if (rule) return { text: t(rule.key), detail: issue.message };
  // A rule the server checks against the current library (details.field): its error code says what.
  if (issue.code.startsWith('server:')) return { text: t(`error.${issue.code.slice('server:'.length)}`), detail: issue.message };
  return { text: t(ZOD_CODES.includes(issue.code) ? `validation.${issue.code}` : 'validation.invalid'), detail: issue.message };
}
