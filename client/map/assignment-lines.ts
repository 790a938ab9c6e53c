import L from 'leaflet';
import type { StoredEvent } from '../../shared/index.js';
import { StoreVectorLayer } from './store-vector-layer.js';
import { ASSIGNMENT_LINE_STYLES } from './map-symbols.js';

/**
 * A line from each unit on an open assignment to its incident, styled by the assignment's status.
 * Lines are kept per assignment and moved only when their unit, incident or assignment changes.
 */
export class AssignmentLines extends StoreVectorLayer {
  /** Assignment id → its line and the incident it points at. */
  private lines = new Map<string, { line: L.Polyline; incidentId: string }>();
  private highlightedIncident: string | null = null;

  /** Thickens the lines of the incident open in the detail panel. */
  highlightIncident(incidentId: string | null) {
    if (this.highlightedIncident === incidentId) return;
    this.highlightedIncident = incidentId;
    for (const assignmentId of this.lines.keys()) this.refresh(assignmentId);
  }

  protected override applyEvents(events: StoredEvent[]) {
    const state = this.store.state;
    for (const event of events) {
      switch (event.type) {
        case 'assignment:dispatched':
        case 'assignment:status-changed':
          this.refresh(event.data.assignmentId);
          break;
        case 'unit:moved': {
          const assignmentId = state.units.get(event.data.unitId)?.assignmentId;
          if (assignmentId) this.refresh(assignmentId);
          break;
        }
        case 'incident:updated':
          if (event.data.location) for (const [id, entry] of this.lines) if (entry.incidentId === event.data.incidentId) this.refresh(id);
          break;
        default:
          break;
      }
    }
  }

  protected override forget() {
    this.lines.clear();
  }

  protected override drawAll() {
    for (const assignment of this.store.state.assignments.values()) this.refresh(assignment.id);
  }

  private refresh(assignmentId: string) {
    const state = this.store.state;
    const assignment = state.assignments.get(assignmentId);
    const style = assignment ? ASSIGNMENT_LINE_STYLES[assignment.status] : undefined;
    const unit = assignment && state.units.get(assignment.unitId);
    const incident = assignment && state.incidents.get(assignment.incidentId);
    const existing = this.lines.get(assignmentId);
    if (!assignment || !style || !unit || !incident) {
      if (existing) this.group.removeLayer(existing.line);
      this.lines.delete(assignmentId);
      return;
    }
    const path: L.LatLngExpression[] = [
      [unit.location.lat, unit.location.lon],
      [incident.location.lat, incident.location.lon],
    ];
    const emphasised = assignment.incidentId === this.highlightedIncident;
    const options: L.PolylineOptions = {
      color: style.colour,
      weight: emphasised ? 4 : 2,
      opacity: emphasised ? 1 : 0.8,
      dashArray: style.dash ?? undefined,
    };
    if (existing) {
      existing.line.setLatLngs(path);
      existing.line.setStyle(options);
      return;
    }
    const line = L.polyline(path, { ...options, renderer: this.renderer, interactive: false });
    this.lines.set(assignmentId, { line, incidentId: assignment.incidentId });
    this.group.addLayer(line);
  }
}

