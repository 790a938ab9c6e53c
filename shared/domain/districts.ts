import type { GeoPoint } from '../protocol/entities.js';
import { distanceKm } from '../geo/distance.js';

/**
 * Dalian's ten districts and counties (DOMAIN.md). `key` is what units and incidents carry in `district`;
 * `code` goes into unit ids and call signs; `centre` is the approximate centre given in DOMAIN.md.
 */
export const DALIAN_DISTRICTS = [
  { key: 'zhongshan', code: 'ZS', zh: '中山区', en: 'Zhongshan', centre: { lat: 38.918, lon: 121.644 } },
  { key: 'xigang', code: 'XG', zh: '西岗区', en: 'Xigang', centre: { lat: 38.915, lon: 121.612 } },
  { key: 'shahekou', code: 'SHK', zh: '沙河口区', en: 'Shahekou', centre: { lat: 38.905, lon: 121.594 } },
  { key: 'ganjingzi', code: 'GJZ', zh: '甘井子区', en: 'Ganjingzi', centre: { lat: 38.953, lon: 121.525 } },
  { key: 'lushunkou', code: 'LS', zh: '旅顺口区', en: 'Lüshunkou', centre: { lat: 38.812, lon: 121.262 } },
  { key: 'jinzhou', code: 'JZ', zh: '金州区', en: 'Jinzhou', centre: { lat: 39.05, lon: 121.782 } },
  { key: 'pulandian', code: 'PLD', zh: '普兰店区', en: 'Pulandian', centre: { lat: 39.395, lon: 121.963 } },
  { key: 'wafangdian', code: 'WFD', zh: '瓦房店市', en: 'Wafangdian', centre: { lat: 39.627, lon: 122.008 } },
  { key: 'zhuanghe', code: 'ZH', zh: '庄河市', en: 'Zhuanghe', centre: { lat: 39.681, lon: 122.967 } },
  { key: 'changhai', code: 'CH', zh: '长海县', en: 'Changhai', centre: { lat: 39.272, lon: 122.588 } },
] as const satisfies readonly { key: string; code: string; zh: string; en: string; centre: GeoPoint }[];
export type DistrictKey = (typeof DALIAN_DISTRICTS)[number]['key'];

/** Farther than this from every district centre, a point is not placed in any district. */
const MAX_DISTRICT_KM = 60;

/**
 * The district whose centre is nearest — an approximation (we ship no district boundaries) that is right
 * for the island county and the outlying cities, and may pick a neighbour near a boundary in the centre.
 * District-limited plans (the Changhai typhoon plan) rely on it.
 */
export function nearestDistrict(location: GeoPoint): DistrictKey | null {
  let best: { key: DistrictKey; km: number } | null = null;
  for (const district of DALIAN_DISTRICTS) {
    const km = distanceKm(location, district.centre);
    if (!best || km < best.km) best = { key: district.key, km };
  }
  return best && best.km <= MAX_DISTRICT_KM ? best.key : null;
}
