import { Router } from 'express';
import {
  LEVEL_INFO,
  assignmentsOfIncident,
  isIncidentOpen,
  seesWholeWorld,
  unitConcernsIncident,
  streamOf,
  type StoredEvent,
  type WorldState,
} from '../../shared/index.js';
import type { EventStore } from '../store/port.js';
import type { WorldRegistry } from '../world/world-registry.js';
import type { WorldDirectory } from '../world/world-directory.js';
import { snapshotFor } from '../realtime/audience.js';
import { callerOf, type Caller } from './auth-routes.js';
import { sendError } from './validation.js';

/** REST reads of the live picture; every answer is filtered to what the caller may see. */
export function readRoutes(registry: WorldRegistry, store: EventStore, worlds: WorldDirectory) {
  const router = Router();
  const view = (caller: Caller) => snapshotFor(caller.user, registry.ensure(caller.world), worlds.clockOf(caller.world)());

  router.get('/incidents', (request, response) => {
    const status = request.query.status === 'all' ? 'all' : 'open';
    const incidents = view(callerOf(response)).incidents.filter((incident) => status === 'all' || isIncidentOpen(incident.status));
    response.json({ ok: true, data: incidents });
  });

  router.get('/incidents/:id', (request, response) => {
    const caller = callerOf(response);
    const state = registry.ensure(caller.world);
    const incident = state.incidents.get(request.params.id);
    if (!incident || !mayReadIncident(caller, state, incident.id)) return sendError(response, 'NOT_FOUND', `no incident ${request.params.id}`);
    response.json({ ok: true, data: { incident, assignments: assignmentsOfIncident(state, incident.id) } });
  });

  router.get('/incidents/:id/timeline', async (request, response) => {
    const caller = callerOf(response);
    const state = registry.ensure(caller.world);
    const incident = state.incidents.get(request.params.id);
    if (!incident || !mayReadIncident(caller, state, incident.id)) return sendError(response, 'NOT_FOUND', `no incident ${request.params.id}`);
    response.json({ ok: true, data: await incidentTimeline(store, state, incident.id) });
  });

  router.get('/units', (_request, response) => response.json({ ok: true, data: view(callerOf(response)).units }));
  router.get('/assignments', (_request, response) => response.json({ ok: true, data: view(callerOf(response)).assignments }));

  router.get('/export/geojson', (_request, response) => {
    const snapshot = view(callerOf(response));
    response.type('application/geo+json').json(toGeoJson(snapshot));
  });
  return router;
}

function mayReadIncident(caller: Caller, state: WorldState, incidentId: string): boolean {
  if (seesWholeWorld(caller.user.role)) return true;
  return caller.user.unitId !== null && unitConcernsIncident(state, caller.user.unitId, incidentId);
}

/** The incident's own events and those of its assignments, in log order. */
export async function incidentTimeline(store: EventStore, state: WorldState, incidentId: string): Promise<StoredEvent[]> {
  const streams = [streamOf.incident(incidentId), ...assignmentsOfIncident(state, incidentId).map((a) => streamOf.assignment(a.id))];
  const events = (await Promise.all(streams.map((stream) => store.readStream(stream)))).flat();
  return events.sort((a, b) => a.seq - b.seq);
}

/** RFC 7946 FeatureCollection of the live picture: positions are [lon, lat]. */
export function toGeoJson(snapshot: ReturnType<typeof snapshotFor>) {
  const unitsById = new Map(snapshot.units.map((unit) => [unit.id, unit]));
  const incidentsById = new Map(snapshot.incidents.map((incident) => [incident.id, incident]));
  const features: object[] = [];
  for (const incident of snapshot.incidents) {
    if (!isIncidentOpen(incident.status)) continue;
    features.push({
      type: 'Feature',
      id: incident.id,
      geometry: { type: 'Point', coordinates: [incident.location.lon, incident.location.lat] },
      properties: {
        kind: 'incident',
        code: incident.code,
        category: incident.category,
        subtype: incident.subtype,
        level: incident.level,
        colour: LEVEL_INFO[incident.level].colour,
        status: incident.status,
        reportedAt: incident.reportedAt,
        description: incident.description,
        world: incident.world,
      },
    });
  }
  for (const unit of snapshot.units)
    features.push({
      type: 'Feature',
      id: unit.id,
      geometry: { type: 'Point', coordinates: [unit.location.lon, unit.location.lat] },
      properties: { kind: 'unit', callSign: unit.callSign, type: unit.type, agency: unit.agency, status: unit.status, world: unit.world },
    });
  for (const assignment of snapshot.assignments) {
    const unit = unitsById.get(assignment.unitId);
    const incident = incidentsById.get(assignment.incidentId);
    if (!unit || !incident || !['dispatched', 'acknowledged', 'en_route', 'on_scene'].includes(assignment.status)) continue;
    features.push({
      type: 'Feature',
      id: assignment.id,
      geometry: {
        type: 'LineString',
        coordinates: [
          [unit.location.lon, unit.location.lat],
          [incident.location.lon, incident.location.lat],
        ],
      },
      properties: { kind: 'assignment', status: assignment.status, unitId: unit.id, incidentId: incident.id },
    });
  }
  return { type: 'FeatureCollection', features };
}
