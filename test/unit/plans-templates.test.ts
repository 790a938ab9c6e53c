import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../shared/domain/categories.js';
import { ROLES } from '../../shared/domain/roles.js';
import { AGENCIES } from '../../shared/domain/units.js';
import { DALIAN_PLAN_TEMPLATES } from '../../shared/plans/dalian-templates.js';
import {
  PlanTemplateCreateSchema,
  PlanTemplateReviseSchema,
  PlanTemplateSchema,
  UPWARD_REPORT_ACTION_ID,
  type PlanTemplate,
} from '../../shared/plans/template.js';
import { makeTemplate } from './plans-factories.js';

/** Parses and returns the issues as "path: message" lines, for readable assertions. */
function issuesOf(candidate: unknown): { path: (string | number)[]; message: string }[] {
  const result = PlanTemplateSchema.safeParse(candidate);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: issue.path as (string | number)[], message: issue.message }));
}

function withChange(change: (template: PlanTemplate) => void): PlanTemplate {
  const template = structuredClone(makeTemplate({ id: 'PLAN-TEST' }));
  change(template);
  return template;
}

describe('seeded Dalian templates', () => {
  it.each(DALIAN_PLAN_TEMPLATES.map((template) => [template.id, template] as const))('%s parses', (_id, template) => {
    const result = PlanTemplateSchema.safeParse(template);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('has unique ids, at least 13 templates and all four categories', () => {
    const ids = DALIAN_PLAN_TEMPLATES.map((template) => template.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(13);
    expect(new Set(DALIAN_PLAN_TEMPLATES.map((template) => template.match.category))).toEqual(new Set(CATEGORIES));
  });

  it('covers the scenarios the platform promises', () => {
    const subtypes = new Set(DALIAN_PLAN_TEMPLATES.flatMap((template) => template.match.subtypes));
    for (const subtype of [
      'building_fire',
      'petrochemical_fire',
      'chemical_leak',
      'oil_spill',
      'road_traffic',
      'work_safety',
      'typhoon',
      'storm_surge',
      'rainstorm',
      'earthquake',
      'infectious_disease',
      'food_poisoning',
      'drug_safety',
      'crowd_crush',
      'mass_incident',
    ])
      expect(subtypes, subtype).toContain(subtype);
  });

  it('sends more to a level I–II building fire than to a level III–IV one', () => {
    const total = (id: string, unitType: string) =>
      DALIAN_PLAN_TEMPLATES.find((template) => template.id === id)!
        .requirements.filter((requirement) => requirement.unitType === unitType)
        .reduce((sum, requirement) => sum + requirement.count, 0);
    for (const unitType of ['fire_engine', 'ladder', 'ambulance'])
      expect(total('PLAN-BUILDING-FIRE-MAJOR', unitType), unitType).toBeGreaterThan(total('PLAN-BUILDING-FIRE', unitType));
  });

  it('fights oil at sea with boom vessels and food poisoning with samplers, health teams and ambulances', () => {
    const oilSpill = DALIAN_PLAN_TEMPLATES.find((template) => template.id === 'PLAN-OIL-SPILL')!;
    expect(oilSpill.requirements).toContainEqual({ unitType: 'sea_rescue_vessel', count: 2, capability: 'oil_boom' });
    const food = DALIAN_PLAN_TEMPLATES.find((template) => template.id === 'PLAN-FOOD-POISONING')!;
    expect(food.requirements.map((requirement) => requirement.unitType)).toEqual(
      expect.arrayContaining(['food_safety_inspection', 'public_health_team', 'ambulance']),
    );
    expect(food.actions.map((action) => action.id)).toEqual(expect.arrayContaining(['notify-cdc', 'sample-food']));
  });
});

describe('PlanTemplateSchema rejects bad templates at the field to fix', () => {
  it('accepts the base fixture', () => {
    expect(issuesOf(makeTemplate({ id: 'PLAN-TEST' }))).toEqual([]);
  });

  it.each<[string, (template: PlanTemplate) => void, (string | number)[], RegExp]>([
    ['a sub-type of another category', (t) => (t.match.subtypes = ['building_fire', 'typhoon']), ['match', 'subtypes', 1], /typhoon does not belong to category accident/],
    ['an unknown sub-type', (t) => (t.match.subtypes = ['volcano']), ['match', 'subtypes', 0], /./],
    ['no sub-types', (t) => (t.match.subtypes = []), ['match', 'subtypes'], /at least one sub-type/],
    ['a repeated level', (t) => (t.match.levels = ['III', 'IV', 'III']), ['match', 'levels', 2], /level III repeats/],
    ['a level outside I..IV', (t) => (t.match.levels = ['V' as 'I']), ['match', 'levels', 0], /./],
    ['an unknown district', (t) => (t.match.area = { kind: 'districts', districts: ['atlantis' as 'changhai'] }), ['match', 'area', 'districts', 0], /./],
    ['an unknown unit type', (t) => (t.requirements = [{ unitType: 'tank' as 'ladder', count: 1 }]), ['requirements', 0, 'unitType'], /./],
    ['a capability the type cannot have', (t) => (t.requirements = [{ unitType: 'ambulance', count: 1, capability: 'foam' }]), ['requirements', 0, 'capability'], /ambulance has no capability foam \(known: als, bls\)/],
    ['a count of zero', (t) => (t.requirements = [{ unitType: 'ambulance', count: 0 }]), ['requirements', 0, 'count'], /at least 1/],
    ['a repeated requirement line', (t) => (t.requirements = [{ unitType: 'ambulance', count: 1, capability: 'als' }, { unitType: 'ambulance', count: 2, capability: 'als' }]), ['requirements', 1], /ambulance with als repeats/],
    ['a repeated action id', (t) => t.actions.push({ ...t.actions[0]!, deadlineMinutes: 5 }), ['actions', 1], /action id dispatch-first-alarm repeats/],
    ['an action id that is not kebab-case', (t) => (t.actions[0]!.id = 'Set_Cordon'), ['actions', 0, 'id'], /kebab-case/],
    ['an unknown responsible', (t) => (t.actions[0]!.responsible = 'mayor' as 'admin'), ['actions', 0, 'responsible'], /./],
    ['actions out of deadline order', (t) => t.actions.push({ id: 'set-cordon', title: { zh: '警戒', en: 'Cordon' }, responsible: 'public_security', deadlineMinutes: 0 }), ['actions', 1, 'deadlineMinutes'], /deadline order/],
    ['evacuation inside the cordon', (t) => (t.evacuationRadiusM = 10), ['evacuationRadiusM'], /smaller than the cordon radius 50 m/],
    ['a response weaker than the level', (t) => (t.match.levels = ['II', 'III']), ['responseLevel'], /weaker than the most severe level/],
    ['a level II plan without an upward report', (t) => { t.match.levels = ['II']; t.responseLevel = 2; }, ['actions'], /report-upward due within 240 minutes/],
    ['the lead agency again among supporters', (t) => (t.supportingAgencies = ['cdc', 'fire_rescue']), ['supportingAgencies', 1], /already the lead agency/],
    ['an unknown agency to notify', (t) => (t.notifications = ['fire_rescue', 'army' as 'cdc']), ['notifications', 1], /./],
    ['a missing English warning', (t) => (t.publicWarning = { zh: '请远离', en: ' ' }), ['publicWarning', 'en'], /English text is required/],
    ['no termination condition', (t) => (t.terminationConditions = []), ['terminationConditions'], /say when the response ends/],
    ['a badly formed id', (t) => (t.id = 'building-fire'), ['id'], /PLAN-BUILDING-FIRE/],
    ['revision 0', (t) => (t.revision = 0), ['revision'], /./],
    ['an unknown field', (t) => Object.assign(t, { priority: 1 }), [], /priority/],
  ])('rejects %s', (_name, change, path, message) => {
    const issues = issuesOf(withChange(change));
    expect(issues.map((issue) => issue.path)).toContainEqual(path);
    expect(issues.find((issue) => JSON.stringify(issue.path) === JSON.stringify(path))?.message).toMatch(message);
  });

  it('accepts a level II plan whose upward report is due within 4 h, but not at 4 h 1 min', () => {
    const upward = (minutes: number) =>
      withChange((t) => {
        t.match.levels = ['II'];
        t.responseLevel = 2;
        t.actions.push({ id: UPWARD_REPORT_ACTION_ID, title: { zh: '上报', en: 'Report' }, responsible: 'supervisor', deadlineMinutes: minutes });
      });
    expect(issuesOf(upward(240))).toEqual([]);
    expect(issuesOf(upward(241)).map((issue) => issue.path)).toEqual([['actions']]);
  });

  it('reports every problem of a template at once', () => {
    const issues = issuesOf(
      withChange((t) => {
        t.match.subtypes = ['typhoon'];
        t.evacuationRadiusM = 0;
      }),
    );
    expect(issues.map((issue) => issue.path)).toEqual([['match', 'subtypes', 0], ['evacuationRadiusM']]);
  });
});

describe('create and revise shapes', () => {
  const { revision: _revision, ...body } = makeTemplate({ id: 'PLAN-TEST' });

  it('creates without a revision and refuses one', () => {
    expect(PlanTemplateCreateSchema.safeParse(body).success).toBe(true);
    expect(PlanTemplateCreateSchema.safeParse({ ...body, revision: 3 }).success).toBe(false);
  });

  it('revises against the revision the author edited, with the same rules', () => {
    expect(PlanTemplateReviseSchema.safeParse({ ...body, expectedRevision: 1 }).success).toBe(true);
    expect(PlanTemplateReviseSchema.safeParse(body).success).toBe(false);
    const bad = PlanTemplateReviseSchema.safeParse({ ...body, expectedRevision: 1, evacuationRadiusM: 1 });
    expect(bad.error?.issues.map((issue) => issue.path)).toEqual([['evacuationRadiusM']]);
  });
});

it('keeps roles and agencies apart, so a responsible string names exactly one of them', () => {
  const agencies: readonly string[] = AGENCIES;
  expect(ROLES.filter((role) => agencies.includes(role))).toEqual([]);
});
