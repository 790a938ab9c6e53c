/** Called on every selection, also of the same thing again (which means "show it to me again"). */
export type SelectionListener = (id: string | null, changed: boolean) => void;

/**
 * What the dispatcher is looking at: one incident (the detail panel) and one unit (located on the
 * map). Queue, map and panels select through it and follow it, so none needs to know the others.
 */
export class ConsoleSelection {
  private incident: string | null = null;
  private unit: string | null = null;
  private incidentListeners = new Set<SelectionListener>();
  private unitListeners = new Set<SelectionListener>();

  get incidentId() {
    return this.incident;
  }

  get unitId() {
    return this.unit;
  }

  onIncident(listener: SelectionListener): () => void {
    this.incidentListeners.add(listener);
    return () => this.incidentListeners.delete(listener);
  }

  onUnit(listener: SelectionListener): () => void {
    this.unitListeners.add(listener);
    return () => this.unitListeners.delete(listener);
  }

  selectIncident(incidentId: string | null) {
    const changed = incidentId !== this.incident;
    this.incident = incidentId;
    for (const listener of this.incidentListeners) listener(incidentId, changed);
  }

  selectUnit(unitId: string | null) {
    const changed = unitId !== this.unit;
    this.unit = unitId;
    for (const listener of this.unitListeners) listener(unitId, changed);
  }
}
