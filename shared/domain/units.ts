/** Response unit types, the agency each belongs to, and a typical travel speed for ETA estimates. */
export const UNIT_TYPES = [
  'fire_engine',
  'ladder',
  'rescue',
  'ambulance',
  'police_patrol',
  'traffic_police',
  'hazmat',
  'public_health_team',
  'food_safety_inspection',
  'sea_rescue_vessel',
  'utility_repair',
  'volunteer_team',
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const AGENCIES = [
  'fire_rescue',
  'health_emergency',
  'public_security',
  'traffic_police',
  'cdc',
  'market_regulation',
  'maritime_rescue',
  'utilities',
  'emergency_management',
  'volunteers',
] as const;
export type Agency = (typeof AGENCIES)[number];

/** Road (or sea) speed in km/h used for travel-time estimates; vessels move on water. */
export const UNIT_TYPE_INFO = {
  fire_engine: { agency: 'fire_rescue', speedKmh: 45, medium: 'land' },
  ladder: { agency: 'fire_rescue', speedKmh: 40, medium: 'land' },
  rescue: { agency: 'fire_rescue', speedKmh: 45, medium: 'land' },
  hazmat: { agency: 'fire_rescue', speedKmh: 40, medium: 'land' },
  ambulance: { agency: 'health_emergency', speedKmh: 50, medium: 'land' },
  police_patrol: { agency: 'public_security', speedKmh: 55, medium: 'land' },
  traffic_police: { agency: 'traffic_police', speedKmh: 55, medium: 'land' },
  public_health_team: { agency: 'cdc', speedKmh: 40, medium: 'land' },
  food_safety_inspection: { agency: 'market_regulation', speedKmh: 40, medium: 'land' },
  sea_rescue_vessel: { agency: 'maritime_rescue', speedKmh: 45, medium: 'sea' },
  utility_repair: { agency: 'utilities', speedKmh: 40, medium: 'land' },
  volunteer_team: { agency: 'volunteers', speedKmh: 30, medium: 'land' },
} as const satisfies Record<UnitType, { agency: Agency; speedKmh: number; medium: 'land' | 'sea' }>;
