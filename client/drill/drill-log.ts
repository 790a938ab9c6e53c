import type { Ack, StoredEvent } from '../../shared/index.js';
import { apiGet, type Session } from '../net/session.js';

/** One page of `GET /api/drills/:id/replay` (docs/drills.md). */
export interface ReplayPage {
  drillId: string;
  world: string;
  startsAt: string;
  events: StoredEvent[];
  nextAfterSeq: number | null;
}

/** The drill world's whole log, in order, paging through the replay API. */
export async function fetchDrillLog(session: Session, drillId: string): Promise<Ack<{ startsAt: string; events: StoredEvent[] }>> {
  const events: StoredEvent[] = [];
  let startsAt = '';
  let afterSeq: number | null = 0;
  while (afterSeq !== null) {
    const page: Ack<ReplayPage> = await apiGet<ReplayPage>(session, `/api/drills/${encodeURIComponent(drillId)}/replay?afterSeq=${afterSeq}&limit=5000`);
    if (!page.ok) return page;
    startsAt = page.data.startsAt;
    events.push(...page.data.events);
    afterSeq = page.data.nextAfterSeq;
  }
  return { ok: true, data: { startsAt, events } };
}
