import { describe, it, expect } from 'vitest';
import { demoIncidentReport, demoIncidents, demoUnits, demoUsers } from '../../server/seed/demo-world.js';
import { DALIAN_DISTRICTS } from '../../server/seed/dalian-stations.js';
import { UNIT_CAPABILITIES } from '../../shared/plans/capabilities.js';
import { loadDalianLand } from '../../server/geo/land-data.js';
import { isOnLand } from '../../shared/geo/land.js';
import { DALIAN_BBOX, distanceKm, isInBox } from '../../shared/geo/distance.js';
import { UNIT_TYPE_INFO, UNIT_TYPES } from '../../shared/domain/units.js';
import { CATEGORIES, subtypeBelongsTo } from '../../shared/domain/categories.js';
import { ROLES } from '../../shared/domain/roles.js';
import { COMMAND_SCHEMAS } from '../../shared/protocol/commands.js';
import { EVENT_SCHEMAS } from '../../shared/protocol/events.js';
import { IdSchema, type GeoPoint } from '../../shared/protocol/entities.js';

const land = loadDalianLand();
const units = demoUnits();
const incidents = demoIncidents();

// A vessel berth should be a few hundred metres off a quay, not out in open water.
function hasLandWithinKm(p: GeoPoint, km: number): boolean {
  for (let step = 0; step < 32; step++) {
    const angle = (step / 32) * 2 * Math.PI;
    const lat = p.lat + (km / 111.2) * Math.cos(angle);
    const lon = p.lon + (km / (111.2 * Math.cos((p.lat * Math.PI) / 180))) * Math.sin(angle);
    if (isOnLand(land, { lat, lon })) return true;
  }
  return false;
}

