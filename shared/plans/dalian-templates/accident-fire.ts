import type { PlanTemplate } from '../template.js';
import { act, activateCommand, issuePublicWarning, need, reportUpward, text } from './authoring.js';

/** Building and petrochemical fires: Dalian's fire and rescue run cards, by level. */

const buildingFireTermination = [
  text('明火扑灭且经复查无复燃风险', 'Fire extinguished and re-checked with no risk of rekindling'),
  text('被困人员全部救出并移交医疗救治', 'All trapped persons rescued and handed over for medical care'),
  text('建筑结构安全评估完成，现场移交属地', 'Structural safety assessed and the scene handed back to the district'),
];

export const buildingFire: PlanTemplate = {
  id: 'PLAN-BUILDING-FIRE',
  revision: 1,
  name: text('建筑火灾处置预案（较大、一般）', 'Building fire (levels III–IV)'),
  match: { category: 'accident', subtypes: ['building_fire'], levels: ['III', 'IV'] },
  responseLevel: 3,
  leadAgency: 'fire_rescue',
  supportingAgencies: ['health_emergency', 'public_security', 'utilities'],
  requirements: [
    need('fire_engine', 3, 'water'),
    need('ladder', 1, 'aerial_32m'),
    need('rescue', 1, 'rope'),
    need('ambulance', 1, 'als'),
    need('police_patrol', 1),
  ],
  actions: [
    act('dispatch-first-alarm', '调派第一出动力量', 'Dispatch the first-alarm assignment', 'dispatcher', 1),
    activateCommand('启动三级响应，明确现场指挥员', 'Activate the level 3 response and name the incident commander'),
    act('set-cordon', '设置警戒区，疏散围观人员', 'Set the cordon and move bystanders out', 'public_security', 15),
    act('search-and-rescue', '开展内攻搜救，核实被困人数', 'Search the building and confirm how many are trapped', 'fire_rescue', 15),
    act('isolate-utilities', '切断着火建筑电源和燃气', 'Cut power and gas to the burning building', 'utilities', 20),
    act('triage-casualties', '现场检伤分类并转运伤员', 'Triage casualties and transport them to hospital', 'health_emergency', 30),
  ],
  notifications: ['emergency_management', 'health_emergency'],
  cordonRadiusM: 50,
  evacuationRadiusM: 100,
  publicWarning: text(
    '当前该建筑发生火灾，请周边居民关闭门窗、远离现场，服从现场人员指挥。',
    'A building fire is in progress. Nearby residents should close windows, keep away and follow responders.',
  ),
  terminationConditions: buildingFireTermination,
};

export const buildingFireMajor: PlanTemplate = {
  id: 'PLAN-BUILDING-FIRE-MAJOR',
  revision: 1,
  name: text('建筑火灾处置预案（特别重大、重大）', 'Building fire (levels I–II)'),
  match: { category: 'accident', subtypes: ['building_fire'], levels: ['I', 'II'] },
  responseLevel: 1,
  leadAgency: 'fire_rescue',
  supportingAgencies: ['health_emergency', 'public_security', 'traffic_police', 'utilities', 'emergency_management'],
  requirements: [
    need('fire_engine', 8, 'water'),
    need('ladder', 2, 'aerial_53m'),
    need('ladder', 1, 'aerial_32m'),
    need('rescue', 2, 'rope'),
    need('ambulance', 4, 'als'),
    need('ambulance', 2, 'bls'),
    need('police_patrol', 3, 'crowd_control'),
    need('traffic_police', 2),
    need('utility_repair', 1, 'power'),
    need('utility_repair', 1, 'gas'),
  ],
  actions: [
    act('dispatch-first-alarm', '调派第一出动力量并同步增援', 'Dispatch the first alarm and call reinforcements at once', 'dispatcher', 1),
    activateCommand('启动一级响应，成立现场指挥部', 'Activate the level 1 response and set up the field command post'),
    act('set-cordon', '设置警戒区并组织周边建筑疏散', 'Set the cordon and evacuate neighbouring buildings', 'public_security', 15),
    act('search-and-rescue', '分区搜救，核实被困和失联人数', 'Search by sector; confirm trapped and missing persons', 'fire_rescue', 15),
    act('isolate-utilities', '切断电源和燃气，保障消防供水', 'Cut power and gas; secure water supply for firefighting', 'utilities', 20),
    act('traffic-control', '实施交通管制，开辟救援通道', 'Close roads and open an access corridor for responders', 'traffic_police', 20),
    act('triage-casualties', '设立伤员集结点，检伤分类并分流医院', 'Set up a casualty point, triage and spread patients over hospitals', 'health_emergency', 30),
    reportUpward(60),
    issuePublicWarning(60),
  ],
  notifications: ['emergency_management', 'health_emergency', 'public_security', 'volunteers'],
  cordonRadiusM: 100,
  evacuationRadiusM: 300,
  publicWarning: text(
    '该区域发生重大建筑火灾，周边300米内人员请立即撤离，其他车辆请绕行。',
    'A major building fire is in progress. Leave the area within 300 m now; drivers should avoid the area.',
  ),
  terminationConditions: buildingFireTermination,
};

