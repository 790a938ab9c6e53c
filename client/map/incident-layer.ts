import { LEVELS, isIncidentOpen, type Category, type IncidentStatus, type Level } from '../../shared/index.js';
import { t } from '../i18n/index.js';
import type { StoreListener, WorldStore } from '../store/world-store.js';
import { CanvasPointLayer, type PaintView, type PointPick } from './canvas-point-layer.js';
import { INCIDENT_RADIUS, drawHighlight, drawIncidentSymbol } from './map-symbols.js';

interface IncidentMark {
  id: string;
  lat: number;
  lon: number;
  category: Category;
  level: Level;
  status: IncidentStatus;
}

/** Least severe first, so level I is painted last and stays on top where markers overlap. */
const PAINT_ORDER: readonly Level[] = [...LEVELS].reverse();

/**
 * Open incidents on the map, by category glyph and level colour. Marks are kept per incident and
 * updated only for the incidents a store change names; a full rebuild happens only on a store reset.
 */
export class IncidentLayer extends CanvasPointLayer {
  private marks = new Map<string, IncidentMark>();
  private highlighted: string | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly store: WorldStore,
    pane: string,
    private readonly onSelect: (incidentId: string) => void,
  ) {
    super(pane);
  }

  /** Rings one incident (the one open in the detail panel), or none. */
  highlight(incidentId: string | null) {
    if (this.highlighted === incidentId) return;
    this.highlighted = incidentId;
    this.scheduleRepaint();
  }

  protected override attached() {
    this.rebuild();
    this.unsubscribe = this.store.subscribe(this.onStoreChange);
  }

  protected override detached() {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  private onStoreChange: StoreListener = (change) => {
    if (change.reset) {
      this.rebuild();
      this.repaint();
      return;
    }
    let touched = false;
    for (const event of change.events) {
      const incidentId = (event.data as { incidentId?: string }).incidentId;
      if (incidentId === undefined || !event.type.startsWith('incident:')) continue;
      this.refresh(incidentId);
      touched = true;
    }
    if (touched) this.repaint();
  };

  private rebuild() {
    this.marks.clear();
    for (const incident of this.store.state.incidents.values()) this.refresh(incident.id);
  }

  private refresh(incidentId: string) {
    const incident = this.store.state.incidents.get(incidentId);
    if (!incident || !isIncidentOpen(incident.status)) {
      this.marks.delete(incidentId);
      return;
    }
    this.marks.set(incidentId, {
      id: incident.id,
      lat: incident.location.lat,
      lon: incident.location.lon,
      category: incident.category,
      level: incident.level,
      status: incident.status,
    });
  }

  protected override paint(context: CanvasRenderingContext2D, view: PaintView) {
    // Far out, 2,000 full-size discs would hide the coast: shrink them, keep them all visible.
    const radius = view.zoom >= 13 ? INCIDENT_RADIUS : view.zoom >= 11 ? INCIDENT_RADIUS - 2 : INCIDENT_RADIUS - 4;
    let selected: { x: number; y: number } | null = null;
    for (const level of PAINT_ORDER) {
      for (const mark of this.marks.values()) {
        if (mark.level !== level) continue;
        const point = view.toCanvas(mark.lat, mark.lon);
        if (!view.inView(point.x, point.y)) continue;
        drawIncidentSymbol(context, point.x, point.y, mark, radius);
        this.recordHit(mark.id, point.x, point.y, radius + 3);
        if (mark.id === this.highlighted) selected = point;
      }
    }
    if (selected) {
      const mark = this.marks.get(this.highlighted!)!;
      drawHighlight(context, selected.x, selected.y, radius + 5);
      drawIncidentSymbol(context, selected.x, selected.y, mark, radius);
    }
  }

  protected override describePick(incidentId: string): PointPick | null {
    const incident = this.store.state.incidents.get(incidentId);
    if (!incident) return null;
    return {
      id: incidentId,
      label: `${incident.code} · ${t(`subtype.${incident.subtype}`)} · ${t(`level.${incident.level}`)}`,
      activate: () => this.onSelect(incidentId),
    };
  }
}
