import {
  LEVEL_INFO,
  type AssignmentStatus,
  type Category,
  type IncidentStatus,
  type Level,
  type UnitStatus,
  type UnitType,
} from '../../shared/index.js';

/**
 * The map's visual language, shared by the layers that draw it and the legend that explains it.
 * Level colours are the national warning colours (LEVEL_INFO); unit status colours avoid them so a
 * unit is never mistaken for an incident's severity.
 */
export const UNIT_STATUS_COLOURS: Record<UnitStatus, string> = {
  available: '#2e7d32',
  dispatched: '#7b1fa2',
  en_route: '#00838f',
  on_scene: '#c2185b',
  transporting: '#6d4c41',
  at_hospital: '#a1887f',
  returning: '#8bc34a',
  out_of_service: '#9e9e9e',
};

export type UnitShape = 'square' | 'diamond' | 'circle' | 'triangle' | 'inverted-triangle' | 'star';

/** One shape per family of unit types, so a glance separates fire, medical, police, sea. */
export const UNIT_SHAPES: Record<UnitType, UnitShape> = {
  fire_engine: 'square',
  ladder: 'square',
  rescue: 'square',
  hazmat: 'diamond',
  utility_repair: 'diamond',
  ambulance: 'circle',
  public_health_team: 'circle',
  food_safety_inspection: 'circle',
  police_patrol: 'triangle',
  traffic_police: 'triangle',
  sea_rescue_vessel: 'inverted-triangle',
  volunteer_team: 'star',
};

/** Which assignment statuses draw a line from the unit to its incident, and how. */
export const ASSIGNMENT_LINE_STYLES: Partial<Record<AssignmentStatus, { colour: string; dash: string | null }>> = {
  dispatched: { colour: UNIT_STATUS_COLOURS.dispatched, dash: '6 5' },
  acknowledged: { colour: UNIT_STATUS_COLOURS.dispatched, dash: '2 4' },
  en_route: { colour: UNIT_STATUS_COLOURS.en_route, dash: null },
  on_scene: { colour: UNIT_STATUS_COLOURS.on_scene, dash: null },
  transporting: { colour: UNIT_STATUS_COLOURS.transporting, dash: '10 4' },
  at_hospital: { colour: UNIT_STATUS_COLOURS.at_hospital, dash: '10 4' },
};

/** Dark glyphs on the light warning colours, white on the dark ones: readable either way. */
export function glyphColour(level: Level): string {
  return level === 'III' || level === 'II' ? '#1b1b1b' : '#ffffff';
}

export const INCIDENT_RADIUS = 9;
export const UNIT_RADIUS = 5;

/** An incident: a disc in its level colour with its category's glyph; unverified reports get a dashed rim. */
export function drawIncidentSymbol(
  context: CanvasRenderingContext2D,
  x: number,
  y: number,
  symbol: { category: Category; level: Level; status: IncidentStatus },
  radius = INCIDENT_RADIUS,
) {
  context.beginPath();
  context.arc(x, y, radius + 1.5, 0, Math.PI * 2);
  context.fillStyle = '#ffffff';
  context.fill();
  context.beginPath();
  context.arc(x, y, radius, 0, Math.PI * 2);
  context.fillStyle = LEVEL_INFO[symbol.level].colour;
  context.fill();
  context.lineWidth = 1.5;
  context.strokeStyle = '#1b1b1b';
  context.setLineDash(symbol.status === 'reported' ? [3, 2] : []);
  context.stroke();
  context.setLineDash([]);
  drawCategoryGlyph(context, x, y, symbol.category, radius * 0.55, glyphColour(symbol.level));
}

