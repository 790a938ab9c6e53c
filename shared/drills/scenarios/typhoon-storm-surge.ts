import type { Scenario } from '../scenario.js';
import { callReport } from './authoring.js';

/**
 * A typhoon brings a storm surge onto Dalian's coast: seawater over the Jinshitan seawall (Jinzhou),
 * flooded streets by Lüshun harbour, Binhai Road shut by waves (Zhongshan) and sea-farm workers cut
 * off in the Changhai islands. It trains the typhoon plans and spreading scarce water-rescue units over
 * several coastal incidents at once. Every position is on land (tested).
 */
export const typhoonStormSurge: Scenario = {
  id: 'typhoon-storm-surge',
  name: { zh: '台风风暴潮沿海多点受灾', en: 'Typhoon storm surge along the coast' },
  description: {
    zh: '强台风北上影响大连，风暴潮叠加天文大潮，金州、旅顺口、中山沿海和长海县多点受淹。',
    en: 'A strong typhoon moves north over Dalian; the surge on top of a spring tide floods Jinzhou, Lüshunkou, the Zhongshan coast and the Changhai islands.',
  },
  startsAt: '2025-08-11T05:00:00+08:00',
  area: { kind: 'bbox', south: 38.75, west: 121.15, north: 39.35, east: 122.7 },
  expectedPlans: ['PLAN-TYPHOON-STORM-SURGE', 'PLAN-TYPHOON-STORM-SURGE-MAJOR'],
  durationMinutes: 120,
  onSceneMinutes: 50,
  injects: [
    {
      id: 'surge-warning',
      atMinute: 0,
      kind: 'incident',
      ref: 'typhoon',
      description: '市气象台发布台风橙色预警和风暴潮预警 / The city weather service issues an orange typhoon and storm-surge warning',
      report: callReport('natural', 'typhoon', 'III', { lat: 38.914, lon: 121.614 }, {
        address: '大连市防汛抗旱指挥部 Dalian flood-control headquarters',
        description: '台风预计6小时内影响我市，沿海增水1.2米 / Typhoon expected within 6 h; surge of 1.2 m along the coast',
        caller: '市气象台 city weather service',
        phone: '12121',
      }),
    },
    {
      id: 'jinshitan-seawall',
      atMinute: 12,
      kind: 'incident',
      ref: 'jinshitan-surge',
      description: '金石滩渔村村民报警：海水漫过海堤 / Jinshitan villager: the sea is coming over the seawall',
      report: callReport('natural', 'storm_surge', 'III', { lat: 39.07, lon: 122.0 }, {
        address: '金州区金石滩街道渔村 Fishing village, Jinshitan, Jinzhou',
        description: '海水漫堤，三十多户进水，有老人被困 / Seawater over the wall, 30 homes flooded, elderly residents trapped',
        caller: '村委会 village committee',
        phone: '13800000001',
      }),
    },
    {
      id: 'lushun-streets',
      atMinute: 25,
      kind: 'incident',
      ref: 'lushun-flooding',
      description: '旅顺港周边低洼街道积水 / Low streets by Lüshun harbour are flooding',
      report: callReport('natural', 'storm_surge', 'IV', { lat: 38.805, lon: 121.24 }, {
        address: '旅顺口区港湾街 Harbour Street, Lüshunkou',
        description: '积水齐膝，车辆熄火，商户被困 / Knee-deep water, cars stalled, shopkeepers stranded',
        caller: '社区网格员 community worker',
        phone: '13800000002',
        casualties: 1,
      }),
    },
    {
      id: 'binhai-road-waves',
      atMinute: 35,
      kind: 'road-closed',
      location: { lat: 38.885, lon: 121.69 },
      description: '滨海路棒棰岛段巨浪上岸，道路封闭 / Waves over Binhai Road at Bangchuidao: the road is closed',
    },
    {
      id: 'seawall-breach',
      atMinute: 45,
      kind: 'escalate',
      ref: 'jinshitan-surge',
      level: 'II',
      reason: '海堤决口，淹没范围扩大 / The seawall has breached and the flooding spreads',
      description: '金石滩海堤决口 / The Jinshitan seawall breaches',
    },
    {
      id: 'changhai-rafts',
      atMinute: 60,
      kind: 'related-incident',
      ref: 'changhai-farms',
      relatedTo: 'typhoon',
      description: '长海县报告养殖人员未能上岸 / Changhai county: sea-farm workers have not come ashore',
      report: callReport('natural', 'storm_surge', 'III', { lat: 39.272, lon: 122.588 }, {
        address: '长海县大长山岛镇码头 Quay of Dachangshan town, Changhai',
        description: '码头被淹，四十名养殖人员滞留筏架和小岛 / Quay flooded; 40 sea-farm workers stranded on rafts and islets',
        caller: '长海县应急管理局 Changhai emergency bureau',
        phone: '0411-89880000',
      }),
    },
    {
      id: 'rescue-truck-flooded',
      atMinute: 75,
      kind: 'unit-breakdown',
      unit: { unitType: 'rescue', nearRef: 'jinshitan-surge' },
      description: '一辆抢险救援车涉水熄火 / A rescue truck stalls in deep water',
    },
    {
      id: 'lushun-injuries',
      atMinute: 90,
      kind: 'casualties',
      ref: 'lushun-flooding',
      add: 3,
      description: '旅顺又有三人被困受伤 / Three more people trapped and injured in Lüshun',
    },
    {
      id: 'typhoon-strengthens',
      atMinute: 105,
      kind: 'escalate',
      ref: 'typhoon',
      level: 'II',
      reason: '台风加强，预警升为红色 / The typhoon strengthens; the warning goes to red',
      description: '台风预警升为红色 / The typhoon warning is raised to red',
    },
  ],
};
