import L from 'leaflet';

/** What a pointer over the map found on a point layer: its label, and what clicking it does. */
export interface PointPick {
  id: string;
  label: string;
  activate: () => void;
}

/** A layer that the map's pointer handling can ask "what is under this point?". */
export interface PickableLayer {
  pick(containerPoint: L.Point): PointPick | null;
}

/** How far beyond the visible map the canvas reaches, so a short pan shows no blank edge. */
const PADDING = 0.15;

/**
 * A Leaflet layer that paints thousands of points on one canvas, immediate-mode. Leaflet's own
 * canvas renderer keeps one object per marker and cannot draw glyphs; with 5,000 units and 2,000
 * incidents one paint of plain arrays is cheaper and lets each point carry a category glyph.
 * Positioning and zoom animation follow L.Renderer; subclasses only say what to paint.
 */
export abstract class CanvasPointLayer extends L.Layer implements PickableLayer {
  private canvas: HTMLCanvasElement | null = null;
  /** Layer point of the canvas's top-left corner at the last paint. */
  private origin = L.point(0, 0);
  private paintedCenter: L.LatLng | null = null;
  private paintedZoom = 0;
  private frame = 0;
  // Hit areas of the last paint, in canvas pixels; later entries were painted on top.
  private hitIds: string[] = [];
  private hitGeometry: number[] = [];

  constructor(pane: string) {
    super();
    // L.Layer has no initialize() to take options: set them the way Leaflet's own classes do.
    L.Util.setOptions(this, { pane });
  }

  override onAdd(map: L.Map): this {
    this.canvas = L.DomUtil.create('canvas', 'leaflet-zoom-animated ld-point-canvas');
    // Clicks and hovers are resolved by the map's pointer handling, across layers, by priority.
    this.canvas.style.pointerEvents = 'none';
    this.getPane()?.appendChild(this.canvas);
    this.attached(map);
    this.reset();
    return this;
  }

  override onRemove(map: L.Map): this {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.canvas?.remove();
    this.canvas = null;
    this.hitIds = [];
    this.hitGeometry = [];
    this.detached(map);
    return this;
  }

  override getEvents(): Record<string, L.LeafletEventHandlerFn> {
    return {
      viewreset: this.reset,
      moveend: this.reset,
      zoomend: this.reset,
      resize: this.reset,
      zoom: this.followZoom,
      zoomanim: this.animateZoom as L.LeafletEventHandlerFn,
    };
  }

  /** Paints on the next animation frame; many calls in one frame paint once. */
  scheduleRepaint() {
    if (!this.canvas || this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.repaint();
    });
  }

  /** Paints now (the store already batches its notifications per frame). */
  repaint() {
    const map = this._map as L.Map | undefined;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const context = canvas.getContext('2d');
    if (!context) return;
    const ratio = window.devicePixelRatio || 1;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, canvas.width / ratio, canvas.height / ratio);
    this.hitIds = [];
    this.hitGeometry = [];
    const width = canvas.width / ratio;
    const height = canvas.height / ratio;
    const origin = this.origin;
    this.paint(context, {
      width,
      height,
      zoom: map.getZoom(),
      toCanvas: (lat, lon) => map.latLngToLayerPoint([lat, lon]).subtract(origin),
      inView: (x, y, margin = 20) => x > -margin && y > -margin && x < width + margin && y < height + margin,
    });
  }

  /** What the pointer is over, top-most first. */
  pick(containerPoint: L.Point): PointPick | null {
    const map = this._map as L.Map | undefined;
    if (!map || !this.canvas) return null;
    const point = map.containerPointToLayerPoint(containerPoint).subtract(this.origin);
    for (let index = this.hitIds.length - 1; index >= 0; index -= 1) {
      const x = this.hitGeometry[index * 3]!;
      const y = this.hitGeometry[index * 3 + 1]!;
      const radius = this.hitGeometry[index * 3 + 2]!;
      const dx = point.x - x;
      const dy = point.y - y;
      if (dx * dx + dy * dy <= radius * radius) return this.describePick(this.hitIds[index]!);
    }
    return null;
  }

  protected abstract paint(context: CanvasRenderingContext2D, view: PaintView): void;
  protected abstract describePick(id: string): PointPick | null;
  protected attached(_map: L.Map) {}
  protected detached(_map: L.Map) {}

  /** Subclasses record what they painted where, so it can be clicked. */
  protected recordHit(id: string, x: number, y: number, radius: number) {
    this.hitIds.push(id);
    this.hitGeometry.push(x, y, radius);
  }

  // Arrow properties: Leaflet calls these as map event handlers, detached from the object.
  private reset = () => {
    const map = this._map as L.Map | undefined;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const size = map.getSize();
    const min = map.containerPointToLayerPoint(size.multiplyBy(-PADDING)).round();
    const extent = size.multiplyBy(1 + PADDING * 2).round();
    const ratio = window.devicePixelRatio || 1;
    this.origin = min;
    this.paintedCenter = map.getCenter();
    this.paintedZoom = map.getZoom();
    L.DomUtil.setPosition(canvas, min);
    canvas.width = Math.round(extent.x * ratio);
    canvas.height = Math.round(extent.y * ratio);
    canvas.style.width = `${extent.x}px`;
    canvas.style.height = `${extent.y}px`;
    this.repaint();
  };

  private followZoom = () => {
    const map = this._map as L.Map | undefined;
    if (map) this.transformTo(map.getCenter(), map.getZoom());
  };

  private animateZoom = (event: L.ZoomAnimEvent) => {
    this.transformTo(event.center, event.zoom);
  };

  /** Scales the last paint towards a coming view, as L.Renderer does, until the next reset repaints. */
  private transformTo(center: L.LatLng, zoom: number) {
    const map = this._map as L.Map | undefined;
    if (!map || !this.canvas || !this.paintedCenter) return;
    const scale = map.getZoomScale(zoom, this.paintedZoom);
    const viewHalf = map.getSize().multiplyBy(0.5 + PADDING);
    const paintedCentre = map.project(this.paintedCenter, zoom);
    const mapPanePosition = L.DomUtil.getPosition(map.getPane('mapPane')!) ?? L.point(0, 0);
    const newPixelOrigin = map.project(center, zoom).subtract(map.getSize().divideBy(2)).add(mapPanePosition).round();
    const topLeft = viewHalf.multiplyBy(-scale).add(paintedCentre).subtract(newPixelOrigin);
    L.DomUtil.setTransform(this.canvas, topLeft, scale);
  }
}

/** The canvas a subclass paints on, and how to place a position on it. */
export interface PaintView {
  width: number;
  height: number;
  zoom: number;
  toCanvas: (lat: number, lon: number) => L.Point;
  inView: (x: number, y: number, margin?: number) => boolean;
}

/** Creates (once) a map pane at the given z-index, so points stack above lines and below popups. */
export function ensurePane(map: L.Map, name: string, zIndex: number): string {
  const pane = map.getPane(name) ?? map.createPane(name);
  pane.style.zIndex = String(zIndex);
  return name;
}
