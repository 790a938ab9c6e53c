import { drillUnitId, streamOf, type DrillTrainee, type NewEvent, type Scenario, type Unit } from '../../shared/index.js';
import type { DrillClockReading } from './drill-clock.js';

/** What a new drill is made of, once the request has been checked. */
export interface DrillCreation {
  drillId: string;
  scenario: Scenario;
  name: string;
  instructorId: string;
  /** Field trainees already carry their drill unit's id. */
  trainees: DrillTrainee[];
}

/**
 * The events that open a drill world: `drill:created`, then a copy of every live unit under a drill id
 * (same type, capabilities and home, starting available at home), so live units are never touched.
 */
export function creationEvents(creation: DrillCreation, liveUnits: readonly Unit[]): NewEvent[] {
  const { drillId, scenario } = creation;
  const created: NewEvent = {
    type: 'drill:created',
    stream: streamOf.drill(drillId),
    data: { drillId, scenarioId: scenario.id, name: creation.name, instructorId: creation.instructorId, trainees: creation.trainees, startsAt: scenario.startsAt },
  };
  const copies = [...liveUnits]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((unit): NewEvent => {
      const unitId = drillUnitId(drillId, unit.id);
      return {
        type: 'unit:registered',
        stream: streamOf.unit(unitId),
        data: {
          unitId,
          callSign: unit.callSign,
          name: unit.name,
          type: unit.type,
          agency: unit.agency,
          district: unit.district,
          stationName: unit.stationName,
          home: unit.home,
          capabilities: unit.capabilities,
        },
      };
    });
  return [created, ...copies];
}

/** A `drill:clock-changed` carrying the clock's reading. */
export function clockChanged(drillId: string, reading: DrillClockReading): NewEvent {
  return {
    type: 'drill:clock-changed',
    stream: streamOf.drill(drillId),
    data: { drillId, status: reading.status, speed: reading.speed, simulatedAt: new Date(reading.simulatedMs).toISOString() },
  };
}
