import type { PlanTemplate } from '../template.js';
import { act, activateCommand, issuePublicWarning, need, reportUpward, text } from './authoring.js';

/** Crowd safety and mass incidents: public security leads, medicine and traffic support. */

const crowdTermination = [
  text('人群有序疏散，现场秩序恢复', 'The crowd has dispersed in order and the scene is calm'),
  text('伤员全部送医，无人员失联', 'All casualties in hospital and nobody missing'),
];

export const crowdSafety: PlanTemplate = {
  id: 'PLAN-CROWD-SAFETY',
  revision: 1,
  name: text('人群聚集与群体性事件处置预案（较大、一般）', 'Crowd safety and mass incident (levels III–IV)'),
  match: { category: 'social_security', subtypes: ['crowd_crush', 'mass_incident'], levels: ['III', 'IV'] },
  responseLevel: 3,
  leadAgency: 'public_security',
  supportingAgencies: ['traffic_police', 'health_emergency'],
  requirements: [
    need('police_patrol', 4, 'crowd_control'),
    need('traffic_police', 2),
    need('ambulance', 2, 'als'),
  ],
  actions: [
    act('dispatch-first-alarm', '调派警力和救护力量', 'Dispatch police and ambulances', 'dispatcher', 1),
    activateCommand('启动三级响应，核实现场人数和诉求', 'Activate the level 3 response; estimate numbers and what people want', 10),
    act('control-flow', '单向分流，限制人员继续进入', 'Make flows one-way and stop more people entering', 'public_security', 15),
    act('traffic-control', '疏导周边交通，预留救援通道', 'Direct traffic and keep an emergency lane open', 'traffic_police', 20),
    act('triage-casualties', '现场救治并转运伤员', 'Treat and transport casualties', 'health_emergency', 30),
  ],
  notifications: ['traffic_police', 'health_emergency'],
  cordonRadiusM: 100,
  evacuationRadiusM: 300,
  publicWarning: text(
    '该区域人员密集，请服从现场民警指挥有序离开，切勿拥挤推搡。',
    'This area is crowded. Follow police directions and leave calmly; do not push.',
  ),
  terminationConditions: crowdTermination,
};

export const crowdSafetyMajor: PlanTemplate = {
  id: 'PLAN-CROWD-SAFETY-MAJOR',
  revision: 1,
  name: text('人群聚集与群体性事件处置预案（特别重大、重大）', 'Crowd crush or mass incident (levels I–II)'),
  match: { category: 'social_security', subtypes: ['crowd_crush', 'mass_incident'], levels: ['I', 'II'] },
  responseLevel: 1,
  leadAgency: 'public_security',
  supportingAgencies: ['traffic_police', 'health_emergency', 'fire_rescue', 'emergency_management', 'volunteers'],
  requirements: [
    need('police_patrol', 12, 'crowd_control'),
    need('traffic_police', 4),
    need('ambulance', 6, 'als'),
    need('ambulance', 4, 'bls'),
    need('rescue', 1),
    need('volunteer_team', 2, 'logistics'),
  ],
  actions: [
    act('dispatch-first-alarm', '调派全部机动警力和救护力量', 'Dispatch all mobile police and ambulances', 'dispatcher', 1),
    activateCommand('启动一级响应，成立现场指挥部', 'Activate the level 1 response and set up the field command post'),
    act('control-flow', '切断人流入口，分区疏散', 'Close entrances and clear the area sector by sector', 'public_security', 10),
    act('traffic-control', '封闭周边道路，开辟救援通道', 'Close surrounding roads and open an emergency corridor', 'traffic_police', 15),
    act('alert-hospitals', '通知定点医院启动批量伤员救治', 'Alert receiving hospitals to start mass-casualty care', 'health_emergency', 15),
    act('triage-casualties', '设立检伤分类区，分流转运伤员', 'Run a triage area and spread patients over hospitals', 'health_emergency', 30),
    reportUpward(60),
    issuePublicWarning(60),
  ],
  notifications: ['traffic_police', 'health_emergency', 'emergency_management', 'fire_rescue'],
  cordonRadiusM: 200,
  evacuationRadiusM: 500,
  publicWarning: text(
    '该区域发生严重拥挤踩踏，请勿前往，现场人员听从指挥就近疏散。',
    'Serious crowd crush here. Do not come; people on site leave by the nearest exit as directed.',
  ),
  terminationConditions: crowdTermination,
};

/**
 * Xinghai Square hosts Dalian's largest gatherings (beer festival, marathon, New Year's Eve) on open
 * ground against the sea, so its crowd plan sends more officers and volunteer stewards. Centre approximate.
 */
export const crowdSafetyXinghaiSquare: PlanTemplate = {
  ...crowdSafety,
  id: 'PLAN-CROWD-SAFETY-XINGHAI',
  name: text('星海广场大型活动人群安全预案', 'Crowd safety at Xinghai Square'),
  match: {
    category: 'social_security',
    subtypes: ['crowd_crush'],
    levels: ['III', 'IV'],
    area: { kind: 'circle', centre: { lat: 38.879, lon: 121.586 }, radiusKm: 1.5 },
  },
  supportingAgencies: ['traffic_police', 'health_emergency', 'volunteers'],
  requirements: [
    need('police_patrol', 8, 'crowd_control'),
    need('traffic_police', 3),
    need('ambulance', 3, 'als'),
    need('volunteer_team', 2, 'logistics'),
  ],
};
