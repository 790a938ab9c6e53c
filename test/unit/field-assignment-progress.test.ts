import { describe, expect, it } from 'vitest';
import type { Assignment, AssignmentStatus } from '../../shared/index.js';
import { awaitsAnswer, expectedStatus, progressChoices } from '../../client/field/assignment-progress.js';
import type { OutboxEntry, OutboxStatus } from '../../client/net/outbox.js';

const assignment = (status: AssignmentStatus): Assignment => ({
  id: 'ASG-1',
  world: 'live',
  incidentId: 'INC-1',
  unitId: 'U-E1',
  status,
  dispatchedBy: 'USR-disp1',
  dispatchedAt: '2025-01-01T00:00:00.000Z',
  times: {},
  reason: null,
  version: 1,
});
let created = 0;
const entry = (name: OutboxEntry['name'], payload: Record<string, unknown>, status: OutboxStatus = 'pending'): OutboxEntry => ({
  key: `k-${(created += 1)}`,
  name,
  payload: { assignmentId: 'ASG-1', ...payload },
  createdAt: created,
  status,
});

describe('the status a field team expects while its commands are queued', () => {
  it('plays queued answers over the known status, in order, and marks them pending', () => {
    const queued = [entry('assignment:acknowledge', {}), entry('assignment:advance', { status: 'en_route' })];
    expect(expectedStatus(assignment('dispatched'), queued)).toEqual({ status: 'en_route', pending: true });
  });

  it('ignores a confirmed command the store already reflects, and failed ones', () => {
    const entries = [entry('assignment:acknowledge', {}, 'confirmed'), entry('assignment:advance', { status: 'on_scene' }, 'failed')];
    expect(expectedStatus(assignment('acknowledged'), entries)).toEqual({ status: 'acknowledged', pending: false });
  });

  it('shows a confirmed step before its event arrives, without calling it pending', () => {
    expect(expectedStatus(assignment('acknowledged'), [entry('assignment:advance', { status: 'en_route' }, 'confirmed')])).toEqual({ status: 'en_route', pending: false });
  });

  it('a cancellation from dispatch wins over queued progress', () => {
    expect(expectedStatus(assignment('cancelled'), [entry('assignment:advance', { status: 'en_route' })])).toEqual({ status: 'cancelled', pending: false });
  });

  it('commands for other assignments and other commands change nothing', () => {
    const others = [
      { ...entry('assignment:acknowledge', {}), payload: { assignmentId: 'ASG-2' } },
      entry('incident:note', { incidentId: 'INC-1', text: 'smoke' }),
    ];
    expect(expectedStatus(assignment('dispatched'), others)).toEqual({ status: 'dispatched', pending: false });
  });
});

describe('the buttons a field team is offered', () => {
  it('offers only allowed next states, never cancelled or timed out', () => {
    expect(progressChoices('dispatched')).toEqual([]);
    expect(progressChoices('acknowledged')).toEqual(['en_route']);
    expect(progressChoices('en_route')).toEqual(['on_scene']);
    expect(progressChoices('on_scene')).toEqual(['transporting', 'cleared']);
    expect(progressChoices('transporting')).toEqual(['at_hospital']);
    expect(progressChoices('at_hospital')).toEqual(['cleared']);
    for (const closed of ['cleared', 'declined', 'cancelled', 'timed_out'] as const) expect(progressChoices(closed)).toEqual([]);
  });

  it('asks for acknowledge or decline only while dispatched', () => {
    expect(awaitsAnswer('dispatched')).toBe(true);
    expect(awaitsAnswer('acknowledged')).toBe(false);
  });
});