const petrochemicalTermination = [
  text('火灾扑灭，储罐和管线完成冷却且无复燃、爆炸风险', 'Fire out; tanks and pipelines cooled with no risk of rekindling or explosion'),
  text('可燃和有毒气体监测连续达标', 'Flammable and toxic gas readings stay within limits'),
  text('泄漏物料收集处置完毕，无次生环境污染', 'Released product collected with no secondary pollution'),
];

export const petrochemicalFire: PlanTemplate = {
  id: 'PLAN-PETROCHEMICAL-FIRE',
  revision: 1,
  name: text('石油化工火灾爆炸处置预案（较大、一般）', 'Petrochemical fire or explosion (levels III–IV)'),
  match: { category: 'accident', subtypes: ['petrochemical_fire'], levels: ['III', 'IV'] },
  responseLevel: 3,
  leadAgency: 'fire_rescue',
  supportingAgencies: ['health_emergency', 'public_security', 'emergency_management'],
  requirements: [
    need('fire_engine', 4, 'foam'),
    need('fire_engine', 2, 'water'),
    need('hazmat', 1, 'chemical'),
    need('ambulance', 2, 'als'),
    need('police_patrol', 1),
  ],
  actions: [
    act('dispatch-first-alarm', '调派泡沫消防车和危化品处置力量', 'Dispatch foam engines and hazmat teams', 'dispatcher', 1),
    activateCommand('启动三级响应，通知企业启动厂内预案', 'Activate the level 3 response; have the plant start its own plan'),
    act('set-cordon', '按上风向设置警戒区，禁止火源进入', 'Set the cordon upwind and keep ignition sources out', 'public_security', 15),
    act('monitor-gas', '监测可燃和有毒气体浓度', 'Monitor flammable and toxic gas concentrations', 'fire_rescue', 20),
    act('cool-adjacent-tanks', '冷却着火罐及邻近储罐', 'Cool the burning tank and its neighbours', 'fire_rescue', 20),
    act('triage-casualties', '现场检伤并转运烧伤、中毒伤员', 'Triage and transport burn and poisoning casualties', 'health_emergency', 30),
  ],
  notifications: ['emergency_management', 'cdc'],
  cordonRadiusM: 300,
  evacuationRadiusM: 1000,
  publicWarning: text(
    '该区域发生石化火灾，周边1公里内人员请关闭门窗、听从疏散指挥。',
    'A petrochemical fire is in progress. Within 1 km, close windows and follow evacuation instructions.',
  ),
  terminationConditions: petrochemicalTermination,
};

