/**
 * Naming inside a drill world. Streams are global in the log, so every id a drill makes carries the
 * drill's id: copies of live units never share a stream with the live unit or another drill's copy.
 */

/** The world of a drill. */
export function drillWorld(drillId: string): `drill:${string}` {
  return `drill:${drillId}`;
}

/** The drill id of a drill world, or null for live operations. */
export function drillIdOf(world: string): string | null {
  return world.startsWith('drill:') ? world.slice('drill:'.length) : null;
}

/** The drill's copy of a live unit: `D<drill id>-<live unit id>`. */
export function drillUnitId(drillId: string, liveUnitId: string): string {
  return `D${drillId}-${liveUnitId}`;
}

/** The live unit a drill unit copies, or null when the id is not one of this drill's copies. */
export function liveUnitIdOf(drillId: string, unitId: string): string | null {
  const prefix = `D${drillId}-`;
  return unitId.startsWith(prefix) ? unitId.slice(prefix.length) : null;
}

/** The incident an inject with this ref creates: stable, so later injects (and the review) find it. */
export function injectIncidentId(drillId: string, ref: string): string {
  return `INC-${drillId}-${ref}`;
}

/** The scenario ref of an inject-made incident, or null for one a trainee reported. */
export function refOfIncident(drillId: string, incidentId: string): string | null {
  const prefix = `INC-${drillId}-`;
  return incidentId.startsWith(prefix) ? incidentId.slice(prefix.length) : null;
}
