import { describe, expect, it } from 'vitest';
import { evaluateChecklist } from '../../shared/plans/checklist.js';
import { DALIAN_PLAN_TEMPLATES } from '../../shared/plans/dalian-templates.js';
import type { PlanAction } from '../../shared/plans/template.js';

// 18:00 Beijing time is 10:00 UTC; due times come back in UTC.
const ACTIVATED = '2025-07-16T18:00:00+08:00';

function action(id: string, deadlineMinutes: number): PlanAction {
  return { id, title: { zh: id, en: id }, responsible: 'dispatcher', deadlineMinutes };
}

const actions = [action('dispatch', 1), action('set-cordon', 15), action('triage', 30), action('report-upward', 240)];

function at(now: string, completions: Record<string, string> = {}) {
  return evaluateChecklist({ activatedAt: ACTIVATED, actions, completions, now });
}

function statuses(now: string, completions: Record<string, string> = {}) {
  return Object.fromEntries(at(now, completions).items.map((item) => [item.action.id, item.status]));
}

describe('evaluateChecklist', () => {
  it('puts each deadline at activation plus its minutes', () => {
    expect(at(ACTIVATED).items.map((item) => item.dueAt)).toEqual([
      '2025-07-16T10:01:00.000Z',
      '2025-07-16T10:15:00.000Z',
      '2025-07-16T10:30:00.000Z',
      '2025-07-16T14:00:00.000Z',
    ]);
  });

  it('keeps everything pending at activation, with the first deadline next', () => {
    const checklist = at(ACTIVATED);
    expect(checklist.items.every((item) => item.status === 'pending')).toBe(true);
    expect(checklist.overdue).toEqual([]);
    expect(checklist.nextDue?.action.id).toBe('dispatch');
  });

  it('counts the deadline instant as still in time and one second later as overdue', () => {
    expect(statuses('2025-07-16T18:15:00+08:00')['set-cordon']).toBe('pending');
    const late = at('2025-07-16T18:15:01+08:00');
    expect(late.items[1]).toMatchObject({ status: 'overdue', minutesLate: 1 });
    expect(late.overdue.map((item) => item.action.id)).toEqual(['dispatch', 'set-cordon']);
    expect(late.nextDue?.action.id).toBe('triage');
  });

  it('tells done on time (including at the deadline) from done late', () => {
    const checklist = at('2025-07-16T19:00:00+08:00', {
      dispatch: '2025-07-16T18:01:00+08:00',
      'set-cordon': '2025-07-16T18:27:30+08:00',
      triage: '2025-07-16T18:20:00+08:00',
    });
    expect(checklist.items.map((item) => [item.action.id, item.status, item.minutesLate])).toEqual([
      ['dispatch', 'done', 0],
      ['set-cordon', 'done_late', 13],
      ['triage', 'done', 0],
      ['report-upward', 'pending', 0],
    ]);
    expect(checklist.items[1]?.completedAt).toBe('2025-07-16T18:27:30+08:00');
  });

  it('measures overdue time at now and lists overdue items by deadline', () => {
    const checklist = at('2025-07-16T22:30:00+08:00', { triage: '2025-07-16T18:25:00+08:00' });
    expect(checklist.overdue.map((item) => [item.action.id, item.minutesLate])).toEqual([
      ['dispatch', 269],
      ['set-cordon', 255],
      ['report-upward', 30],
    ]);
    expect(checklist.nextDue).toBeNull();
  });

  it('ignores completions after now, so history replays at any instant', () => {
    const completions = { dispatch: '2025-07-16T18:00:40+08:00' };
    expect(statuses('2025-07-16T18:00:30+08:00', completions).dispatch).toBe('pending');
    expect(statuses('2025-07-16T18:00:40+08:00', completions).dispatch).toBe('done');
  });

  it('reports completions for actions the template does not have', () => {
    expect(at(ACTIVATED, { 'notify-cdc': ACTIVATED }).unknownActionIds).toEqual(['notify-cdc']);
  });

  it('refuses a time it cannot read instead of calling everything pending', () => {
    expect(() => at('soon')).toThrow(/now is not an ISO 8601 time/);
    expect(() => at(ACTIVATED, { dispatch: '18:01' })).toThrow(/completions.dispatch/);
  });

  it('flags the missed upward report of a level I building fire, due an hour after activation', () => {
    const plan = DALIAN_PLAN_TEMPLATES.find((template) => template.id === 'PLAN-BUILDING-FIRE-MAJOR')!;
    const done = Object.fromEntries(plan.actions.filter((item) => item.id !== 'report-upward').map((item) => [item.id, ACTIVATED]));
    const checklist = evaluateChecklist({ activatedAt: ACTIVATED, actions: plan.actions, completions: done, now: '2025-07-16T19:00:01+08:00' });
    expect(checklist.overdue.map((item) => [item.action.id, item.minutesLate])).toEqual([['report-upward', 1]]);
  });
});
