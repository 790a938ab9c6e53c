import { describe, it, expect } from 'vitest';
import { clipLandToBox, isOnLand, roundLandCoordinates } from '../../shared/geo/land.js';
import { DALIAN_BBOX, DALIAN_CENTRE, distanceKm, isInBox } from '../../shared/geo/distance.js';
import { loadDalianLand, readLandTopology } from '../../server/geo/land-data.js';
import { DALIAN_DISTRICTS } from '../../server/seed/dalian-stations.js';

const BOHAI_SEA = { lat: 38.9, lon: 120.5 };
const SHENYANG = { lat: 41.8, lon: 123.4 };
const TOKYO = { lat: 35.68, lon: 139.69 };

describe('isOnLand', () => {
  // Boxes that contain each point, so the answer cannot come from a polygon merely left out by the clip.
  const northEastChina = clipLandToBox(readLandTopology(), { south: 38, west: 120, north: 42.5, east: 124 });

  it('tells the Bohai sea from Shenyang', () => {
    expect(isOnLand(northEastChina, BOHAI_SEA)).toBe(false);
    expect(isOnLand(northEastChina, SHENYANG)).toBe(true);
  });

  it('puts every district centre of DOMAIN.md on land in Natural Earth 1:10m', () => {
    const land = loadDalianLand();
    for (const district of DALIAN_DISTRICTS) expect(isOnLand(land, district.centre), district.key).toBe(true);
  });
});

describe('clipLandToBox', () => {
  const land = loadDalianLand();

  it('keeps only polygons whose extent reaches into the box', () => {
    expect(land.features.length).toBeGreaterThan(1);
    for (const polygon of land.features) {
      const [west = 0, south = 0, east = 0, north = 0] = polygon.bbox ?? [];
      expect(south).toBeLessThanOrEqual(DALIAN_BBOX.north);
      expect(north).toBeGreaterThanOrEqual(DALIAN_BBOX.south);
      expect(west).toBeLessThanOrEqual(DALIAN_BBOX.east);
      expect(east).toBeGreaterThanOrEqual(DALIAN_BBOX.west);
    }
    // Japan's islands do not reach Dalian's box, so Tokyo is missing from it.
    expect(isOnLand(land, TOKYO)).toBe(false);
  });

  it('refuses a topology without the named object', () => {
    expect(() => clipLandToBox(readLandTopology(), DALIAN_BBOX, 'countries')).toThrow(/countries/);
  });

  it('is loaded once per process', () => {
    expect(loadDalianLand()).toBe(land);
  });
});

describe('roundLandCoordinates', () => {
  it('rounds to the given decimals and keeps rings closed', () => {
    const rounded = roundLandCoordinates(loadDalianLand(), 4);
    for (const polygon of rounded.features) {
      for (const ring of polygon.geometry.coordinates) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        for (const [lon = 0, lat = 0] of ring) {
          expect(Math.abs(lon * 1e4 - Math.round(lon * 1e4))).toBeLessThan(1e-6);
          expect(Math.abs(lat * 1e4 - Math.round(lat * 1e4))).toBeLessThan(1e-6);
        }
      }
    }
  });

  it('drops positions that rounding makes repeat, and rings that collapse', () => {
    const square = [[0, 0], [1, 0], [1.00001, 0], [1, 1], [0, 1], [0, 0]];
    const sliver = [[0.5, 0.5], [0.50001, 0.5], [0.5, 0.50001], [0.5, 0.5]];
    const rounded = roundLandCoordinates(
      {
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square, sliver] } }],
      },
      2,
    );
    expect(rounded.features[0]?.geometry.coordinates).toEqual([[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]);
  });
});

describe('distanceKm and the Dalian box', () => {
  it('measures Zhongshan to Jinzhou at about 20 km', () => {
    const zhongshan = { lat: 38.918, lon: 121.644 };
    const jinzhou = { lat: 39.05, lon: 121.782 };
    const km = distanceKm(zhongshan, jinzhou);
    expect(km).toBeGreaterThan(18);
    expect(km).toBeLessThan(22);
    expect(distanceKm(jinzhou, zhongshan)).toBeCloseTo(km, 9);
    expect(distanceKm(zhongshan, zhongshan)).toBe(0);
  });

  it('contains the city centre and every district centre, not Shenyang', () => {
    expect(isInBox(DALIAN_CENTRE, DALIAN_BBOX)).toBe(true);
    for (const district of DALIAN_DISTRICTS) expect(isInBox(district.centre, DALIAN_BBOX), district.key).toBe(true);
    expect(isInBox(SHENYANG, DALIAN_BBOX)).toBe(false);
  });
});
