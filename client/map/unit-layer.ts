import Supercluster from 'supercluster';
import type { UnitStatus, UnitType } from '../../shared/index.js';
import { t } from '../i18n/index.js';
import type { StoreListener, WorldStore } from '../store/world-store.js';
import { CanvasPointLayer, type PaintView, type PointPick } from './canvas-point-layer.js';
import { UNIT_RADIUS, UNIT_STATUS_COLOURS, drawHighlight, drawUnitSymbol } from './map-symbols.js';

interface UnitMark {
  id: string;
  lat: number;
  lon: number;
  type: UnitType;
  status: UnitStatus;
}

/** Below this zoom, idle units are grouped: 5,000 overlapping dots say less than a count. */
export const CLUSTER_BELOW_ZOOM = 13;
/** Idle units drift (patrols): regroup them at most this often for position changes alone. */
const REGROUP_AFTER_MOVES_MS = 1000;

/** Units on an assignment are always drawn one by one: they are what a dispatcher follows. */
function isIdle(status: UnitStatus): boolean {
  return status === 'available' || status === 'returning' || status === 'out_of_service';
}

type ClusterProperties = { available: number };

/**
 * Units on the map, shaped by type and coloured by status, positions live. Idle units are clustered
 * with supercluster at city-wide zooms; busy ones never are. Marks are updated per unit named in a
 * store change; the cluster index is regrouped when idle units change.
 */
export class UnitLayer extends CanvasPointLayer {
  private marks = new Map<string, UnitMark>();
  private highlighted: string | null = null;
  private unsubscribe: (() => void) | null = null;
  private clustering = true;
  private index: Supercluster<UnitMark, ClusterProperties> | null = null;
  private membershipChanged = true;
  private idleMoved = false;
  private indexBuiltAt = 0;
  private regroupTimer: ReturnType<typeof setTimeout> | null = null;
  private clusterPicks = new Map<string, { clusterId: number; lat: number; lon: number; count: number; available: number }>();

  constructor(
    private readonly store: WorldStore,
    pane: string,
    private readonly onSelect: (unitId: string) => void,
  ) {
    super(pane);
  }

  highlight(unitId: string | null) {
    if (this.highlighted === unitId) return;
    this.highlighted = unitId;
    this.scheduleRepaint();
  }

  setClustering(enabled: boolean) {
    this.clustering = enabled;
    this.scheduleRepaint();
  }

  protected override attached() {
    this.rebuild();
    this.unsubscribe = this.store.subscribe(this.onStoreChange);
  }