/** Language-free pictograms: mountain (natural), exclamation (accident), cross (health), shield (security). */
export function drawCategoryGlyph(context: CanvasRenderingContext2D, x: number, y: number, category: Category, size: number, colour: string) {
  context.fillStyle = colour;
  context.beginPath();
  switch (category) {
    case 'natural':
      context.moveTo(x - size, y + size * 0.75);
      context.lineTo(x - size * 0.2, y - size * 0.8);
      context.lineTo(x + size * 0.2, y - size * 0.1);
      context.lineTo(x + size * 0.45, y - size * 0.45);
      context.lineTo(x + size, y + size * 0.75);
      context.closePath();
      context.fill();
      return;
    case 'accident':
      context.rect(x - size * 0.2, y - size, size * 0.4, size * 1.2);
      context.rect(x - size * 0.2, y + size * 0.5, size * 0.4, size * 0.4);
      context.fill();
      return;
    case 'public_health':
      context.rect(x - size * 0.25, y - size * 0.9, size * 0.5, size * 1.8);
      context.rect(x - size * 0.9, y - size * 0.25, size * 1.8, size * 0.5);
      context.fill();
      return;
    case 'social_security':
      context.moveTo(x - size * 0.85, y - size * 0.85);
      context.lineTo(x + size * 0.85, y - size * 0.85);
      context.lineTo(x + size * 0.85, y);
      context.quadraticCurveTo(x + size * 0.8, y + size * 0.7, x, y + size);
      context.quadraticCurveTo(x - size * 0.8, y + size * 0.7, x - size * 0.85, y);
      context.closePath();
      context.fill();
      return;
  }
}

/** A unit: its type family's shape in its status colour, with a dark rim for contrast on any basemap. */
export function drawUnitSymbol(context: CanvasRenderingContext2D, x: number, y: number, type: UnitType, status: UnitStatus, size = UNIT_RADIUS) {
  traceShape(context, x, y, UNIT_SHAPES[type], size);
  context.fillStyle = UNIT_STATUS_COLOURS[status];
  context.fill();
  context.lineWidth = 1;
  context.strokeStyle = '#1b1b1b';
  context.stroke();
}

export function traceShape(context: CanvasRenderingContext2D, x: number, y: number, shape: UnitShape, size: number) {
  context.beginPath();
  switch (shape) {
    case 'square':
      context.rect(x - size * 0.85, y - size * 0.85, size * 1.7, size * 1.7);
      return;
    case 'diamond':
      context.moveTo(x, y - size * 1.15);
      context.lineTo(x + size * 1.15, y);
      context.lineTo(x, y + size * 1.15);
      context.lineTo(x - size * 1.15, y);
      context.closePath();
      return;
    case 'circle':
      context.arc(x, y, size, 0, Math.PI * 2);
      return;
    case 'triangle':
      context.moveTo(x, y - size * 1.15);
      context.lineTo(x + size * 1.1, y + size * 0.85);
      context.lineTo(x - size * 1.1, y + size * 0.85);
      context.closePath();
      return;
    case 'inverted-triangle':
      context.moveTo(x, y + size * 1.15);
      context.lineTo(x + size * 1.1, y - size * 0.85);
      context.lineTo(x - size * 1.1, y - size * 0.85);
      context.closePath();
      return;
    case 'star':
      // Five points, alternating outer and inner radius; a hexagon this small reads as a circle.
      for (let corner = 0; corner < 10; corner += 1) {
        const angle = -Math.PI / 2 + (Math.PI / 5) * corner;
        const radius = corner % 2 === 0 ? size * 1.35 : size * 0.6;
        const px = x + radius * Math.cos(angle);
        const py = y + radius * Math.sin(angle);
        if (corner === 0) context.moveTo(px, py);
        else context.lineTo(px, py);
      }
      context.closePath();
      return;
  }
}

/** A ring around the selected point: thick, dark inside and bright outside, visible on any colour. */
export function drawHighlight(context: CanvasRenderingContext2D, x: number, y: number, radius: number) {
  context.beginPath();
  context.arc(x, y, radius, 0, Math.PI * 2);
  context.lineWidth = 5;
  context.strokeStyle = '#ffffff';
  context.stroke();
  context.lineWidth = 2.5;
  context.strokeStyle = '#0d47a1';
  context.stroke();
}

/** A small canvas with one symbol on it, for the legend and lists. */
export function symbolCanvas(draw: (context: CanvasRenderingContext2D, x: number, y: number) => void, size = 22): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  const ratio = window.devicePixelRatio || 1;
  canvas.width = size * ratio;
  canvas.height = size * ratio;
  canvas.style.width = `${size}px`;
  canvas.style.height = `${size}px`;
  canvas.setAttribute('aria-hidden', 'true');
  const context = canvas.getContext('2d');
  if (context) {
    context.scale(ratio, ratio);
    draw(context, size / 2, size / 2);
  }
  return canvas;
}
