import type { PlanTemplate } from '../template.js';
import { act, activateCommand, issuePublicWarning, need, reportUpward, text } from './authoring.js';

/** Earthquakes: search and rescue in collapsed buildings, then shelter and epidemic prevention. */

const earthquakeTermination = [
  text('搜救工作结束，失联人员全部找到', 'Search and rescue finished and all missing persons found'),
  text('强余震风险降低，受灾群众得到安置', 'Strong-aftershock risk reduced and displaced people sheltered'),
  text('次生灾害隐患得到控制', 'Secondary hazards under control'),
];

export const earthquake: PlanTemplate = {
  id: 'PLAN-EARTHQUAKE',
  revision: 1,
  name: text('地震应急预案（较大、一般）', 'Earthquake (levels III–IV)'),
  match: { category: 'natural', subtypes: ['earthquake'], levels: ['III', 'IV'] },
  responseLevel: 3,
  leadAgency: 'emergency_management',
  supportingAgencies: ['fire_rescue', 'health_emergency', 'public_security', 'utilities', 'volunteers'],
  requirements: [
    need('rescue', 2, 'collapse'),
    need('fire_engine', 1, 'water'),
    need('ambulance', 2, 'als'),
    need('utility_repair', 1, 'gas'),
    need('police_patrol', 1),
    need('volunteer_team', 1, 'shelter'),
  ],
  actions: [
    act('dispatch-first-alarm', '调派搜救和医疗力量赶赴震中', 'Send rescue and medical units to the epicentre', 'dispatcher', 5),
    activateCommand('启动三级应急响应，收集震情灾情', 'Activate the level 3 response; gather shaking and damage reports', 10),
    act('assess-damage', '排查房屋、桥梁受损情况', 'Survey damage to houses and bridges', 'fire_rescue', 60),
    act('check-gas-lines', '排查燃气管线泄漏', 'Check gas mains for leaks', 'utilities', 60),
    act('open-shelters', '开放应急避难场所', 'Open emergency shelters', 'volunteers', 120),
  ],
  notifications: ['utilities', 'health_emergency', 'volunteers'],
  cordonRadiusM: 50,
  evacuationRadiusM: 200,
  publicWarning: text(
    '我市发生地震，请远离受损建筑，到空旷地带避险，注意防范余震。',
    'An earthquake has struck. Keep away from damaged buildings, go to open ground and expect aftershocks.',
  ),
  terminationConditions: earthquakeTermination,
};

export const earthquakeMajor: PlanTemplate = {
  id: 'PLAN-EARTHQUAKE-MAJOR',
  revision: 1,
  name: text('地震应急预案（特别重大、重大）', 'Earthquake (levels I–II)'),
  match: { category: 'natural', subtypes: ['earthquake'], levels: ['I', 'II'] },
  responseLevel: 1,
  leadAgency: 'emergency_management',
  supportingAgencies: ['fire_rescue', 'health_emergency', 'public_security', 'traffic_police', 'utilities', 'volunteers', 'cdc'],
  requirements: [
    need('rescue', 8, 'collapse'),
    need('rescue', 2, 'rope'),
    need('fire_engine', 4, 'water'),
    need('ambulance', 8, 'als'),
    need('ambulance', 4, 'bls'),
    need('utility_repair', 2, 'gas'),
    need('utility_repair', 2, 'power'),
    need('utility_repair', 1, 'water'),
    need('police_patrol', 4, 'crowd_control'),
    need('traffic_police', 2),
    need('volunteer_team', 4, 'shelter'),
    need('volunteer_team', 2, 'logistics'),
  ],
  actions: [
    act('dispatch-first-alarm', '调派全部重型救援力量赶赴重灾区', 'Send every heavy rescue team to the worst-hit area', 'dispatcher', 5),
    activateCommand('启动一级应急响应，成立抗震救灾指挥部', 'Activate the level 1 response and set up the earthquake relief HQ', 10),
    act('traffic-control', '实施交通管制，保障救援通道', 'Control traffic and keep relief corridors open', 'traffic_police', 30),
    reportUpward(30),
    issuePublicWarning(30),
    act('search-collapsed', '黄金72小时内分区搜救压埋人员', 'Search collapsed buildings by sector within the 72-hour window', 'fire_rescue', 60),
    act('field-hospital', '设立现场医疗点，批量伤员分流', 'Set up field medical posts and distribute mass casualties', 'health_emergency', 60),
    act('check-gas-lines', '关闭受损区域燃气、电力', 'Shut gas and power in damaged areas', 'utilities', 60),
    act('open-shelters', '开放全部避难场所，发放食品饮水', 'Open every shelter and hand out food and water', 'volunteers', 180),
    act('epidemic-prevention', '在安置点开展卫生防疫', 'Start disease prevention in the shelters', 'cdc', 1440),
  ],
  notifications: ['utilities', 'health_emergency', 'volunteers', 'cdc', 'maritime_rescue'],
  cordonRadiusM: 100,
  evacuationRadiusM: 500,
  publicWarning: text(
    '我市发生强烈地震，请立即到空旷地带或避难场所避险，不要返回受损建筑，保持通信畅通。',
    'A strong earthquake has struck. Go to open ground or a shelter, do not re-enter damaged buildings, keep phone lines free.',
  ),
  terminationConditions: earthquakeTermination,
};
