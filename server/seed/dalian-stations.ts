import type { GeoPoint } from '../../shared/protocol/entities.js';
import type { UnitType } from '../../shared/domain/units.js';
import type { UNIT_CAPABILITIES } from '../../shared/plans/capabilities.js';

// The districts moved to shared/domain (incidents carry one too); re-exported for the seed.
export { DALIAN_DISTRICTS, type DistrictKey } from '../../shared/domain/districts.js';
import type { DistrictKey } from '../../shared/domain/districts.js';

// Units carry only capabilities from the plans' vocabulary, so a plan's requirement can find them.
type CapabilityOf<T extends UnitType> = (typeof UNIT_CAPABILITIES)[T][number];

/** A group of identical units kept at a station. */
export interface Fleet<T extends UnitType = UnitType> {
  type: T;
  count: number;
  capabilities: readonly CapabilityOf<T>[];
}

/** A named base (fire station, 120 station, police substation, depot, berth) and the units kept there. */
export interface Station {
  name: string;
  district: DistrictKey;
  /** Where its units start; for sea-rescue vessels this is the berth, on the water. */
  location: GeoPoint;
  fleets: readonly Fleet[];
}

// Ties each fleet's capabilities to its own type's vocabulary, which an array literal of Fleet would not.
function fleet<T extends UnitType>(type: T, count: number, ...capabilities: CapabilityOf<T>[]): Fleet<T> {
  return { type, count, capabilities };
}

function station(name: string, lat: number, lon: number, ...fleets: Fleet[]): Omit<Station, 'district'> {
  return { name, location: { lat, lon }, fleets };
}

function inDistrict(district: DistrictKey, stations: Omit<Station, 'district'>[]): Station[] {
  return stations.map((entry) => ({ ...entry, district }));
}

/**
 * The demo world's bases. Names follow Dalian's real services; positions are approximate and were chosen
 * to fall on land (vessels: on water) in Natural Earth 1:10m, which is what the platform checks against.
 * The dense central districts get more units than the outer counties.
 */
