import type { PlanTemplate } from '../template.js';
import { act, activateCommand, issuePublicWarning, need, reportUpward, text } from './authoring.js';

/** Releases of hazardous chemicals on land and of oil at sea. */

const chemicalLeakTermination = [
  text('泄漏源已封堵，泄漏物收集转移完毕', 'Leak source sealed and released material collected and removed'),
  text('警戒区内有毒气体浓度连续监测达标', 'Toxic gas readings inside the cordon stay within limits'),
  text('中毒人员全部救治，疏散群众安全返回', 'All poisoned persons treated and evacuees safely returned'),
];

export const chemicalLeak: PlanTemplate = {
  id: 'PLAN-CHEMICAL-LEAK',
  revision: 1,
  name: text('危险化学品泄漏处置预案（较大、一般）', 'Hazardous chemical leak (levels III–IV)'),
  match: { category: 'accident', subtypes: ['chemical_leak'], levels: ['III', 'IV'] },
  responseLevel: 3,
  leadAgency: 'fire_rescue',
  supportingAgencies: ['health_emergency', 'public_security', 'emergency_management'],
  requirements: [
    need('hazmat', 1, 'chemical'),
    need('hazmat', 1, 'decon'),
    need('fire_engine', 2, 'water'),
    need('ambulance', 1, 'als'),
    need('police_patrol', 1),
  ],
  actions: [
    act('dispatch-first-alarm', '调派危化品处置和洗消力量', 'Dispatch hazmat and decontamination teams', 'dispatcher', 1),
    activateCommand('启动三级响应，查明泄漏物名称和数量', 'Activate the level 3 response; identify the substance and quantity'),
    act('set-cordon', '按侦检结果划定警戒区，上风向进入', 'Set the cordon from detector readings; approach from upwind', 'public_security', 15),
    act('monitor-gas', '持续侦检有毒气体浓度', 'Keep measuring toxic gas concentrations', 'fire_rescue', 15),
    act('contain-leak', '关阀、堵漏，设置水幕稀释', 'Close valves, plug the leak and set water curtains', 'fire_rescue', 30),
    act('decontaminate', '设置洗消点，对人员和装备洗消', 'Decontaminate people and equipment at a wash point', 'fire_rescue', 30),
    act('treat-poisoning', '现场救治中毒人员并转运', 'Treat poisoning casualties on scene and transport them', 'health_emergency', 30),
  ],
  notifications: ['emergency_management', 'cdc', 'health_emergency'],
  cordonRadiusM: 200,
  evacuationRadiusM: 800,
  publicWarning: text(
    '该区域发生危险化学品泄漏，周边800米内人员请关闭门窗、用湿毛巾掩住口鼻，向上风向撤离。',
    'Hazardous chemical leak. Within 800 m, close windows, cover nose and mouth with a wet cloth and move upwind.',
  ),
  terminationConditions: chemicalLeakTermination,
};

export const chemicalLeakMajor: PlanTemplate = {
  id: 'PLAN-CHEMICAL-LEAK-MAJOR',
  revision: 1,
  name: text('危险化学品泄漏处置预案（特别重大、重大）', 'Hazardous chemical leak (levels I–II)'),
  match: { category: 'accident', subtypes: ['chemical_leak'], levels: ['I', 'II'] },
  responseLevel: 1,
  leadAgency: 'fire_rescue',
  supportingAgencies: ['health_emergency', 'public_security', 'traffic_police', 'emergency_management', 'cdc'],
  requirements: [
    need('hazmat', 3, 'chemical'),
    need('hazmat', 2, 'decon'),
    need('fire_engine', 4, 'water'),
    need('ambulance', 4, 'als'),
    need('ambulance', 2, 'bls'),
    need('police_patrol', 3, 'crowd_control'),
    need('traffic_police', 2),
    need('public_health_team', 1, 'sampling'),
  ],
  actions: [
    act('dispatch-first-alarm', '调派全部危化品处置力量', 'Dispatch every available hazmat team', 'dispatcher', 1),
    activateCommand('启动一级响应，成立现场指挥部', 'Activate the level 1 response and set up the field command post'),
    act('set-cordon', '划定核心区、缓冲区并设置警戒', 'Mark hot and warm zones and set the cordon', 'public_security', 15),
    act('monitor-gas', '在下风向布设监测点并定时通报', 'Place downwind monitors and report readings on a schedule', 'fire_rescue', 15),
    act('evacuate-residents', '组织下风向居民疏散安置', 'Evacuate and shelter residents downwind', 'public_security', 30),
    act('contain-leak', '关阀、堵漏、输转，设置水幕稀释', 'Close valves, plug, transfer product and set water curtains', 'fire_rescue', 30),
    act('traffic-control', '封闭周边道路，禁止无关车辆进入', 'Close surrounding roads to all but responders', 'traffic_police', 30),
    act('decontaminate', '设置洗消站，对人员和装备洗消', 'Run a decontamination station for people and equipment', 'fire_rescue', 45),
    act('sample-environment', '采集空气、水体样品检测', 'Sample air and water for laboratory analysis', 'cdc', 60),
    reportUpward(60),
    issuePublicWarning(60),
  ],
  notifications: ['emergency_management', 'cdc', 'health_emergency', 'maritime_rescue', 'volunteers'],
  cordonRadiusM: 500,
  evacuationRadiusM: 2000,
  publicWarning: text(
    '该区域发生重大危险化学品泄漏，周边2公里内居民请立即向上风向撤离，关闭门窗和空调。',
    'Major hazardous chemical leak. Within 2 km, move upwind now; close windows and switch off air conditioning.',
  ),
  terminationConditions: chemicalLeakTermination,
};

