import { describe, expect, it } from 'vitest';
import { DALIAN_PLAN_TEMPLATES, matchTemplate, type Level } from '../../shared/index.js';
import { DALIAN_SCENARIOS, ScenarioSchema, injectLocation, type Scenario, type ScenarioInject } from '../../shared/drills/index.js';
import { isOnLand } from '../../shared/geo/land.js';
import { loadDalianLand } from '../../server/geo/land-data.js';

function issuesOf(candidate: unknown): string[] {
  const result = ScenarioSchema.safeParse(candidate);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

/** A scenario with one change, to show each rule catches what it is for. */
function withInjects(change: (injects: ScenarioInject[]) => void): Scenario {
  const scenario = structuredClone(DALIAN_SCENARIOS[0]!);
  change(scenario.injects);
  return scenario;
}

describe('Dalian drill scenarios', () => {
  it.each(DALIAN_SCENARIOS.map((scenario) => [scenario.id, scenario] as const))('%s parses', (_id, scenario) => {
    expect(issuesOf(scenario)).toEqual([]);
  });

  it('has at least three scenarios with unique ids, each 60–120 simulated minutes with 5–10 injects', () => {
    expect(DALIAN_SCENARIOS.length).toBeGreaterThanOrEqual(3);
    expect(new Set(DALIAN_SCENARIOS.map((scenario) => scenario.id)).size).toBe(DALIAN_SCENARIOS.length);
    for (const scenario of DALIAN_SCENARIOS) {
      expect(scenario.durationMinutes, scenario.id).toBeGreaterThanOrEqual(60);
      expect(scenario.durationMinutes, scenario.id).toBeLessThanOrEqual(120);
      expect(scenario.injects.length, scenario.id).toBeGreaterThanOrEqual(5);
      expect(scenario.injects.length, scenario.id).toBeLessThanOrEqual(10);
    }
  });

  it('puts every incident and closed road on land, and only the oil spill at sea', () => {
    const land = loadDalianLand();
    let atSea = 0;
    for (const scenario of DALIAN_SCENARIOS)
      for (const inject of scenario.injects) {
        const location = injectLocation(inject);
        if (!location) continue;
        const seaBorne = (inject.kind === 'incident' || inject.kind === 'related-incident') && inject.report.subtype === 'oil_spill';
        if (seaBorne) atSea += 1;
        expect(isOnLand(land, location), `${scenario.id}/${inject.id}`).toBe(!seaBorne);
      }
    expect(atSea).toBe(1);
  });

  it('refers only to incidents an earlier inject created', () => {
    for (const scenario of DALIAN_SCENARIOS) {
      const defined = new Set<string>();
      for (const inject of scenario.injects) {
        const refers = inject.kind === 'escalate' || inject.kind === 'casualties' ? [inject.ref] : inject.kind === 'related-incident' ? [inject.relatedTo] : inject.kind === 'unit-breakdown' && 'nearRef' in inject.unit ? [inject.unit.nearRef] : [];
        for (const ref of refers) expect(defined, `${scenario.id}/${inject.id} → ${ref}`).toContain(ref);
        if (inject.kind === 'incident' || inject.kind === 'related-incident') defined.add(inject.ref);
      }
    }
  });

  it('activates a plan the scenario expects at every level each incident reaches', () => {
    const ids = new Set(DALIAN_PLAN_TEMPLATES.map((template) => template.id));
    for (const scenario of DALIAN_SCENARIOS) {
      for (const planId of scenario.expectedPlans) expect(ids, `${scenario.id} expects ${planId}`).toContain(planId);
      const levels = new Map<string, { report: Extract<ScenarioInject, { kind: 'incident' }>['report']; levels: Level[] }>();
      for (const inject of scenario.injects) {
        if (inject.kind === 'incident' || inject.kind === 'related-incident') levels.set(inject.ref, { report: inject.report, levels: [inject.report.level] });
        if (inject.kind === 'escalate') levels.get(inject.ref)!.levels.push(inject.level);
      }
      for (const [ref, { report, levels: reached }] of levels)
        for (const level of reached) {
          const match = matchTemplate(DALIAN_PLAN_TEMPLATES, { ...report, level });
          expect(scenario.expectedPlans, `${scenario.id}/${ref} at level ${level}`).toContain(match?.template.id);
        }
    }
  });

  it('refuses a ref no earlier inject defines, a ref defined twice, injects out of order and places outside the area', () => {
    expect(issuesOf(withInjects((injects) => Object.assign(injects[1]!, { ref: 'nowhere' })))).toEqual(['injects.1.ref: no earlier incident inject defines ref nowhere']);
    const duplicate = withInjects((injects) => injects.push({ ...(injects[0] as Extract<ScenarioInject, { kind: 'incident' }>), id: 'again', atMinute: 80 }));
    expect(issuesOf(duplicate)).toEqual(['injects.8.ref: ref pipeline-fire is already defined']);
    expect(issuesOf(withInjects((injects) => Object.assign(injects[2]!, { atMinute: 1 })))).toEqual(['injects.2.atMinute: injects are listed in time order: oil-in-harbour comes after burned-workers']);
    const far = withInjects((injects) => Object.assign(injects[4]!, { location: { lat: 39.6, lon: 122.0 } }));
    expect(issuesOf(far)).toEqual(['injects.4.location: access-road-closed lies outside the scenario area']);
  });

  it('refuses a sub-type from another category and an inject after the end', () => {
    const wrongSubtype = withInjects((injects) => Object.assign((injects[0] as Extract<ScenarioInject, { kind: 'incident' }>).report, { subtype: 'typhoon' }));
    expect(issuesOf(wrongSubtype)).toEqual(['injects.0.report.subtype: sub-type typhoon is not in category accident']);
    const late = withInjects((injects) => Object.assign(injects[7]!, { atMinute: 95 }));
    expect(issuesOf(late)).toEqual(['injects.7.atMinute: fires after the scenario ends (90 min)']);
  });
});
