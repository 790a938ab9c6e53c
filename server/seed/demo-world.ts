import { UNIT_TYPE_INFO, type UnitType } from '../../shared/domain/units.js';
import type { Role } from '../../shared/domain/roles.js';
import type { CommandPayload } from '../../shared/protocol/commands.js';
import type { EventData } from '../../shared/protocol/events.js';
import { DALIAN_DISTRICTS, DALIAN_STATIONS, type Fleet } from './dalian-stations.js';

/** What the seed registers for one unit: the data of its `unit:registered` event. */
export type UnitRegistration = EventData<'unit:registered'>;

/** An open incident of the demo world, reported (and perhaps verified and dispatched) when the world is seeded. */
export type DemoIncident = Omit<CommandPayload<'incident:report'>, 'idempotencyKey'> & {
  /** Stable name, so the seed can build idempotency keys that make re-seeding a no-op. */
  key: string;
  /** The few incidents that happen on the water (an oil spill); every other one is on land. */
  atSea?: boolean;
  verify?: boolean;
  /** Units to dispatch to it; a unit appears in at most one incident. */
  dispatchUnitIds?: string[];
};

/** A demo login. Field users are bound to the unit whose status buttons they press. */
export interface DemoUser {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  unitId: string | null;
}

/** Per unit type: the code in unit ids, the letter(s) in call signs and the Chinese vehicle name. */
const TYPE_LABELS = {
  fire_engine: { idCode: 'FE', callSign: 'E', zh: '水罐车' },
  ladder: { idCode: 'LD', callSign: 'L', zh: '登高平台车' },
  rescue: { idCode: 'RS', callSign: 'R', zh: '抢险救援车' },
  hazmat: { idCode: 'HZ', callSign: 'HZ', zh: '危化品处置车' },
  ambulance: { idCode: 'AM', callSign: 'A', zh: '救护车' },
  police_patrol: { idCode: 'PP', callSign: 'P', zh: '巡逻车' },
  traffic_police: { idCode: 'TP', callSign: 'T', zh: '交警巡逻车' },
  public_health_team: { idCode: 'PH', callSign: 'PH', zh: '流调采样组' },
  food_safety_inspection: { idCode: 'FS', callSign: 'FS', zh: '食品安全检查组' },
  sea_rescue_vessel: { idCode: 'SV', callSign: 'V', zh: '救助船' },
  utility_repair: { idCode: 'UT', callSign: 'U', zh: '抢修车' },
  volunteer_team: { idCode: 'VT', callSign: 'VT', zh: '志愿救援分队' },
} as const satisfies Record<UnitType, { idCode: string; callSign: string; zh: string }>;

// A foam-only engine is a foam tender, not a water tender; the name should say which arrives.
function vehicleName(fleet: Fleet): string {
  if (fleet.type === 'fire_engine' && !fleet.capabilities.includes('water')) return '泡沫车';
  return TYPE_LABELS[fleet.type].zh;
}

/**
 * The demo fleet, generated from the station list. Ids are `U-<type>-<district>-<nn>` (e.g. `U-FE-ZS-01`)
 * and call signs `<district>-<type><n>` (e.g. `ZS-E1`), numbered per district and type in station order,
 * so the same list always yields the same ids.
 */
export function demoUnits(): UnitRegistration[] {
  const districtCode = new Map<string, string>(DALIAN_DISTRICTS.map((district) => [district.key, district.code]));
  const perDistrictAndType = new Map<string, number>();
  const units: UnitRegistration[] = [];
  for (const station of DALIAN_STATIONS) {
    const code = districtCode.get(station.district);
    if (!code) throw new Error(`station ${station.name} names unknown district ${station.district}`);
    for (const fleet of station.fleets) {
      const labels = TYPE_LABELS[fleet.type];
      for (let inStation = 1; inStation <= fleet.count; inStation++) {
        const counterKey = `${code}:${fleet.type}`;
        const n = (perDistrictAndType.get(counterKey) ?? 0) + 1;
        perDistrictAndType.set(counterKey, n);
        units.push({
          unitId: `U-${labels.idCode}-${code}-${String(n).padStart(2, '0')}`,
          callSign: `${code}-${labels.callSign}${n}`,
          name: `${station.name} ${vehicleName(fleet)}${inStation}`,
          type: fleet.type,
          agency: UNIT_TYPE_INFO[fleet.type].agency,
          district: station.district,
          stationName: station.name,
          home: { ...station.location },
          capabilities: [...fleet.capabilities],
        });
      }
    }
  }
  return units;
}

/**
 * Six open incidents covering the four categories, placed where such things happen in Dalian. Some are
 * verified and dispatched to, one is only reported, so a demo starts mid-shift with work to do.
 */
