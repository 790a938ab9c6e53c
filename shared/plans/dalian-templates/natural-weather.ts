import type { PlanTemplate } from '../template.js';
import { act, activateCommand, issuePublicWarning, need, reportUpward, text } from './authoring.js';

/**
 * Typhoons, storm surges and rainstorms. These plans are usually activated on a warning before the
 * weather arrives, so deadlines run in hours; cordon radii are 0 because the hazard is area-wide.
 */

const typhoonTermination = [
  text('气象部门解除台风和风暴潮预警', 'The weather service lifts the typhoon and storm-surge warnings'),
  text('转移群众安全返回，无人员失联', 'Evacuees safely home and nobody missing'),
  text('供电、供水、通信和交通基本恢复', 'Power, water, communications and transport largely restored'),
];

export const typhoonStormSurge: PlanTemplate = {
  id: 'PLAN-TYPHOON-STORM-SURGE',
  revision: 1,
  name: text('台风风暴潮防御预案（较大、一般）', 'Typhoon and storm surge (levels III–IV)'),
  match: { category: 'natural', subtypes: ['typhoon', 'storm_surge'], levels: ['III', 'IV'] },
  responseLevel: 3,
  leadAgency: 'emergency_management',
  supportingAgencies: ['maritime_rescue', 'public_security', 'utilities', 'volunteers', 'fire_rescue'],
  requirements: [
    need('rescue', 2, 'water_rescue'),
    need('sea_rescue_vessel', 1, 'sar'),
    need('utility_repair', 2, 'power'),
    need('volunteer_team', 2, 'shelter'),
    need('police_patrol', 1),
  ],
  actions: [
    activateCommand('启动三级应急响应，各成员单位进入值守', 'Activate the level 3 response; member agencies go on standby', 30),
    issuePublicWarning(30),
    act('recall-vessels', '组织渔船回港避风，海上作业人员上岸', 'Bring fishing boats into port and sea workers ashore', 'maritime_rescue', 120),
    act('close-coast', '关闭海水浴场和滨海栈道', 'Close beaches and seafront boardwalks', 'public_security', 120),
    act('open-shelters', '开放避难场所', 'Open emergency shelters', 'volunteers', 180),
    act('evacuate-low-lying', '转移沿海低洼地区和危房群众', 'Move people out of low-lying coast and unsafe housing', 'public_security', 240),
  ],
  notifications: ['maritime_rescue', 'utilities', 'volunteers', 'public_security'],
  cordonRadiusM: 0,
  evacuationRadiusM: 0,
  publicWarning: text(
    '台风和风暴潮将影响我市，请减少外出，远离海边，渔船回港避风。',
    'A typhoon and storm surge will affect Dalian. Stay indoors, keep away from the sea; fishing boats return to port.',
  ),
  terminationConditions: typhoonTermination,
};

export const typhoonStormSurgeMajor: PlanTemplate = {
  id: 'PLAN-TYPHOON-STORM-SURGE-MAJOR',
  revision: 1,
  name: text('台风风暴潮防御预案（特别重大、重大）', 'Typhoon and storm surge (levels I–II)'),
  match: { category: 'natural', subtypes: ['typhoon', 'storm_surge'], levels: ['I', 'II'] },
  responseLevel: 1,
  leadAgency: 'emergency_management',
  supportingAgencies: ['maritime_rescue', 'public_security', 'traffic_police', 'utilities', 'volunteers', 'fire_rescue', 'health_emergency'],
  requirements: [
    need('rescue', 6, 'water_rescue'),
    need('rescue', 2, 'collapse'),
    need('sea_rescue_vessel', 3, 'sar'),
    need('utility_repair', 4, 'power'),
    need('utility_repair', 2, 'water'),
    need('volunteer_team', 4, 'shelter'),
    need('volunteer_team', 2, 'logistics'),
    need('ambulance', 2, 'als'),
    need('police_patrol', 3),
  ],
  actions: [
    activateCommand('启动一级应急响应，市防汛抗旱指挥部集中办公', 'Activate the level 1 response; the city flood HQ sits together', 30),
    issuePublicWarning(30),
    reportUpward(60),
    act('recall-vessels', '渔船全部回港，海上养殖和作业人员全部上岸', 'All fishing boats in port; all sea farm and sea workers ashore', 'maritime_rescue', 120),
    act('close-coast', '关闭浴场、景区和滨海道路', 'Close beaches, scenic areas and seafront roads', 'public_security', 120),
    act('suspend-activities', '停课、停工、停运，停止大型活动', 'Suspend school, outdoor work, transport and large events', 'supervisor', 180),
    act('open-shelters', '开放全部避难场所并保障物资', 'Open every shelter and stock it', 'volunteers', 180),
    act('evacuate-low-lying', '强制转移沿海低洼地区和危房群众', 'Compulsory evacuation of the low-lying coast and unsafe housing', 'public_security', 240),
  ],
  notifications: ['maritime_rescue', 'utilities', 'volunteers', 'public_security', 'health_emergency', 'traffic_police'],
  cordonRadiusM: 0,
  evacuationRadiusM: 0,
  publicWarning: text(
    '强台风和风暴潮将严重影响我市，请留在室内安全处，沿海低洼地区群众立即按指引转移。',
    'A severe typhoon and storm surge will hit Dalian. Stay in a safe building; people on the low-lying coast must evacuate as directed now.',
  ),
  terminationConditions: typhoonTermination,
};

