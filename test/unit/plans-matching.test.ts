import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVELS } from '../../shared/domain/levels.js';
import { UNIT_TYPES } from '../../shared/domain/units.js';
import { DALIAN_PLAN_TEMPLATES } from '../../shared/plans/dalian-templates.js';
import { matchTemplate, rankTemplates, requirementDelta, requirementKey, type IncidentForMatching } from '../../shared/plans/matching.js';
import type { PlanTemplate, Requirement } from '../../shared/plans/template.js';
import { makeTemplate, ZHONGSHAN } from './plans-factories.js';

const GANJINGZI = { lat: 38.953, lon: 121.525 };
/** Inside the Dagushan petrochemical circle (centre 38.97, 121.89, 6 km). */
const DAGUSHAN_TANK_FARM = { lat: 38.985, lon: 121.9 };
const XINGHAI_SQUARE = { lat: 38.88, lon: 121.585 };

function incident(overrides: Partial<IncidentForMatching>): IncidentForMatching {
  return { category: 'accident', subtype: 'building_fire', level: 'III', location: ZHONGSHAN, ...overrides };
}

function seededMatch(overrides: Partial<IncidentForMatching>): string | undefined {
  return matchTemplate(DALIAN_PLAN_TEMPLATES, incident(overrides))?.template.id;
}

describe('matchTemplate on the Dalian templates', () => {
  it('picks the run card for the level', () => {
    expect(seededMatch({ level: 'IV' })).toBe('PLAN-BUILDING-FIRE');
    expect(seededMatch({ level: 'III' })).toBe('PLAN-BUILDING-FIRE');
    expect(seededMatch({ level: 'II' })).toBe('PLAN-BUILDING-FIRE-MAJOR');
    expect(seededMatch({ level: 'I' })).toBe('PLAN-BUILDING-FIRE-MAJOR');
  });

  it('prefers the Dagushan plan inside its circle and only for the levels it lists', () => {
    const petrochemical = { subtype: 'petrochemical_fire' } as const;
    expect(seededMatch({ ...petrochemical, level: 'III', location: DAGUSHAN_TANK_FARM })).toBe('PLAN-PETROCHEMICAL-FIRE-DAGUSHAN');
    expect(seededMatch({ ...petrochemical, level: 'I', location: DAGUSHAN_TANK_FARM })).toBe('PLAN-PETROCHEMICAL-FIRE-DAGUSHAN');
    expect(seededMatch({ ...petrochemical, level: 'IV', location: DAGUSHAN_TANK_FARM })).toBe('PLAN-PETROCHEMICAL-FIRE');
    expect(seededMatch({ ...petrochemical, level: 'III', location: GANJINGZI })).toBe('PLAN-PETROCHEMICAL-FIRE');
    expect(seededMatch({ ...petrochemical, level: 'I', location: GANJINGZI })).toBe('PLAN-PETROCHEMICAL-FIRE-MAJOR');
  });

  it('uses the Changhai plan only when the incident is known to be in Changhai', () => {
    const typhoon = { category: 'natural', subtype: 'typhoon', level: 'II', location: { lat: 39.272, lon: 122.588 } } as const;
    expect(seededMatch({ ...typhoon, district: 'changhai' })).toBe('PLAN-TYPHOON-CHANGHAI');
    expect(seededMatch({ ...typhoon, district: 'zhongshan' })).toBe('PLAN-TYPHOON-STORM-SURGE-MAJOR');
    // Without a district the point alone does not decide, so the city-wide plan applies.
    expect(seededMatch(typhoon)).toBe('PLAN-TYPHOON-STORM-SURGE-MAJOR');
  });

  it('prefers the narrower Xinghai Square crowd plan for a crush there, not for a mass incident', () => {
    const crowd = { category: 'social_security', level: 'III', location: XINGHAI_SQUARE } as const;
    expect(seededMatch({ ...crowd, subtype: 'crowd_crush' })).toBe('PLAN-CROWD-SAFETY-XINGHAI');
    expect(seededMatch({ ...crowd, subtype: 'mass_incident' })).toBe('PLAN-CROWD-SAFETY');
  });

  it('finds a city-wide plan for every sub-type it covers at every level', () => {
    const covered = new Set(DALIAN_PLAN_TEMPLATES.flatMap((template) => template.match.subtypes.map((subtype) => `${template.match.category}/${subtype}`)));
    for (const entry of covered) {
      const [category, subtype] = entry.split('/') as [IncidentForMatching['category'], string];
      for (const level of LEVELS) {
        const match = matchTemplate(DALIAN_PLAN_TEMPLATES, incident({ category, subtype, level }));
        expect(match?.template.match.area, `${entry} ${level}`).toBeUndefined();
      }
    }
  });

  it('returns null when nothing applies', () => {
    expect(seededMatch({ category: 'natural', subtype: 'flood_drought' })).toBeUndefined();
    // The sub-type exists, but under another category.
    expect(seededMatch({ category: 'natural', subtype: 'building_fire' })).toBeUndefined();
    expect(matchTemplate([], incident({}))).toBeNull();
  });
});

