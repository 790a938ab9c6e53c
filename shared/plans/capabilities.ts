import type { UnitType } from '../domain/units.js';

/**
 * What a unit of each type may be equipped for. `Unit.capabilities` in the contract is a free string
 * list; plans only ever ask for these, so a typo in a template fails validation instead of silently
 * matching no unit.
 */
export const UNIT_CAPABILITIES = {
  fire_engine: ['water', 'foam'],
  ladder: ['aerial_32m', 'aerial_53m'],
  rescue: ['extrication', 'rope', 'water_rescue', 'collapse'],
  ambulance: ['als', 'bls'],
  police_patrol: ['crowd_control'],
  traffic_police: [],
  hazmat: ['chemical', 'decon'],
  public_health_team: ['epidemiology', 'sampling'],
  food_safety_inspection: ['sampling'],
  sea_rescue_vessel: ['oil_boom', 'sar'],
  utility_repair: ['power', 'gas', 'water'],
  volunteer_team: ['shelter', 'logistics'],
} as const satisfies Record<UnitType, readonly string[]>;

export type Capability = (typeof UNIT_CAPABILITIES)[UnitType][number];

/** True when the capability is one a unit of this type can have. */
export function capabilityFitsUnitType(unitType: UnitType, capability: string): boolean {
  return (UNIT_CAPABILITIES[unitType] as readonly string[]).includes(capability);
}

/**
 * Capabilities that stand in for others: a 53 m aerial ladder reaches whatever a 32 m one does, and an
 * advanced-life-support ambulance can do a basic-life-support job. Nothing else substitutes.
 */
export const CAPABILITY_COVERS: Readonly<Record<string, readonly string[]>> = {
  aerial_53m: ['aerial_32m'],
  als: ['bls'],
};

/** The capabilities that meet a requirement: the capability itself and any that cover it. */
export function capabilitiesMeeting(required: string): string[] {
  const covering = Object.keys(CAPABILITY_COVERS).filter((capability) => CAPABILITY_COVERS[capability]?.includes(required));
  return [required, ...covering];
}

/** True when a unit with these capabilities can meet the required one (itself or a covering one). */
export function unitHasCapability(unitCapabilities: readonly string[], required: string | undefined): boolean {
  if (required === undefined) return true;
  const meeting = capabilitiesMeeting(required);
  return unitCapabilities.some((capability) => meeting.includes(capability));
}

/**
 * How many capabilities can meet the requirement: 1 for one nothing covers, more when others stand in,
 * Infinity for "any". Lines are filled scarcest first so a covering unit is not spent on a line that a
 * plainer unit could have filled.
 */
export function capabilitySubstitutes(required: string | undefined): number {
  return required === undefined ? Number.POSITIVE_INFINITY : capabilitiesMeeting(required).length;
}
