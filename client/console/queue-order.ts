import { LEVEL_INFO, type Incident } from '../../shared/index.js';

/** Queue order: level I first; within a level, whoever has waited longest. */
export function compareQueueOrder(a: Pick<Incident, 'level' | 'reportedAt'>, b: Pick<Incident, 'level' | 'reportedAt'>): number {
  return LEVEL_INFO[a.level].rank - LEVEL_INFO[b.level].rank || (a.reportedAt < b.reportedAt ? -1 : a.reportedAt > b.reportedAt ? 1 : 0);
}
