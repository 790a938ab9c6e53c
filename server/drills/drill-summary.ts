import {
  drillWorld,
  liveUnitIdOf,
  type DrillInfo,
  type DrillInjectView,
  type DrillSummary,
  type Scenario,
  type StoredEvent,
  type User,
} from '../../shared/index.js';
import type { DrillClockReading } from './drill-clock.js';

export interface SummaryInput {
  drill: DrillInfo;
  scenario: Scenario | null;
  reading: DrillClockReading;
  /** The events of the drill's own stream (`drill:<id>`): what fired, and how it was described. */
  drillEvents: readonly StoredEvent[];
  userById: (userId: string) => User | null;
  viewerIs: 'instructor' | 'trainee';
}

/**
 * A drill as the instructor console and the trainees' screens list it. Trainees see only the injects
 * that have fired: the script ahead is the instructor's.
 */
export function drillSummary({ drill, scenario, reading, drillEvents, userById, viewerIs }: SummaryInput): DrillSummary {
  const fired = new Map<string, Extract<StoredEvent, { type: 'drill:inject-fired' }>['data']>();
  for (const event of drillEvents) if (event.type === 'drill:inject-fired') fired.set(event.data.injectId, event.data);
  const scripted: DrillInjectView[] = (scenario?.injects ?? []).map((inject) => {
    const firing = fired.get(inject.id);
    return {
      injectId: inject.id,
      atMinute: inject.atMinute,
      kind: inject.kind,
      description: firing?.description ?? inject.description,
      fired: firing !== undefined,
      location: firing?.location ?? null,
    };
  });
  const scriptedIds = new Set(scripted.map((inject) => inject.injectId));
  const adHoc: DrillInjectView[] = [...fired.values()]
    .filter((firing) => !scriptedIds.has(firing.injectId))
    .map((firing) => ({ injectId: firing.injectId, atMinute: null, kind: firing.kind, description: firing.description, fired: true, location: firing.location ?? null }));
  const injects = [...scripted, ...adHoc].filter((inject) => viewerIs === 'instructor' || inject.fired);
  return {
    drillId: drill.drillId,
    world: drillWorld(drill.drillId),
    name: drill.name,
    scenarioId: drill.scenarioId,
    scenarioName: scenario?.name ?? null,
    area: scenario?.area ?? null,
    instructorId: drill.instructorId,
    trainees: drill.trainees.map((trainee) => {
      const user = userById(trainee.userId);
      return {
        userId: trainee.userId,
        username: user?.username ?? null,
        displayName: user?.displayName ?? null,
        playsAs: trainee.playsAs,
        unitId: trainee.unitId,
        liveUnitId: trainee.unitId ? liveUnitIdOf(drill.drillId, trainee.unitId) : null,
      };
    }),
    status: drill.status,
    speed: drill.speed,
    startsAt: drill.startsAt,
    simulatedNow: new Date(reading.simulatedMs).toISOString(),
    elapsedMinutes: Math.round(((reading.simulatedMs - Date.parse(drill.startsAt)) / 60_000) * 10) / 10,
    durationMinutes: scenario?.durationMinutes ?? null,
    injects,
    injectCount: scenario?.injects.length ?? 0,
    viewerIs,
  };
}