/**
 * Changhai county is islands only: ferries stop early and the sick must leave before the storm, so the
 * county goes to a level 1 response from level III and vessels carry the evacuation.
 */
export const typhoonChanghai: PlanTemplate = {
  id: 'PLAN-TYPHOON-CHANGHAI',
  revision: 1,
  name: text('长海县海岛台风风暴潮防御预案', 'Typhoon and storm surge in the Changhai islands'),
  match: {
    category: 'natural',
    subtypes: ['typhoon', 'storm_surge'],
    levels: ['I', 'II', 'III'],
    area: { kind: 'districts', districts: ['changhai'] },
  },
  responseLevel: 1,
  leadAgency: 'emergency_management',
  supportingAgencies: ['maritime_rescue', 'health_emergency', 'public_security', 'utilities', 'volunteers'],
  requirements: [
    need('sea_rescue_vessel', 3, 'sar'),
    need('rescue', 2, 'water_rescue'),
    need('ambulance', 1, 'als'),
    need('utility_repair', 2, 'power'),
    need('volunteer_team', 3, 'shelter'),
  ],
  actions: [
    activateCommand('启动一级应急响应，县、乡两级指挥部到位', 'Activate the level 1 response; county and township command posts staffed', 30),
    issuePublicWarning(30),
    act('suspend-ferries', '停航陆岛客运航线', 'Suspend island ferry services', 'maritime_rescue', 60),
    reportUpward(60),
    act('transfer-patients', '提前将危重病人和临产孕妇转运至大陆医院', 'Move critically ill patients and women near term to mainland hospitals', 'health_emergency', 120),
    act('bring-farmers-ashore', '海上养殖人员全部撤离上岸', 'Bring every sea-farm worker ashore', 'maritime_rescue', 180),
    act('open-shelters', '开放岛上避难场所并储备三天物资', 'Open island shelters stocked for three days', 'volunteers', 180),
  ],
  notifications: ['maritime_rescue', 'health_emergency', 'utilities', 'volunteers'],
  cordonRadiusM: 0,
  evacuationRadiusM: 0,
  publicWarning: text(
    '台风将影响长海县各岛，陆岛航线停航，请岛上居民和游客留在安全场所，养殖人员立即上岸。',
    'A typhoon will strike the Changhai islands. Ferries are suspended; residents and visitors stay in safe buildings; sea-farm workers come ashore now.',
  ),
  terminationConditions: typhoonTermination,
};

const rainstormTermination = [
  text('暴雨预警解除，积水退去', 'The rainstorm warning is lifted and the water has receded'),
  text('被困群众全部解救，无人员失联', 'Everyone stranded has been rescued and nobody is missing'),
];

