import L from 'leaflet';
import type { StoreListener, WorldStore } from '../store/world-store.js';
import { ASSIGNMENT_LINE_STYLES } from './map-symbols.js';

/**
 * A line from each unit on an open assignment to its incident, styled by the assignment's status.
 * Lines are kept per assignment and moved only when their unit, incident or assignment changes.
 */
export class AssignmentLines extends L.Layer {
  /** Assignment id → its line and the incident it points at. */
  private lines = new Map<string, { line: L.Polyline; incidentId: string }>();
  private readonly group = L.layerGroup();
  private readonly renderer = L.canvas({ padding: 0.2 });
  private unsubscribe: (() => void) | null = null;
  private highlightedIncident: string | null = null;

  constructor(private readonly store: WorldStore) {
    super();
  }

  override onAdd(map: L.Map): this {
    this.group.addTo(map);
    this.rebuild();
    this.unsubscribe = this.store.subscribe(this.onStoreChange);
    return this;
  }

  override onRemove(map: L.Map): this {
    this.unsubscribe?.();
    this.unsubscribe = null;
    map.removeLayer(this.group);
    this.group.clearLayers();
    this.lines.clear();
    return this;
  }

  /** Thickens the lines of the incident open in the detail panel. */
  highlightIncident(incidentId: string | null) {
    if (this.highlightedIncident === incidentId) return;
    this.highlightedIncident = incidentId;
    for (const assignmentId of this.lines.keys()) this.refresh(assignmentId);
  }

  private onStoreChange: StoreListener = (change) => {
    if (change.reset) return this.rebuild();
    const state = this.store.state;
    for (const event of change.events) {
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
  };

  private rebuild() {
    this.group.clearLayers();
    this.lines.clear();
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