const oilSpillTermination = [
  text('溢油源已控制，海面油膜回收完毕', 'Spill source controlled and surface oil recovered'),
  text('岸线清污完成，敏感区域监测达标', 'Shoreline cleaned and sensitive areas monitored within limits'),
];

export const oilSpill: PlanTemplate = {
  id: 'PLAN-OIL-SPILL',
  revision: 1,
  name: text('海上溢油处置预案（较大、一般）', 'Oil spill at sea (levels III–IV)'),
  match: { category: 'accident', subtypes: ['oil_spill'], levels: ['III', 'IV'] },
  responseLevel: 3,
  leadAgency: 'maritime_rescue',
  supportingAgencies: ['emergency_management', 'volunteers'],
  requirements: [
    need('sea_rescue_vessel', 2, 'oil_boom'),
    need('sea_rescue_vessel', 1, 'sar'),
    need('volunteer_team', 1, 'logistics'),
  ],
  actions: [
    act('dispatch-vessels', '调派围油栏船和搜救船', 'Dispatch boom-laying and search-and-rescue vessels', 'dispatcher', 5),
    activateCommand('启动三级响应，核实溢油源、油品和数量', 'Activate the level 3 response; confirm source, oil type and volume', 10),
    act('control-source', '责令责任船舶或设施控制溢油源', 'Order the vessel or facility to stop the release', 'maritime_rescue', 30),
    act('set-sea-exclusion', '发布航行警告，设置海上禁航区', 'Broadcast a navigation warning and set a no-go zone', 'maritime_rescue', 30),
    act('lay-booms', '布设围油栏围控油带', 'Lay booms around the slick', 'maritime_rescue', 60),
    act('track-slick', '跟踪漂移并预测登岸位置', 'Track drift and forecast where oil will come ashore', 'maritime_rescue', 90),
  ],
  notifications: ['emergency_management', 'cdc'],
  cordonRadiusM: 500,
  evacuationRadiusM: 500,
  publicWarning: text(
    '该海域发生溢油，请过往船舶绕行，沿岸居民和游客请勿下海、勿接触油污。',
    'Oil spill in these waters. Vessels keep clear; residents and visitors stay out of the sea and avoid the oil.',
  ),
  terminationConditions: oilSpillTermination,
};

export const oilSpillMajor: PlanTemplate = {
  id: 'PLAN-OIL-SPILL-MAJOR',
  revision: 1,
  name: text('海上溢油处置预案（特别重大、重大）', 'Oil spill at sea (levels I–II)'),
  match: { category: 'accident', subtypes: ['oil_spill'], levels: ['I', 'II'] },
  responseLevel: 1,
  leadAgency: 'maritime_rescue',
  supportingAgencies: ['emergency_management', 'fire_rescue', 'volunteers', 'cdc'],
  requirements: [
    need('sea_rescue_vessel', 6, 'oil_boom'),
    need('sea_rescue_vessel', 2, 'sar'),
    need('hazmat', 1, 'chemical'),
    need('volunteer_team', 4, 'logistics'),
  ],
  actions: [
    act('dispatch-vessels', '调派全部围油栏船并请求周边港口支援', 'Dispatch every boom vessel and ask neighbouring ports for help', 'dispatcher', 5),
    activateCommand('启动一级响应，成立海上溢油应急指挥部', 'Activate the level 1 response and set up the spill command post', 10),
    act('control-source', '控制溢油源，必要时组织过驳', 'Stop the release; lighter the cargo if needed', 'maritime_rescue', 30),
    act('set-sea-exclusion', '发布航行警告，设置海上禁航区', 'Broadcast a navigation warning and set a no-go zone', 'maritime_rescue', 30),
    act('lay-booms', '多层布设围油栏，优先保护养殖区和浴场', 'Lay layered booms; protect fish farms and beaches first', 'maritime_rescue', 60),
    reportUpward(60),
    issuePublicWarning(60),
    act('track-slick', '跟踪漂移并预测登岸位置', 'Track drift and forecast where oil will come ashore', 'maritime_rescue', 90),
    act('shoreline-cleanup', '组织岸线清污队伍和物资', 'Organise shoreline clean-up teams and supplies', 'volunteers', 240),
  ],
  notifications: ['emergency_management', 'cdc', 'market_regulation'],
  cordonRadiusM: 2000,
  evacuationRadiusM: 2000,
  publicWarning: text(
    '大连附近海域发生重大溢油，相关浴场暂停开放，请勿下海、勿捕捞或食用受污染海产品。',
    'Major oil spill off Dalian. Affected beaches are closed; do not swim, fish or eat seafood from the area.',
  ),
  terminationConditions: oilSpillTermination,
};
