import { z } from 'zod';
import { GeoPointSchema, type GeoPoint } from '../protocol/entities.js';
import { straightLineKm } from './geometry.js';

/**
 * Dalian's districts and counties (DOMAIN.md), as the keys units carry in `district`
 * (server/seed/dalian-stations.ts uses the same keys; the list belongs in shared/domain).
 */
export const DALIAN_DISTRICT_KEYS = [
  'zhongshan',
  'xigang',
  'shahekou',
  'ganjingzi',
  'lushunkou',
  'jinzhou',
  'pulandian',
  'wafangdian',
  'zhuanghe',
  'changhai',
] as const;
export type DalianDistrictKey = (typeof DALIAN_DISTRICT_KEYS)[number];

/** A circle around a site (a petrochemical zone, a port) where a site-specific plan applies. */
export const PlanCircleAreaSchema = z.strictObject({
  kind: z.literal('circle'),
  centre: GeoPointSchema,
  radiusKm: z.number().positive().max(200),
});

/** A set of districts where a plan applies (e.g. the island county for typhoons). */
export const PlanDistrictAreaSchema = z.strictObject({
  kind: z.literal('districts'),
  districts: z
    .array(z.enum(DALIAN_DISTRICT_KEYS))
    .min(1, 'name at least one district')
    .refine((districts) => new Set(districts).size === districts.length, 'districts repeat'),
});

/** Where a plan template applies; a template without an area applies city-wide. */
export const PlanAreaSchema = z.discriminatedUnion('kind', [PlanCircleAreaSchema, PlanDistrictAreaSchema]);
export type PlanArea = z.infer<typeof PlanAreaSchema>;

/**
 * True when the incident lies in the area. A district area can only match when the caller knows the
 * incident's district: district centres alone cannot place a point (much of Dalian is coast and sea),
 * so an unknown district never silently matches.
 */
export function areaContains(area: PlanArea, location: GeoPoint, district?: string | null): boolean {
  switch (area.kind) {
    case 'circle':
      return straightLineKm(area.centre, location) <= area.radiusKm;
    case 'districts':
      return district != null && (area.districts as readonly string[]).includes(district);
    default: {
      const unreachable: never = area;
      return unreachable;
    }
  }
}

/** A short description of the area for reasons shown to dispatchers. */
export function describeArea(area: PlanArea): string {
  switch (area.kind) {
    case 'circle':
      return `within ${area.radiusKm} km of ${area.centre.lat.toFixed(3)},${area.centre.lon.toFixed(3)}`;
    case 'districts':
      return `in ${area.districts.join(', ')}`;
    default: {
      const unreachable: never = area;
      return unreachable;
    }
  }
}
