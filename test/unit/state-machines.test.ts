import { describe, expect, it } from 'vitest';
import {
  ASSIGNMENT_STATUSES,
  ASSIGNMENT_TRANSITIONS,
  INCIDENT_STATUSES,
  INCIDENT_TRANSITIONS,
  UNIT_MANUAL_TRANSITIONS,
  UNIT_STATUSES,
  UNIT_STATUS_FOR_ASSIGNMENT,
  isAssignmentOpen,
  isIncidentOpen,
  isUnitAssignable,
} from '../../shared/index.js';

describe('the incident state machine', () => {
  it('follows reported → verified → active → contained → closed, with rejected and merged as exits', () => {
    expect(INCIDENT_TRANSITIONS.reported).toEqual(expect.arrayContaining(['verified', 'rejected', 'merged']));
    expect(INCIDENT_TRANSITIONS.verified).toContain('active');
    expect(INCIDENT_TRANSITIONS.active).toContain('contained');
    expect(INCIDENT_TRANSITIONS.contained).toContain('closed');
  });
  it('has terminal statuses with no way out', () => {
    for (const terminal of ['closed', 'rejected', 'merged'] as const) {
      expect(INCIDENT_TRANSITIONS[terminal]).toEqual([]);
      expect(isIncidentOpen(terminal)).toBe(false);
    }
  });
  it('never goes back to reported, and every target is a known status', () => {
    for (const from of INCIDENT_STATUSES) {
      expect(INCIDENT_TRANSITIONS[from]).not.toContain('reported');
      for (const to of INCIDENT_TRANSITIONS[from]) expect(INCIDENT_STATUSES).toContain(to);
    }
  });
});

describe('the assignment state machine', () => {
  it('runs dispatched → acknowledged → en route → on scene → (transporting → at hospital) → cleared', () => {
    const path = ['dispatched', 'acknowledged', 'en_route', 'on_scene', 'transporting', 'at_hospital', 'cleared'] as const;
    for (let i = 0; i + 1 < path.length; i++) expect(ASSIGNMENT_TRANSITIONS[path[i]!]).toContain(path[i + 1]);
    expect(ASSIGNMENT_TRANSITIONS.on_scene).toContain('cleared');
  });
  it('lets only an unacknowledged assignment be declined or time out', () => {
    for (const from of ASSIGNMENT_STATUSES) {
      const mayDecline = ASSIGNMENT_TRANSITIONS[from].includes('declined');
      const mayTimeOut = ASSIGNMENT_TRANSITIONS[from].includes('timed_out');
      expect(mayDecline).toBe(from === 'dispatched');
      expect(mayTimeOut).toBe(from === 'dispatched');
    }
  });
  it('cannot skip from on scene to at hospital, nor leave a closed status', () => {
    expect(ASSIGNMENT_TRANSITIONS.on_scene).not.toContain('at_hospital');
    for (const closed of ['declined', 'timed_out', 'cleared', 'cancelled'] as const) {
      expect(ASSIGNMENT_TRANSITIONS[closed]).toEqual([]);
      expect(isAssignmentOpen(closed)).toBe(false);
    }
  });
  it('maps every assignment status to a unit status, freeing the unit when it closes', () => {
    for (const status of ASSIGNMENT_STATUSES) {
      expect(UNIT_STATUSES).toContain(UNIT_STATUS_FOR_ASSIGNMENT[status]);
      expect(isUnitAssignable(UNIT_STATUS_FOR_ASSIGNMENT[status])).toBe(!isAssignmentOpen(status));
    }
  });
});

describe('the unit state machine', () => {
  it('lets a unit take itself out of service and back, but never into an assignment status by hand', () => {
    expect(UNIT_MANUAL_TRANSITIONS.available).toContain('out_of_service');
    expect(UNIT_MANUAL_TRANSITIONS.out_of_service).toEqual(['available']);
    for (const from of UNIT_STATUSES)
      for (const to of UNIT_MANUAL_TRANSITIONS[from]) expect(['available', 'out_of_service', 'returning']).toContain(to);
  });
  it('takes new work only when available or returning', () => {
    expect(UNIT_STATUSES.filter(isUnitAssignable)).toEqual(['available', 'returning']);
  });
});