export const DALIAN_STATIONS: readonly Station[] = [
  // Zhongshan: old city centre and the port.
  ...inDistrict('zhongshan', [
    station('中山消防救援站', 38.917, 121.648,
      fleet('fire_engine', 2, 'water', 'foam'),
      fleet('ladder', 1, 'aerial_53m'),
      fleet('rescue', 1, 'extrication', 'rope', 'collapse'),
    ),
    station('港湾消防救援站', 38.9205, 121.656, fleet('fire_engine', 1, 'water')),
    station('大连市友谊医院急救站', 38.916, 121.642, fleet('ambulance', 2, 'als')),
    station('老虎滩急救站', 38.876, 121.677, fleet('ambulance', 1, 'bls')),
    station('中山公安分局', 38.9185, 121.644, fleet('police_patrol', 2, 'crowd_control')),
    station('老虎滩派出所', 38.8745, 121.674, fleet('police_patrol', 1)),
    station('中山交警大队', 38.913, 121.653, fleet('traffic_police', 2)),
    station('中山区市场监督管理局', 38.9155, 121.65, fleet('food_safety_inspection', 1, 'sampling')),
    station('大连燃气集团中山抢修站', 38.91, 121.66, fleet('utility_repair', 1, 'gas')),
    station('中山区应急志愿服务队', 38.905, 121.65, fleet('volunteer_team', 1, 'shelter', 'logistics')),
    station('北海救助局大连救助基地', 38.935, 121.66, fleet('sea_rescue_vessel', 2, 'sar', 'oil_boom')),
  ]),
  // Xigang: Renmin Square, the city hospitals and the city CDC.
  ...inDistrict('xigang', [
    station('西岗消防救援站', 38.914, 121.605, fleet('fire_engine', 2, 'water', 'foam'), fleet('ladder', 1, 'aerial_32m')),
    station('大医一院急救站', 38.9095, 121.619, fleet('ambulance', 2, 'als')),
    station('大连市急救中心', 38.92, 121.615, fleet('ambulance', 1, 'als')),
    station('西岗公安分局', 38.916, 121.61, fleet('police_patrol', 2, 'crowd_control')),
    station('西岗交警大队', 38.912, 121.6, fleet('traffic_police', 1)),
    station('大连市疾病预防控制中心', 38.908, 121.608, fleet('public_health_team', 2, 'epidemiology', 'sampling')),
    station('西岗区市场监督管理局', 38.913, 121.615, fleet('food_safety_inspection', 1, 'sampling')),
    station('大连市供水抢修中心', 38.918, 121.598, fleet('utility_repair', 1, 'water')),
  ]),
  // Shahekou: Xinghai Square and the university hospitals.
  ...inDistrict('shahekou', [
    station('沙河口消防救援站', 38.903, 121.585,
      fleet('fire_engine', 2, 'water', 'foam'),
      fleet('rescue', 1, 'extrication', 'water_rescue'),
    ),
    station('大连市中心医院急救站', 38.906, 121.576, fleet('ambulance', 2, 'als')),
    station('大医二院急救站', 38.902, 121.593, fleet('ambulance', 1, 'als')),
    station('沙河口公安分局', 38.905, 121.596, fleet('police_patrol', 1, 'crowd_control')),
    station('星海湾派出所', 38.882, 121.586, fleet('police_patrol', 1, 'crowd_control')),
    station('沙河口交警大队', 38.9, 121.57, fleet('traffic_police', 1)),
    station('沙河口区市场监督管理局', 38.907, 121.59, fleet('food_safety_inspection', 1, 'sampling')),
    station('国网大连供电公司抢修中心', 38.9, 121.58, fleet('utility_repair', 1, 'power')),
    station('大连蓝天救援队', 38.895, 121.565, fleet('volunteer_team', 1, 'shelter')),
  ]),
  // Ganjingzi: the airport, the Shenyang–Dalian expressway entrance and the petrochemical works.
  ...inDistrict('ganjingzi', [
    station('甘井子消防救援站', 38.956, 121.53, fleet('fire_engine', 1, 'water')),
    station('泉水消防救援站', 39.005, 121.615,
      fleet('fire_engine', 1, 'water'),
      fleet('ladder', 1, 'aerial_32m'),
      fleet('rescue', 1, 'extrication', 'rope'),
    ),
    station('石化特勤消防站', 38.965, 121.6, fleet('hazmat', 1, 'chemical', 'decon'), fleet('fire_engine', 1, 'foam')),
    station('周水子急救站', 38.96, 121.545, fleet('ambulance', 1, 'als')),
    station('甘井子区人民医院急救站', 38.958, 121.57, fleet('ambulance', 1, 'bls')),
    station('甘井子公安分局', 38.955, 121.56, fleet('police_patrol', 2, 'crowd_control')),
    station('甘井子交警大队', 38.97, 121.57, fleet('traffic_police', 1)),
    station('沈大高速后盐交警中队', 39.025, 121.635, fleet('traffic_police', 1)),
    station('大连燃气集团甘井子抢修站', 38.98, 121.59, fleet('utility_repair', 1, 'gas')),
  ]),
  // Jinzhou (Jinpu New Area): old Jinzhou town, the development zone, Dagushan petrochemical port, DD Port.
  ...inDistrict('jinzhou', [
    station('金州消防救援站', 39.093, 121.715, fleet('fire_engine', 1, 'water'), fleet('rescue', 1, 'extrication', 'rope')),
    station('开发区消防救援站', 39.05, 121.78, fleet('fire_engine', 1, 'water', 'foam')),
    station('大孤山特勤消防站', 38.975, 121.85, fleet('hazmat', 2, 'chemical', 'decon'), fleet('fire_engine', 1, 'foam')),
    station('金州区第一人民医院急救站', 39.09, 121.72, fleet('ambulance', 1, 'als')),
    station('开发区医院急救站', 39.055, 121.77, fleet('ambulance', 1, 'bls')),
    station('金州公安分局', 39.088, 121.71, fleet('police_patrol', 1)),
    station('开发区公安分局', 39.052, 121.79, fleet('police_patrol', 1, 'crowd_control')),
    station('金州交警大队', 39.07, 121.75, fleet('traffic_police', 1)),
    station('金普新区疾病预防控制中心', 39.06, 121.77, fleet('public_health_team', 1, 'epidemiology', 'sampling')),
    station('金普新区市场监督管理局', 39.048, 121.775, fleet('food_safety_inspection', 1, 'sampling')),
    station('国网金州供电抢修站', 39.08, 121.73, fleet('utility_repair', 1, 'power')),
    station('金州志愿救援队', 39.095, 121.725, fleet('volunteer_team', 1, 'shelter', 'logistics')),
    station('大窑湾港海上救助站', 39.035, 121.92, fleet('sea_rescue_vessel', 1, 'sar', 'oil_boom')),
  ]),
  // Lüshunkou: the naval port town at the tip of the peninsula.
  ...inDistrict('lushunkou', [
    station('旅顺消防救援站', 38.815, 121.265, fleet('fire_engine', 1, 'water'), fleet('rescue', 1, 'rope', 'water_rescue')),
    station('旅顺口区人民医院急救站', 38.813, 121.25, fleet('ambulance', 1, 'als')),
    station('旅顺口公安分局', 38.81, 121.26, fleet('police_patrol', 1)),
    station('旅顺交警大队', 38.82, 121.27, fleet('traffic_police', 1)),
  ]),
  // Pulandian.
  ...inDistrict('pulandian', [
    station('普兰店消防救援站', 39.395, 121.97, fleet('fire_engine', 1, 'water')),
    station('普兰店区中心医院急救站', 39.398, 121.96, fleet('ambulance', 1, 'bls')),
    station('普兰店公安分局', 39.392, 121.955, fleet('police_patrol', 1)),
    station('普兰店交警大队', 39.4, 121.965, fleet('traffic_police', 1)),
    station('普兰店区市场监督管理局', 39.39, 121.965, fleet('food_safety_inspection', 1, 'sampling')),
  ]),
  // Wafangdian.
  ...inDistrict('wafangdian', [
    station('瓦房店消防救援站', 39.627, 122.015, fleet('fire_engine', 1, 'water'), fleet('rescue', 1, 'extrication')),
    station('瓦房店市中心医院急救站', 39.63, 122.0, fleet('ambulance', 1, 'als')),
    station('瓦房店市公安局', 39.625, 122.005, fleet('police_patrol', 1)),
    station('瓦房店交警大队', 39.62, 122.01, fleet('traffic_police', 1)),
    station('瓦房店市疾病预防控制中心', 39.632, 122.01, fleet('public_health_team', 1, 'epidemiology', 'sampling')),
    station('瓦房店市市场监督管理局', 39.628, 122.005, fleet('food_safety_inspection', 1, 'sampling')),
  ]),
  // Zhuanghe.
  ...inDistrict('zhuanghe', [
    station('庄河消防救援站', 39.685, 122.97, fleet('fire_engine', 1, 'water')),
    station('庄河市中心医院急救站', 39.68, 122.96, fleet('ambulance', 1, 'als')),
    station('庄河市公安局', 39.683, 122.965, fleet('police_patrol', 1)),
    station('庄河交警大队', 39.69, 122.96, fleet('traffic_police', 1)),
    station('国网庄河供电抢修站', 39.69, 122.975, fleet('utility_repair', 1, 'power')),
    station('庄河志愿救援队', 39.685, 122.96, fleet('volunteer_team', 1, 'shelter')),
  ]),
  // Changhai: the county seat on Dachangshan island, reached by sea.
  ...inDistrict('changhai', [
    station('长海县消防救援大队', 39.273, 122.59, fleet('fire_engine', 1, 'water')),
    station('长海县人民医院急救站', 39.272, 122.585, fleet('ambulance', 1, 'als')),
    station('长海县公安局', 39.271, 122.588, fleet('police_patrol', 1)),
    station('长海县海上搜救站', 39.255, 122.575, fleet('sea_rescue_vessel', 2, 'sar')),
  ]),
];
