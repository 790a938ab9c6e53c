import { describe, expect, it } from 'vitest';
import type { Incident, Unit } from '../../shared/index.js';
import { RESPONSE_TIME_THRESHOLDS, firstOnSceneAt, incidentTimers, timerLevel } from '../../client/console/response-timers.js';
import { findSimilarOpenIncidents, SIMILAR_INCIDENT_RADIUS_KM } from '../../client/console/similar-incidents.js';
import { rankDispatchCandidates } from '../../client/console/dispatch-ranking.js';
import { compareQueueOrder } from '../../client/console/queue-order.js';
import { fieldForIssuePath } from '../../client/console/intake-fields.js';

const at = (seconds: number) => new Date(Date.UTC(2024, 0, 1, 8, 0, seconds)).toISOString();

function incident(overrides: Partial<Incident>): Incident {
  return {
    id: 'INC-1', code: 'DL-00001', world: 'live', category: 'accident', subtype: 'building_fire', level: 'III', status: 'reported',
    location: { lat: 38.916, lon: 121.64 }, district: 'zhongshan', address: '', description: 'x', caller: { name: '', phone: '' }, casualties: 0,
    reportedAt: at(0), reportedBy: 'u', reportedByUnitId: null, verifiedAt: null, activatedAt: null, firstDispatchAt: null, containedAt: null, closedAt: null,
    statusReason: null, mergedInto: null, mergedFrom: [], noteCount: 0, updatedAt: at(0), version: 1, ...overrides,
  };
}

function unit(id: string, lat: number, lon: number, overrides: Partial<Unit> = {}): Unit {
  return {
    id, world: 'live', callSign: id, name: id, type: 'fire_engine', agency: 'fire_rescue', district: 'ZS', stationName: 's',
    home: { lat, lon }, location: { lat, lon }, locationAt: at(0), status: 'available', statusAt: at(0), assignmentId: null,
    capabilities: [], version: 1, ...overrides,
  };
}

describe('response timers', () => {
  it('turn amber and red at the documented call-processing and travel thresholds', () => {
    expect(RESPONSE_TIME_THRESHOLDS.callProcessing).toEqual({ amberMs: 60_000, redMs: 106_000 });
    expect(RESPONSE_TIME_THRESHOLDS.dispatchToScene).toEqual({ amberMs: 240_000, redMs: 480_000 });
    expect(timerLevel(59_999, 'callProcessing')).toBe('normal');
    expect(timerLevel(60_000, 'callProcessing')).toBe('amber');
    expect(timerLevel(106_000, 'callProcessing')).toBe('red');
    expect(timerLevel(239_999, 'dispatchToScene')).toBe('normal');
    expect(timerLevel(480_000, 'dispatchToScene')).toBe('red');
  });

  it('run until their interval ends, then keep how long it took', () => {
    const waiting = incidentTimers(incident({}), null, Date.parse(at(70)));
    expect(waiting.sinceReport).toMatchObject({ elapsedMs: 70_000, level: 'amber', running: true });
    expect(waiting.sinceDispatch).toBeNull();
    const dispatched = incidentTimers(incident({ firstDispatchAt: at(45) }), null, Date.parse(at(345)));
    expect(dispatched.sinceReport).toMatchObject({ elapsedMs: 45_000, level: 'normal', running: false });
    expect(dispatched.sinceDispatch).toMatchObject({ elapsedMs: 300_000, level: 'amber', running: true });
    const arrived = incidentTimers(incident({ firstDispatchAt: at(45) }), at(200), Date.parse(at(900)));
    expect(arrived.sinceDispatch).toMatchObject({ elapsedMs: 155_000, level: 'normal', running: false });
  });

  it('take the first unit on scene', () => {
    const base = { id: 'a', world: 'live' as const, incidentId: 'INC-1', unitId: 'u', dispatchedBy: 'd', dispatchedAt: at(0), reason: null, version: 1 };
    expect(firstOnSceneAt([{ ...base, status: 'on_scene', times: { on_scene: at(300) } }, { ...base, status: 'on_scene', times: { on_scene: at(200) } }])).toBe(at(200));
    expect(firstOnSceneAt([{ ...base, status: 'en_route', times: {} }])).toBeNull();
  });
});

describe('similar incidents', () => {
  it('are open, of the same category and within 300 m, nearest first', () => {
    const incidents = [
      incident({ id: 'near', location: { lat: 38.9170, lon: 121.64 } }),
      incident({ id: 'nearer', location: { lat: 38.9162, lon: 121.64 } }),
      incident({ id: 'far', location: { lat: 38.9200, lon: 121.64 } }),
      incident({ id: 'other-category', category: 'natural', subtype: 'rainstorm' }),
      incident({ id: 'closed', status: 'closed' }),
    ];
    const found = findSimilarOpenIncidents(incidents, { category: 'accident', location: { lat: 38.916, lon: 121.64 } });
    expect(found.map((match) => match.incident.id)).toEqual(['nearer', 'near']);
    expect(found.every((match) => match.distanceKm <= SIMILAR_INCIDENT_RADIUS_KM)).toBe(true);
  });
});

describe('dispatch candidates', () => {
  it('are assignable units, nearest first, optionally of one type', () => {
    const units = [
      unit('far', 38.95, 121.64),
      unit('near', 38.917, 121.64),
      unit('busy', 38.916, 121.64, { status: 'en_route', assignmentId: 'a' }),
      unit('returning', 38.92, 121.64, { status: 'returning' }),
      unit('ambulance', 38.9165, 121.64, { type: 'ambulance', agency: 'health_emergency' }),
    ];
    const ranked = rankDispatchCandidates(units, { lat: 38.916, lon: 121.64 });
    expect(ranked.map((candidate) => candidate.unit.id)).toEqual(['ambulance', 'near', 'returning', 'far']);
    expect(ranked[1]!.distanceKm).toBeCloseTo(0.111, 2);
    expect(rankDispatchCandidates(units, { lat: 38.916, lon: 121.64 }, { type: 'fire_engine', limit: 1 }).map((c) => c.unit.id)).toEqual(['near']);
  });
});

describe('queue order', () => {
  it('puts level I first, then the longest waiting', () => {
    const queue = [
      incident({ id: 'iv-old', level: 'IV', reportedAt: at(0) }),
      incident({ id: 'i-new', level: 'I', reportedAt: at(50) }),
      incident({ id: 'i-old', level: 'I', reportedAt: at(10) }),
      incident({ id: 'ii', level: 'II', reportedAt: at(5) }),
    ].sort(compareQueueOrder);
    expect(queue.map((entry) => entry.id)).toEqual(['i-old', 'i-new', 'ii', 'iv-old']);
  });
});

describe('intake issue paths', () => {
  it('map the server schema paths to the form inputs', () => {
    expect(fieldForIssuePath('location.lat')).toBe('lat');
    expect(fieldForIssuePath('caller.phone')).toBe('callerPhone');
    expect(fieldForIssuePath('description')).toBe('description');
    expect(fieldForIssuePath('idempotencyKey')).toBeNull();
  });
});
