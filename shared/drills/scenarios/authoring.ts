import type { Category } from '../../domain/categories.js';
import type { Level } from '../../domain/levels.js';
import type { GeoPoint } from '../../protocol/entities.js';
import type { InjectReport } from '../scenario.js';

/**
 * A caller's report in a scenario, written like a call-taker's card. It only shapes data; ScenarioSchema
 * stays the judge (the scenario test parses every scenario).
 */
export function callReport(
  category: Category,
  subtype: string,
  level: Level,
  location: GeoPoint,
  card: { address: string; description: string; caller: string; phone: string; casualties?: number },
): InjectReport {
  return {
    category,
    subtype,
    level,
    location,
    address: card.address,
    description: card.description,
    caller: { name: card.caller, phone: card.phone },
    casualties: card.casualties ?? 0,
  };
}
