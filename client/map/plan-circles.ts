import L from 'leaflet';
import { isIncidentOpen, type StoredEvent } from '../../shared/index.js';
import { StoreVectorLayer } from './store-vector-layer.js';

/** Cordon: a red dashed ring (keep out); evacuation: an orange, lightly filled disc (move out). */
export const PLAN_CIRCLE_STYLES = {
  cordon: { color: '#b3261e', weight: 2, dashArray: '6 4', fill: false },
  evacuation: { color: '#c65a00', weight: 1.5, fillColor: '#f07c1a', fillOpacity: 0.08 },
} as const satisfies Record<string, L.CircleMarkerOptions>;

/**
 * The cordon and evacuation radius of every open incident's active plan, drawn as circles around the
 * incident. Circles are kept per incident and redrawn only when its plan, position or status changes.
 */
export class PlanCircles extends StoreVectorLayer {
  private circles = new Map<string, L.Circle[]>();
  private highlighted: string | null = null;

  /** Draws the rings of the incident open in the detail panel a little heavier. */
  highlightIncident(incidentId: string | null) {
    const previous = this.highlighted;
    this.highlighted = incidentId;
    if (!this.following) return;
    if (previous) this.refresh(previous);
    if (incidentId) this.refresh(incidentId);
  }

  protected override applyEvents(events: StoredEvent[]) {
    for (const event of events) {
      const incidentId = (event.data as { incidentId?: string }).incidentId;
      if (incidentId && (event.type.startsWith('plan:') || event.type === 'incident:updated' || event.type === 'incident:status-changed' || event.type === 'incident:rejected' || event.type === 'incident:merged'))
        this.refresh(incidentId);
    }
  }

  protected override forget() {
    this.circles.clear();
  }

  protected override drawAll() {
    for (const incidentId of this.store.state.activations.keys()) this.refresh(incidentId);
  }

  private refresh(incidentId: string) {
    for (const circle of this.circles.get(incidentId) ?? []) this.group.removeLayer(circle);
    this.circles.delete(incidentId);
    const incident = this.store.state.incidents.get(incidentId);
    const activation = this.store.state.activations.get(incidentId);
    if (!incident || !activation || !isIncidentOpen(incident.status)) return;
    const centre = L.latLng(incident.location.lat, incident.location.lon);
    const emphasis = incidentId === this.highlighted ? 1 : 0;
    const drawn: L.Circle[] = [];
    if (activation.evacuationRadiusM > 0)
      drawn.push(
        L.circle(centre, {
          ...PLAN_CIRCLE_STYLES.evacuation,
          weight: PLAN_CIRCLE_STYLES.evacuation.weight + emphasis,
          radius: activation.evacuationRadiusM,
          renderer: this.renderer,
          interactive: false,
        }),
      );
    if (activation.cordonRadiusM > 0)
      drawn.push(
        L.circle(centre, {
          ...PLAN_CIRCLE_STYLES.cordon,
          weight: PLAN_CIRCLE_STYLES.cordon.weight + emphasis,
          radius: activation.cordonRadiusM,
          renderer: this.renderer,
          interactive: false,
        }),
      );
    for (const circle of drawn) this.group.addLayer(circle);
    this.circles.set(incidentId, drawn);
  }
}
