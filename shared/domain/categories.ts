/**
 * Incident classification from China's national emergency system (Emergency Response Law, national
 * overall plan, GB/T 35561-2017): four categories, each with its sub-types.
 */
export const CATEGORIES = ['natural', 'accident', 'public_health', 'social_security'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Sub-types keyed by category; codes are stable identifiers used in events and plans. */
export const SUBTYPES = {
  natural: [
    'flood_drought',
    'typhoon',
    'rainstorm',
    'blizzard_cold_wave',
    'earthquake',
    'geological',
    'storm_surge',
    'sea_ice',
    'biological',
    'forest_fire',
  ],
  accident: [
    'work_safety',
    'road_traffic',
    'rail_traffic',
    'sea_traffic',
    'air_traffic',
    'building_fire',
    'petrochemical_fire',
    'gas',
    'power',
    'water_supply',
    'chemical_leak',
    'oil_spill',
  ],
  public_health: [
    'infectious_disease',
    'unexplained_illness',
    'food_poisoning',
    'occupational_poisoning',
    'drug_safety',
    'animal_epidemic',
  ],
  social_security: ['terrorist_attack', 'mass_incident', 'crowd_crush', 'economic_security', 'foreign_related'],
} as const satisfies Record<Category, readonly string[]>;

export type Subtype = (typeof SUBTYPES)[Category][number];
export const ALL_SUBTYPES: Subtype[] = Object.values(SUBTYPES).flat();

/** True when the sub-type belongs to the category. */
export function subtypeBelongsTo(category: Category, subtype: string): subtype is Subtype {
  return (SUBTYPES[category] as readonly string[]).includes(subtype);
}

/** GB/T 35561-2017 top-level codes. */
export const CATEGORY_CODE: Record<Category, string> = {
  natural: '01',
  accident: '02',
  public_health: '03',
  social_security: '04',
};