describe('demo units', () => {
  it('are numerous and of nearly every type', () => {
    expect(units.length).toBeGreaterThanOrEqual(60);
    expect(new Set(units.map((u) => u.type)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(units.map((u) => u.type))).toEqual(new Set(UNIT_TYPES));
  });

  it('belong to the agency of their type', () => {
    for (const unit of units) expect(unit.agency, unit.unitId).toBe(UNIT_TYPE_INFO[unit.type].agency);
  });

  it('have unique, valid ids and unique call signs', () => {
    expect(new Set(units.map((u) => u.unitId)).size).toBe(units.length);
    expect(new Set(units.map((u) => u.callSign)).size).toBe(units.length);
    for (const unit of units) {
      expect(IdSchema.safeParse(unit.unitId).success, unit.unitId).toBe(true);
      expect(unit.unitId).toMatch(/^U-[A-Z]{2}-[A-Z]{2,3}-\d{2}$/);
    }
  });

  it('are valid unit:registered payloads with capabilities from the plan vocabulary', () => {
    for (const unit of units) {
      expect(EVENT_SCHEMAS['unit:registered'].safeParse(unit).success, unit.unitId).toBe(true);
      const vocabulary: readonly string[] = UNIT_CAPABILITIES[unit.type];
      for (const capability of unit.capabilities) expect(vocabulary, `${unit.unitId} ${capability}`).toContain(capability);
    }
  });

  it('start on land, except vessels, which start on the water near a coast', () => {
    for (const unit of units) {
      const atSea = UNIT_TYPE_INFO[unit.type].medium === 'sea';
      expect(isOnLand(land, unit.home), `${unit.unitId} ${unit.stationName}`).toBe(!atSea);
      if (atSea) expect(hasLandWithinKm(unit.home, 2), `${unit.unitId} near a coast`).toBe(true);
    }
    expect(units.filter((u) => u.type === 'sea_rescue_vessel').length).toBeGreaterThanOrEqual(3);
  });

  it('are inside Dalian and near the centre of their own district', () => {
    const centres = new Map(DALIAN_DISTRICTS.map((d) => [d.key as string, d.centre]));
    for (const unit of units) {
      expect(isInBox(unit.home, DALIAN_BBOX), unit.unitId).toBe(true);
      const centre = centres.get(unit.district);
      expect(centre, `${unit.unitId} district ${unit.district}`).toBeDefined();
      if (centre) expect(distanceKm(unit.home, centre), unit.unitId).toBeLessThan(30);
    }
  });

  it('cover every district, with more units in the city centre than in the outer counties', () => {
    const count = (key: string) => units.filter((u) => u.district === key).length;
    for (const district of DALIAN_DISTRICTS) expect(count(district.key), district.key).toBeGreaterThanOrEqual(1);
    expect(count('zhongshan')).toBeGreaterThan(count('pulandian'));
    expect(count('xigang')).toBeGreaterThan(count('changhai'));
  });

  it('come out the same on every call', () => {
    expect(demoUnits()).toEqual(units);
  });
});

describe('demo incidents', () => {
  it('cover all four categories with sub-types of their own category', () => {
    expect(incidents.length).toBeGreaterThanOrEqual(5);
    expect(new Set(incidents.map((i) => i.category))).toEqual(new Set(CATEGORIES));
    for (const incident of incidents) expect(subtypeBelongsTo(incident.category, incident.subtype), incident.key).toBe(true);
  });

  it('are valid incident:report payloads with unique keys', () => {
    expect(new Set(incidents.map((i) => i.key)).size).toBe(incidents.length);
    for (const incident of incidents) {
      const command = { idempotencyKey: `seed:incident:${incident.key}`, ...demoIncidentReport(incident) };
      const parsed = COMMAND_SCHEMAS['incident:report'].safeParse(command);
      expect(parsed.success, incident.key).toBe(true);
      // Nothing may depend on a default: the seed states every field it reports.
      if (parsed.success) expect(parsed.data).toEqual(command);
    }
  });

  it('happen on land unless marked at sea, and inside Dalian', () => {
    for (const incident of incidents) {
      expect(isOnLand(land, incident.location), incident.key).toBe(!incident.atSea);
      expect(isInBox(incident.location, DALIAN_BBOX), incident.key).toBe(true);
    }
  });

  it('dispatch existing units of a fitting medium, each unit at most once', () => {
    const byId = new Map(units.map((u) => [u.unitId, u]));
    const dispatched = incidents.flatMap((i) => i.dispatchUnitIds ?? []);
    expect(dispatched.length).toBeGreaterThan(0);
    expect(new Set(dispatched).size).toBe(dispatched.length);
    for (const incident of incidents) {
      for (const unitId of incident.dispatchUnitIds ?? []) {
        const unit = byId.get(unitId);
        expect(unit, `${incident.key} → ${unitId}`).toBeDefined();
        if (unit) expect(UNIT_TYPE_INFO[unit.type].medium === 'sea', `${incident.key} → ${unitId}`).toBe(Boolean(incident.atSea));
      }
    }
  });
});

describe('demo users', () => {
  const users = demoUsers(units);

  it('have one account per staff role and one field account per unit', () => {
    for (const role of ROLES) expect(users.some((u) => u.role === role), role).toBe(true);
    expect(users.filter((u) => u.role === 'dispatcher').map((u) => u.username)).toEqual(['dispatcher', 'dispatcher2']);
    expect(users.find((u) => u.username === 'supervisor')?.password).toBe('supervisor-demo');
    const field = users.filter((u) => u.role === 'field');
    expect(field.map((u) => u.unitId)).toEqual(units.map((u) => u.unitId));
    expect(users.find((u) => u.username === 'field-u-fe-zs-01')).toMatchObject({ password: 'field-demo', unitId: 'U-FE-ZS-01' });
  });

  it('have unique usernames, and only field users are bound to a unit', () => {
    expect(new Set(users.map((u) => u.username)).size).toBe(users.length);
    for (const user of users) expect(user.unitId !== null, user.username).toBe(user.role === 'field');
  });
});