describe('matchTemplate ranking rules', () => {
  const general = makeTemplate({ id: 'PLAN-GENERAL', match: { category: 'accident', subtypes: ['building_fire', 'gas'], levels: ['III', 'IV'] } });
  const narrowSubtypes = makeTemplate({ id: 'PLAN-NARROW', match: { category: 'accident', subtypes: ['building_fire'], levels: ['III', 'IV'] } });
  const narrowLevels = makeTemplate({ id: 'PLAN-LEVEL-III', match: { category: 'accident', subtypes: ['building_fire'], levels: ['III'] } });
  const circle = makeTemplate({
    id: 'PLAN-AREA',
    match: { category: 'accident', subtypes: ['building_fire', 'gas', 'power'], levels: ['III', 'IV'], area: { kind: 'circle', centre: ZHONGSHAN, radiusKm: 2 } },
  });

  it('ranks area, then fewer sub-types, then fewer levels, whatever the input order', () => {
    const templates = [general, narrowSubtypes, narrowLevels, circle];
    const expected = ['PLAN-AREA', 'PLAN-LEVEL-III', 'PLAN-NARROW', 'PLAN-GENERAL'];
    fc.assert(
      fc.property(fc.shuffledSubarray(templates, { minLength: 4, maxLength: 4 }), (shuffled) => {
        expect(rankTemplates(shuffled, incident({})).map((match) => match.template.id)).toEqual(expected);
      }),
    );
  });

  it('drops the area plan outside its circle', () => {
    const farAway = incident({ location: GANJINGZI });
    expect(matchTemplate([general, circle], farAway)?.template.id).toBe('PLAN-GENERAL');
  });

  it('breaks a tie by higher revision, then by id, and says so', () => {
    const a = makeTemplate({ id: 'PLAN-A' });
    const b = makeTemplate({ id: 'PLAN-B' });
    const bRevised = { ...b, revision: 2 };
    for (const order of [[a, bRevised], [bRevised, a]]) {
      const match = matchTemplate(order, incident({}));
      expect(match?.template.id).toBe('PLAN-B');
      expect(match?.reason).toMatch(/tied with PLAN-A on specificity; chosen by higher revision/);
    }
    for (const order of [[a, b], [b, a]]) {
      const match = matchTemplate(order, incident({}));
      expect(match?.template.id).toBe('PLAN-A');
      expect(match?.reason).toMatch(/tied with PLAN-B on specificity; chosen by id order/);
    }
  });

  it('scores more specific templates higher and explains the winner', () => {
    const [first, second] = rankTemplates([general, circle], incident({}));
    expect(first!.score).toBeGreaterThan(second!.score);
    expect(first!.reason).toMatch(/^PLAN-AREA r1 covers accident\/building_fire level III within 2 km of 38\.918,121\.644/);
    expect(first!.reason).toMatch(/more specific than PLAN-GENERAL/);
  });
});

describe('requirementDelta', () => {
  const byId = (id: string) => DALIAN_PLAN_TEMPLATES.find((template: PlanTemplate) => template.id === id)!;

  it('lists what escalating a building fire from III to I adds and frees', () => {
    const delta = requirementDelta(byId('PLAN-BUILDING-FIRE').requirements, byId('PLAN-BUILDING-FIRE-MAJOR').requirements);
    expect(delta.added).toEqual([
      { unitType: 'fire_engine', count: 5, capability: 'water' },
      { unitType: 'ladder', count: 2, capability: 'aerial_53m' },
      { unitType: 'rescue', count: 1, capability: 'rope' },
      { unitType: 'ambulance', count: 3, capability: 'als' },
      { unitType: 'ambulance', count: 2, capability: 'bls' },
      { unitType: 'police_patrol', count: 3, capability: 'crowd_control' },
      { unitType: 'traffic_police', count: 2 },
      { unitType: 'utility_repair', count: 1, capability: 'power' },
      { unitType: 'utility_repair', count: 1, capability: 'gas' },
    ]);
    // The major card asks for crowd-control patrols instead of any patrol.
    expect(delta.released).toEqual([{ unitType: 'police_patrol', count: 1 }]);
  });

  it('mirrors escalation when de-escalating', () => {
    const before = byId('PLAN-BUILDING-FIRE-MAJOR').requirements;
    const after = byId('PLAN-BUILDING-FIRE').requirements;
    const down = requirementDelta(before, after);
    const up = requirementDelta(after, before);
    expect(sortByKey(down.released)).toEqual(sortByKey(up.added));
    expect(sortByKey(down.added)).toEqual(sortByKey(up.released));
  });

  it('is empty between a card and itself', () => {
    const card = byId('PLAN-CHEMICAL-LEAK-MAJOR').requirements;
    expect(requirementDelta(card, card)).toEqual({ added: [], released: [] });
  });

  it('turns before into after per (type, capability)', () => {
    const line = fc.record(
      { unitType: fc.constantFrom(...UNIT_TYPES.slice(0, 4)), count: fc.integer({ min: 1, max: 5 }), capability: fc.constantFrom('als', 'water', undefined) },
      { requiredKeys: ['unitType', 'count'] },
    ) as fc.Arbitrary<Requirement>;
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), fc.array(line, { maxLength: 6 }), (before, after) => {
        const { added, released } = requirementDelta(before, after);
        const totals = (lines: Requirement[], sign = 1, into = new Map<string, number>()) => {
          for (const requirement of lines) into.set(requirementKey(requirement), (into.get(requirementKey(requirement)) ?? 0) + sign * requirement.count);
          return into;
        };
        const result = totals(released, -1, totals(added, 1, totals(before)));
        const expected = totals(after);
        for (const key of new Set([...result.keys(), ...expected.keys()])) expect(result.get(key) ?? 0, key).toBe(expected.get(key) ?? 0);
        for (const requirement of [...added, ...released]) expect(requirement.count).toBeGreaterThan(0);
      }),
    );
  });
});

function sortByKey(lines: Requirement[]): Requirement[] {
  return [...lines].sort((a, b) => requirementKey(a).localeCompare(requirementKey(b)));
}