export const rainstormFlood: PlanTemplate = {
  id: 'PLAN-RAINSTORM-FLOOD',
  revision: 1,
  name: text('暴雨洪涝防御预案（较大、一般）', 'Rainstorm flooding (levels III–IV)'),
  match: { category: 'natural', subtypes: ['rainstorm'], levels: ['III', 'IV'] },
  responseLevel: 3,
  leadAgency: 'emergency_management',
  supportingAgencies: ['fire_rescue', 'traffic_police', 'utilities', 'volunteers'],
  requirements: [
    need('rescue', 2, 'water_rescue'),
    need('utility_repair', 1, 'water'),
    need('utility_repair', 1, 'power'),
    need('traffic_police', 2),
    need('volunteer_team', 1, 'shelter'),
  ],
  actions: [
    activateCommand('启动三级应急响应', 'Activate the level 3 response', 30),
    issuePublicWarning(30),
    act('close-underpasses', '封闭下穿通道和严重积水路段', 'Close underpasses and badly flooded roads', 'traffic_police', 30),
    act('pump-water', '排涝抢险，保障泵站供电', 'Pump out flooding and keep pumping stations powered', 'utilities', 60),
    act('inspect-slopes', '巡查山体滑坡和地质灾害隐患点', 'Patrol slopes and known landslide sites', 'emergency_management', 120),
    act('evacuate-low-lying', '转移低洼地区和危房群众', 'Move people out of low-lying areas and unsafe housing', 'public_security', 180),
  ],
  notifications: ['utilities', 'traffic_police', 'volunteers'],
  cordonRadiusM: 0,
  evacuationRadiusM: 0,
  publicWarning: text(
    '我市将出现强降雨，请避开下穿通道、低洼路段和山体边坡，不要涉水通行。',
    'Heavy rain is coming. Avoid underpasses, low roads and steep slopes; do not drive or walk through water.',
  ),
  terminationConditions: rainstormTermination,
};

export const rainstormFloodMajor: PlanTemplate = {
  id: 'PLAN-RAINSTORM-FLOOD-MAJOR',
  revision: 1,
  name: text('暴雨洪涝防御预案（特别重大、重大）', 'Rainstorm flooding (levels I–II)'),
  match: { category: 'natural', subtypes: ['rainstorm'], levels: ['I', 'II'] },
  responseLevel: 1,
  leadAgency: 'emergency_management',
  supportingAgencies: ['fire_rescue', 'traffic_police', 'public_security', 'utilities', 'volunteers', 'health_emergency'],
  requirements: [
    need('rescue', 6, 'water_rescue'),
    need('utility_repair', 3, 'water'),
    need('utility_repair', 2, 'power'),
    need('traffic_police', 4),
    need('police_patrol', 2),
    need('ambulance', 2, 'als'),
    need('volunteer_team', 3, 'shelter'),
  ],
  actions: [
    activateCommand('启动一级应急响应，市防汛抗旱指挥部集中办公', 'Activate the level 1 response; the city flood HQ sits together', 30),
    issuePublicWarning(30),
    act('close-underpasses', '封闭全部下穿通道和积水路段', 'Close every underpass and flooded road', 'traffic_police', 30),
    reportUpward(60),
    act('pump-water', '排涝抢险，保障泵站供电', 'Pump out flooding and keep pumping stations powered', 'utilities', 60),
    act('suspend-activities', '停课、停工，停止户外活动', 'Suspend school, outdoor work and outdoor events', 'supervisor', 120),
    act('inspect-slopes', '巡查水库、山体和地质灾害隐患点', 'Patrol reservoirs, slopes and landslide sites', 'emergency_management', 120),
    act('evacuate-low-lying', '转移低洼地区、河道周边和危房群众', 'Move people away from low ground, rivers and unsafe housing', 'public_security', 180),
  ],
  notifications: ['utilities', 'traffic_police', 'volunteers', 'health_emergency', 'public_security'],
  cordonRadiusM: 0,
  evacuationRadiusM: 0,
  publicWarning: text(
    '我市将出现特大暴雨，请停止户外活动，低洼地区和河道周边群众按指引转移。',
    'Extreme rain is coming. Stop outdoor activity; people near rivers and on low ground evacuate as directed.',
  ),
  terminationConditions: rainstormTermination,
};