  protected override detached() {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.regroupTimer) clearTimeout(this.regroupTimer);
    this.regroupTimer = null;
  }

  private onStoreChange: StoreListener = (change) => {
    if (change.reset) {
      this.rebuild();
      this.repaint();
      return;
    }
    let touched = false;
    for (const event of change.events) {
      if (!event.type.startsWith('unit:')) continue;
      this.refresh((event.data as { unitId: string }).unitId);
      touched = true;
    }
    if (touched) this.repaint();
  };

  private rebuild() {
    this.marks.clear();
    for (const unit of this.store.state.units.values()) this.refresh(unit.id);
    this.membershipChanged = true;
  }

  private refresh(unitId: string) {
    const unit = this.store.state.units.get(unitId);
    const previous = this.marks.get(unitId);
    if (!unit) {
      if (previous) this.marks.delete(unitId);
      this.membershipChanged = true;
      return;
    }
    const mark: UnitMark = { id: unit.id, lat: unit.location.lat, lon: unit.location.lon, type: unit.type, status: unit.status };
    this.marks.set(unitId, mark);
    if (!previous || previous.status !== mark.status) this.membershipChanged = true;
    else if (isIdle(mark.status) && (previous.lat !== mark.lat || previous.lon !== mark.lon)) this.idleMoved = true;
  }

  protected override paint(context: CanvasRenderingContext2D, view: PaintView) {
    this.clusterPicks.clear();
    const clustered = this.clustering && view.zoom < CLUSTER_BELOW_ZOOM;
    const size = view.zoom >= 12 ? UNIT_RADIUS : UNIT_RADIUS - 1;
    if (clustered) this.paintClusters(context, view, size);
    for (const mark of this.marks.values()) {
      if (clustered && isIdle(mark.status)) continue;
      this.paintUnit(context, view, mark, size);
    }
    const selected = this.highlighted ? this.marks.get(this.highlighted) : undefined;
    if (selected) {
      const point = view.toCanvas(selected.lat, selected.lon);
      drawHighlight(context, point.x, point.y, size + 6);
      this.paintUnit(context, view, selected, size + 1);
    }
  }

  private paintUnit(context: CanvasRenderingContext2D, view: PaintView, mark: UnitMark, size: number) {
    const point = view.toCanvas(mark.lat, mark.lon);
    if (!view.inView(point.x, point.y)) return;
    drawUnitSymbol(context, point.x, point.y, mark.type, mark.status, size);
    this.recordHit(mark.id, point.x, point.y, size + 3);
  }

  private paintClusters(context: CanvasRenderingContext2D, view: PaintView, size: number) {
    const index = this.currentIndex();
    const map = this._map;
    const bounds = map.getBounds().pad(0.2);
    const clusters = index.getClusters([bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()], Math.floor(view.zoom));
    context.font = '600 11px "Noto Sans CJK SC", system-ui, sans-serif';
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    for (const feature of clusters) {
      const [lon, lat] = feature.geometry.coordinates as [number, number];
      const point = view.toCanvas(lat, lon);
      if (!view.inView(point.x, point.y, 40)) continue;
      const properties = feature.properties;
      if (!('cluster' in properties)) {
        const mark = this.marks.get(properties.id);
        if (mark && isIdle(mark.status)) this.paintUnit(context, view, mark, size);
        continue;
      }
      const count = properties.point_count;
      const radius = 9 + Math.min(12, Math.log2(count) * 2);
      paintCluster(context, point.x, point.y, radius, count, properties.available);
      const pickId = `cluster:${properties.cluster_id}`;
      this.clusterPicks.set(pickId, { clusterId: properties.cluster_id, lat, lon, count, available: properties.available });
      this.recordHit(pickId, point.x, point.y, radius);
    }
  }

  /** The cluster index, regrouped now if units joined or left the idle set, or soon if they only moved. */
  private currentIndex(): Supercluster<UnitMark, ClusterProperties> {
    const due = Date.now() - this.indexBuiltAt >= REGROUP_AFTER_MOVES_MS;
    if (!this.index || this.membershipChanged || (this.idleMoved && due)) {
      const index = new Supercluster<UnitMark, ClusterProperties>({
        radius: 48,
        maxZoom: CLUSTER_BELOW_ZOOM - 1,
        minPoints: 3,
        map: (mark) => ({ available: mark.status === 'available' ? 1 : 0 }),
        reduce: (total, mark) => {
          total.available += mark.available;
        },
      });
      const points: GeoJSON.Feature<GeoJSON.Point, UnitMark>[] = [];
      for (const mark of this.marks.values())
        if (isIdle(mark.status)) points.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [mark.lon, mark.lat] }, properties: mark });
      this.index = index.load(points);
      this.indexBuiltAt = Date.now();
      this.membershipChanged = false;
      this.idleMoved = false;
    } else if (this.idleMoved && !this.regroupTimer) {
      this.regroupTimer = setTimeout(() => {
        this.regroupTimer = null;
        this.scheduleRepaint();
      }, REGROUP_AFTER_MOVES_MS);
    }
    return this.index;
  }

  protected override describePick(id: string): PointPick | null {
    const cluster = this.clusterPicks.get(id);
    if (cluster) {
      return {
        id,
        label: t('map.unitCluster', { count: cluster.count, available: cluster.available }),
        activate: () => {
          const map = this._map;
          let zoom = map.getZoom() + 2;
          try {
            zoom = Math.max(zoom, this.index?.getClusterExpansionZoom(cluster.clusterId) ?? zoom);
          } catch {
            // The index was regrouped since this paint: just zoom in.
          }
          map.flyTo([cluster.lat, cluster.lon], Math.min(zoom, CLUSTER_BELOW_ZOOM + 1));
        },
      };
    }
    const unit = this.store.state.units.get(id);
    if (!unit) return null;
    return {
      id,
      label: `${unit.callSign} · ${t(`unitType.${unit.type}`)} · ${t(`unitStatus.${unit.status}`)}`,
      activate: () => this.onSelect(id),
    };
  }
}

/** A count in a disc, with an arc showing the share of available units in the group. */
function paintCluster(context: CanvasRenderingContext2D, x: number, y: number, radius: number, count: number, available: number) {
  context.beginPath();
  context.arc(x, y, radius, 0, Math.PI * 2);
  context.fillStyle = 'rgba(255,255,255,0.92)';
  context.fill();
  context.lineWidth = 3;
  context.strokeStyle = UNIT_STATUS_COLOURS.out_of_service;
  context.stroke();
  if (available > 0) {
    context.beginPath();
    context.arc(x, y, radius, -Math.PI / 2, -Math.PI / 2 + (Math.PI * 2 * available) / count);
    context.strokeStyle = UNIT_STATUS_COLOURS.available;
    context.stroke();
  }
  context.fillStyle = '#1b1b1b';
  context.fillText(String(count), x, y + 0.5);
}