export function demoIncidents(): DemoIncident[] {
  return [
    {
      key: 'zhongshan-residential-fire',
      category: 'accident',
      subtype: 'building_fire',
      level: 'III',
      location: { lat: 38.9195, lon: 121.6405 },
      address: '中山区天津街 住宅楼12层',
      description:
        '高层住宅12层起火，浓烟进入楼道，有居民被困。' +
        'High-rise flat fire on the 12th floor, smoke in the stairwell, residents trapped.',
      caller: { name: '刘女士', phone: '13800000001' },
      casualties: 2,
      verify: true,
      dispatchUnitIds: ['U-FE-ZS-01', 'U-FE-ZS-02', 'U-LD-ZS-01', 'U-AM-ZS-01', 'U-PP-ZS-01'],
    },
    {
      key: 'ganjingzi-expressway-collision',
      category: 'accident',
      subtype: 'road_traffic',
      level: 'III',
      location: { lat: 39.02, lon: 121.64 },
      address: '甘井子区 沈大高速后盐收费站北侧（大连方向）',
      description:
        '三车追尾，一辆小客车起火，5人受伤，其中2人被困车内。' +
        'Three-car rear-end collision, one car burning, 5 injured, 2 trapped.',
      caller: { name: '王先生', phone: '13800000002' },
      casualties: 5,
      verify: true,
      dispatchUnitIds: ['U-TP-GJZ-02', 'U-FE-GJZ-02', 'U-RS-GJZ-01', 'U-AM-GJZ-01', 'U-AM-GJZ-02'],
    },
    {
      key: 'jinzhou-school-food-poisoning',
      category: 'public_health',
      subtype: 'food_poisoning',
      level: 'III',
      location: { lat: 39.085, lon: 121.72 },
      address: '金州区 某中学学生食堂',
      description: '午餐后23名学生出现呕吐、腹痛、腹泻。23 pupils vomiting with abdominal pain after school lunch.',
      caller: { name: '学校校医 陈老师', phone: '0411-80000003' },
      casualties: 23,
      verify: true,
      dispatchUnitIds: ['U-AM-JZ-01', 'U-AM-JZ-02', 'U-PH-JZ-01', 'U-FS-JZ-01'],
    },
    {
      key: 'xinghai-square-crowd',
      category: 'social_security',
      subtype: 'crowd_crush',
      level: 'IV',
      location: { lat: 38.88, lon: 121.588 },
      address: '沙河口区 星海广场南侧',
      description:
        '灯光秀散场人流拥挤，有人摔倒，2人轻伤。' +
        'Crowd surge as a light show ends, people fell, 2 slightly hurt.',
      caller: { name: '赵先生', phone: '13800000004' },
      casualties: 2,
      dispatchUnitIds: ['U-PP-SHK-02'],
    },
    {
      key: 'xigang-underpass-flooding',
      category: 'natural',
      subtype: 'rainstorm',
      level: 'IV',
      location: { lat: 38.918, lon: 121.602 },
      address: '西岗区 下穿通道',
      description:
        '暴雨致下穿通道积水约1.2米，2辆小客车熄火，车内有人。' +
        'Underpass flooded about 1.2 m deep, two stalled cars with people inside.',
      caller: { name: '孙女士', phone: '13800000005' },
      casualties: 0,
    },
    {
      key: 'dayaowan-oil-spill',
      category: 'accident',
      subtype: 'oil_spill',
      level: 'III',
      location: { lat: 39.02, lon: 121.935 },
      address: '大窑湾港外锚地',
      description:
        '一艘油轮燃油泄漏，海面油带长约500米。' +
        'A tanker is leaking bunker fuel; an oil slick about 500 m long.',
      caller: { name: '大窑湾港调度', phone: '0411-80000006' },
      casualties: 0,
      atSea: true,
      verify: true,
      dispatchUnitIds: ['U-SV-JZ-01', 'U-SV-ZS-01'],
    },
  ];
}

/** The `incident:report` payload of a demo incident, without the seed's own fields (the command schema is strict). */
export function demoIncidentReport(incident: DemoIncident): Omit<CommandPayload<'incident:report'>, 'idempotencyKey'> {
  const { category, subtype, level, location, address, description, caller, casualties } = incident;
  return { category, subtype, level, location, address, description, caller, casualties };
}

const STAFF_ACCOUNTS: readonly DemoUser[] = [
  { username: 'dispatcher', password: 'dispatcher-demo', displayName: '调度员 王敏', role: 'dispatcher', unitId: null },
  { username: 'dispatcher2', password: 'dispatcher-demo', displayName: '调度员 李强', role: 'dispatcher', unitId: null },
  { username: 'supervisor', password: 'supervisor-demo', displayName: '值班长 张伟', role: 'supervisor', unitId: null },
  { username: 'instructor', password: 'instructor-demo', displayName: '演练教官 赵静', role: 'instructor', unitId: null },
  { username: 'admin', password: 'admin-demo', displayName: '系统管理员', role: 'admin', unitId: null },
  { username: 'viewer', password: 'viewer-demo', displayName: '观察员', role: 'viewer', unitId: null },
];

/** Demo logins: one per staff role, plus `field-<unit id in lower case>` (password `field-demo`) per unit. */
export function demoUsers(units: readonly UnitRegistration[]): DemoUser[] {
  const fieldAccounts = units.map((unit): DemoUser => ({
    username: `field-${unit.unitId.toLowerCase()}`,
    password: 'field-demo',
    displayName: `${unit.callSign} ${unit.name}`,
    role: 'field',
    unitId: unit.unitId,
  }));
  return [...STAFF_ACCOUNTS.map((account) => ({ ...account })), ...fieldAccounts];
}
