import { UNIT_TYPE_INFO, type UnitType } from '../../shared/domain/units.js';
import { UnitSchema, type Unit } from '../../shared/protocol/entities.js';
import type { PlanTemplate } from '../../shared/plans/template.js';

/** Zhongshan district centre (DOMAIN.md): a neutral spot inside no area-limited plan. */
export const ZHONGSHAN = { lat: 38.918, lon: 121.644 };

/** A unit that conforms to UnitSchema, available at Zhongshan unless overridden. */
export function makeUnit(overrides: Partial<Unit> & Pick<Unit, 'id' | 'type'>): Unit {
  const type: UnitType = overrides.type;
  return UnitSchema.parse({
    world: 'live',
    callSign: overrides.id,
    name: `${type} ${overrides.id}`,
    agency: UNIT_TYPE_INFO[type].agency,
    district: 'zhongshan',
    stationName: 'test station',
    home: ZHONGSHAN,
    location: ZHONGSHAN,
    locationAt: '2025-07-16T08:00:00+08:00',
    status: 'available',
    statusAt: '2025-07-16T08:00:00+08:00',
    assignmentId: null,
    capabilities: [],
    version: 0,
    ...overrides,
  });
}

/** A point `km` kilometres due north of `from` (1° of latitude ≈ 111.195 km on turf's sphere). */
export function northOf(from: { lat: number; lon: number }, km: number): { lat: number; lon: number } {
  return { lat: from.lat + km / 111.1950802335329, lon: from.lon };
}

/** A small valid city-wide template for matching tests; override what the test is about. */
export function makeTemplate(overrides: Partial<PlanTemplate> & Pick<PlanTemplate, 'id'>): PlanTemplate {
  return {
    revision: 1,
    name: { zh: '测试预案', en: 'Test plan' },
    match: { category: 'accident', subtypes: ['building_fire'], levels: ['III', 'IV'] },
    responseLevel: 3,
    leadAgency: 'fire_rescue',
    supportingAgencies: [],
    requirements: [{ unitType: 'fire_engine', count: 1 }],
    actions: [
      { id: 'dispatch-first-alarm', title: { zh: '调派力量', en: 'Dispatch' }, responsible: 'dispatcher', deadlineMinutes: 1 },
    ],
    notifications: [],
    cordonRadiusM: 50,
    evacuationRadiusM: 100,
    publicWarning: { zh: '请远离现场', en: 'Keep away' },
    terminationConditions: [{ zh: '火灾扑灭', en: 'Fire out' }],
    ...overrides,
  };
}
