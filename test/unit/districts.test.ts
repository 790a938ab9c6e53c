import { describe, expect, it } from 'vitest';
import { DALIAN_PLAN_TEMPLATES, decide, emptyWorld, evolve, matchTemplate, nearestDistrict } from '../../shared/index.js';

describe('incident districts', () => {
  it('places points by the nearest district centre, and nothing far outside Dalian', () => {
    expect(nearestDistrict({ lat: 38.918, lon: 121.644 })).toBe('zhongshan');
    expect(nearestDistrict({ lat: 39.26, lon: 122.6 })).toBe('changhai'); // Dachangshan island
    expect(nearestDistrict({ lat: 39.05, lon: 121.79 })).toBe('jinzhou');
    expect(nearestDistrict({ lat: 41.8, lon: 123.4 })).toBeNull(); // Shenyang
  });

  it('a report records its district, so a district-limited plan can match it', () => {
    const state = emptyWorld('live');
    const decision = decide(
      state,
      {
        type: 'incident:report',
        payload: { idempotencyKey: 'k-12345678', category: 'natural', subtype: 'typhoon', level: 'II', location: { lat: 39.26, lon: 122.6 }, address: '', description: 'typhoon landfall', caller: { name: '', phone: '' }, casualties: 0 },
      },
      { actor: { userId: 'u', role: 'dispatcher' }, newId: () => 'INC-1' },
    );
    if (!decision.ok) throw new Error(decision.error.message);
    const [event] = decision.events;
    evolve(state, { ...event!, seq: 1, version: 1, at: '2026-11-25T08:00:00.000Z', actor: { userId: 'u', role: 'dispatcher' }, world: 'live' });
    const incident = state.incidents.get('INC-1')!;
    expect(incident.district).toBe('changhai');
    const match = matchTemplate(DALIAN_PLAN_TEMPLATES, incident);
    expect(match?.template.match.area).toMatchObject({ kind: 'districts', districts: ['changhai'] });
  });
});
