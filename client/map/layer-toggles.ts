import L from 'leaflet';
import { h } from '../common/dom.js';
import { t } from '../i18n/index.js';

export interface ToggleableLayer {
  /** Catalog key of its label. */
  labelKey: string;
  /** Stable name, used for the test id and the remembered setting. */
  name: string;
  initiallyOn?: boolean;
  setVisible(visible: boolean): void;
}

const STORAGE_KEY = 'liandong.console.layers';

/**
 * Checkboxes that show and hide the map's layers: real labelled inputs (reachable by keyboard),
 * unlike Leaflet's hover-to-open layers control. Choices are remembered per browser.
 */
export class LayerToggles extends L.Control {
  private container: HTMLElement | null = null;
  private visible: Record<string, boolean>;

  constructor(private readonly layers: ToggleableLayer[]) {
    super({ position: 'topright' });
    const saved = readSaved();
    this.visible = Object.fromEntries(layers.map((layer) => [layer.name, saved[layer.name] ?? layer.initiallyOn ?? true]));
  }

  override onAdd(): HTMLElement {
    this.container = h('div', { class: 'ld-layer-toggles leaflet-bar', 'data-testid': 'layer-toggles' });
    L.DomEvent.disableClickPropagation(this.container);
    for (const layer of this.layers) layer.setVisible(this.visible[layer.name] ?? true);
    this.render();
    return this.container;
  }

  render() {
    if (!this.container) return;
    const boxes = this.layers.map((layer) => {
      const id = `layer-toggle-${layer.name}`;
      const input = h('input', { type: 'checkbox', id, 'data-testid': id, checked: this.visible[layer.name] ?? true });
      input.addEventListener('change', () => {
        this.visible[layer.name] = input.checked;
        localStorage.setItem(STORAGE_KEY, JSON.stringify(this.visible));
        layer.setVisible(input.checked);
      });
      return h('label', { for: id }, input, t(layer.labelKey));
    });
    this.container.replaceChildren(h('fieldset', {}, h('legend', {}, t('layers.title')), ...boxes));
  }
}

function readSaved(): Record<string, boolean> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, boolean>) : {};
  } catch {
    return {};
  }
}