export const petrochemicalFireMajor: PlanTemplate = {
  id: 'PLAN-PETROCHEMICAL-FIRE-MAJOR',
  revision: 1,
  name: text('石油化工火灾爆炸处置预案（特别重大、重大）', 'Petrochemical fire or explosion (levels I–II)'),
  match: { category: 'accident', subtypes: ['petrochemical_fire'], levels: ['I', 'II'] },
  responseLevel: 1,
  leadAgency: 'fire_rescue',
  supportingAgencies: ['health_emergency', 'public_security', 'traffic_police', 'emergency_management', 'cdc'],
  requirements: [
    need('fire_engine', 10, 'foam'),
    need('fire_engine', 4, 'water'),
    need('ladder', 1, 'aerial_53m'),
    need('hazmat', 2, 'chemical'),
    need('hazmat', 1, 'decon'),
    need('ambulance', 4, 'als'),
    need('police_patrol', 3, 'crowd_control'),
    need('traffic_police', 2),
  ],
  actions: [
    act('dispatch-first-alarm', '调派全勤泡沫力量并请求跨区增援', 'Dispatch all foam units and request cross-district reinforcement', 'dispatcher', 1),
    activateCommand('启动一级响应，成立现场指挥部', 'Activate the level 1 response and set up the field command post'),
    act('set-cordon', '按上风向设置警戒区，禁止火源进入', 'Set the cordon upwind and keep ignition sources out', 'public_security', 15),
    act('monitor-gas', '布设可燃、有毒气体监测点', 'Place flammable and toxic gas monitors around the site', 'fire_rescue', 20),
    act('cool-adjacent-tanks', '冷却着火罐及邻近储罐，关阀断料', 'Cool burning and nearby tanks; close valves to cut the feed', 'fire_rescue', 20),
    act('evacuate-residents', '组织下风向居民疏散', 'Evacuate residents downwind', 'public_security', 30),
    act('traffic-control', '封闭周边道路，开辟救援通道', 'Close surrounding roads and open an access corridor', 'traffic_police', 30),
    act('decontaminate', '设置洗消点，对撤出人员洗消', 'Set up decontamination for everyone leaving the hot zone', 'fire_rescue', 45),
    reportUpward(60),
    issuePublicWarning(60),
  ],
  notifications: ['emergency_management', 'cdc', 'health_emergency', 'maritime_rescue', 'volunteers'],
  cordonRadiusM: 500,
  evacuationRadiusM: 3000,
  publicWarning: text(
    '该区域发生重大石化火灾爆炸事故，周边3公里内居民请按指引向上风向撤离，关闭门窗。',
    'A major petrochemical fire or explosion. Within 3 km, move upwind as directed and keep windows shut.',
  ),
  terminationConditions: petrochemicalTermination,
};

/**
 * Dagushan peninsula: Dalian Xingang's crude terminal and tank farms (the 2010 "7·16" pipeline
 * explosion). Tanks stand close together and spill into the sea, so even a level III fire there is met
 * with a level 1 response and booms on the water. Centre approximate.
 */
export const petrochemicalFireDagushan: PlanTemplate = {
  ...petrochemicalFireMajor,
  id: 'PLAN-PETROCHEMICAL-FIRE-DAGUSHAN',
  name: text('大孤山石化区火灾爆炸专项预案', 'Dagushan petrochemical zone fire or explosion'),
  match: {
    category: 'accident',
    subtypes: ['petrochemical_fire'],
    levels: ['I', 'II', 'III'],
    area: { kind: 'circle', centre: { lat: 38.97, lon: 121.89 }, radiusKm: 6 },
  },
  supportingAgencies: [...petrochemicalFireMajor.supportingAgencies, 'maritime_rescue'],
  requirements: [...petrochemicalFireMajor.requirements, need('sea_rescue_vessel', 2, 'oil_boom')],
  actions: [
    ...petrochemicalFireMajor.actions.slice(0, 5),
    act('boom-harbour', '在码头前沿布设围油栏，防止油品入海', 'Lay booms along the quay to keep oil out of the sea', 'maritime_rescue', 30),
    ...petrochemicalFireMajor.actions.slice(5),
  ],
  notifications: ['emergency_management', 'cdc', 'health_emergency', 'volunteers'],
  evacuationRadiusM: 5000,
  publicWarning: text(
    '大孤山石化区发生火灾爆炸事故，半岛及周边5公里内人员请按指引向上风向撤离，船舶远离港区水域。',
    'Fire or explosion in the Dagushan petrochemical zone. Within 5 km, move upwind as directed; vessels keep clear of the port.',
  ),
};
