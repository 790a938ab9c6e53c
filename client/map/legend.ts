import L from 'leaflet';
import { CATEGORIES, LEVELS, UNIT_STATUSES, UNIT_TYPES, type AssignmentStatus } from '../../shared/index.js';
import { h } from '../common/dom.js';
import { t } from '../i18n/index.js';
import {
  ASSIGNMENT_LINE_STYLES,
  UNIT_SHAPES,
  UNIT_STATUS_COLOURS,
  drawCategoryGlyph,
  drawIncidentSymbol,
  symbolCanvas,
  traceShape,
  type UnitShape,
} from './map-symbols.js';
import { PLAN_CIRCLE_STYLES } from './plan-circles.js';

const OPEN_KEY = 'liandong.console.legendOpen';
/** Below this map size the legend starts folded: open, it would cover the centre of the city. */
const ROOM_FOR_OPEN_LEGEND = { x: 800, y: 760 };

/**
 * What the map's symbols mean, drawn with the same routines the layers use so the two cannot
 * disagree. Folded at first on a small map, and the dispatcher's choice is remembered.
 */
export class MapLegend extends L.Control {
  private container: HTMLElement | null = null;
  private startOpen = true;

  constructor() {
    super({ position: 'bottomright' });
  }

  override onAdd(map: L.Map): HTMLElement {
    const size = map.getSize();
    this.startOpen = size.x >= ROOM_FOR_OPEN_LEGEND.x && size.y >= ROOM_FOR_OPEN_LEGEND.y;
    this.container = h('div', { class: 'ld-legend leaflet-bar', 'data-testid': 'map-legend' });
    L.DomEvent.disableClickPropagation(this.container);
    L.DomEvent.disableScrollPropagation(this.container);
    this.render();
    return this.container;
  }

  /** Redraws the labels (after a language switch). */
  render() {
    if (!this.container) return;
    const details = h('details', {}, h('summary', {}, t('legend.title')), ...this.sections());
    const saved = localStorage.getItem(OPEN_KEY);
    details.open = saved === null ? this.startOpen : saved === 'true';
    details.addEventListener('toggle', () => localStorage.setItem(OPEN_KEY, String(details.open)));
    this.container.replaceChildren(details);
  }

  private sections(): HTMLElement[] {
    const levels = LEVELS.map((level) =>
      entry(symbolCanvas((c, x, y) => drawIncidentSymbol(c, x, y, { category: 'accident', level, status: 'verified' }, 7)), t(`level.${level}`)),
    );
    const categories = CATEGORIES.map((category) =>
      entry(
        symbolCanvas((c, x, y) => {
          c.beginPath();
          c.arc(x, y, 8, 0, Math.PI * 2);
          c.fillStyle = '#455a64';
          c.fill();
          drawCategoryGlyph(c, x, y, category, 4.5, '#ffffff');
        }),
        t(`category.${category}`),
      ),
    );
    categories.push(
      entry(symbolCanvas((c, x, y) => drawIncidentSymbol(c, x, y, { category: 'accident', level: 'IV', status: 'reported' }, 7)), t('legend.unverified')),
    );
    const shapes = [...new Set(Object.values(UNIT_SHAPES))].map((shape) =>
      entry(
        symbolCanvas((c, x, y) => {
          traceShape(c, x, y, shape, 5);
          c.fillStyle = '#ffffff';
          c.fill();
          c.lineWidth = 1.2;
          c.strokeStyle = '#1b1b1b';
          c.stroke();
        }),
        typesOfShape(shape),
      ),
    );
    const statuses = UNIT_STATUSES.map((status) => entry(swatch(UNIT_STATUS_COLOURS[status]), t(`unitStatus.${status}`)));
    const lines = (Object.keys(ASSIGNMENT_LINE_STYLES) as AssignmentStatus[]).map((status) => {
      const style = ASSIGNMENT_LINE_STYLES[status]!;
      return entry(
        symbolCanvas((c, x, y) => {
          c.beginPath();
          c.setLineDash(style.dash ? style.dash.split(' ').map(Number) : []);
          c.moveTo(x - 9, y);
          c.lineTo(x + 9, y);
          c.lineWidth = 2.5;
          c.strokeStyle = style.colour;
          c.stroke();
        }),
        t(`assignmentStatus.${status}`),
      );
    });
    const planAreas = (['cordon', 'evacuation'] as const).map((kind) => {
      const style: L.CircleMarkerOptions = PLAN_CIRCLE_STYLES[kind];
      return entry(
        symbolCanvas((c, x, y) => {
          c.beginPath();
          c.setLineDash(style.dashArray ? String(style.dashArray).split(' ').map(Number) : []);
          c.arc(x, y, 7, 0, Math.PI * 2);
          if (style.fillColor) {
            c.globalAlpha = 0.25;
            c.fillStyle = style.fillColor;
            c.fill();
            c.globalAlpha = 1;
          }
          c.lineWidth = 2;
          c.strokeStyle = style.color ?? '#000';
          c.stroke();
        }),
        t(`legend.${kind}`),
      );
    });
    return [
      section(t('legend.levels'), levels),
      section(t('legend.categories'), categories),
      section(t('legend.unitTypes'), shapes),
      section(t('legend.unitStatuses'), statuses),
      section(t('legend.assignmentLines'), lines),
      section(t('legend.planAreas'), planAreas),
    ];
  }
}

function typesOfShape(shape: UnitShape): string {
  return UNIT_TYPES.filter((type) => UNIT_SHAPES[type] === shape)
    .map((type) => t(`unitType.${type}`))
    .join(t('legend.separator'));
}

function section(title: string, entries: HTMLElement[]): HTMLElement {
  return h('section', {}, h('h3', {}, title), h('ul', {}, ...entries));
}

function entry(symbol: Element, label: string): HTMLElement {
  return h('li', {}, symbol, h('span', {}, label));
}

function swatch(colour: string): HTMLElement {
  const element = h('span', { class: 'ld-swatch', 'aria-hidden': 'true' });
  element.style.background = colour;
  return element;
}
