import type { PlanTemplate } from '../template.js';
import { act, activateCommand, issuePublicWarning, need, reportUpward, text } from './authoring.js';

/** Road accidents with casualties and work-safety (production) accidents. */

const roadAccidentTermination = [
  text('伤员全部救出并送医', 'All casualties freed and taken to hospital'),
  text('事故车辆清移，道路恢复通行', 'Wrecks removed and the road reopened'),
];

export const roadAccident: PlanTemplate = {
  id: 'PLAN-ROAD-ACCIDENT',
  revision: 1,
  name: text('道路交通事故伤员救援预案（较大、一般）', 'Road accident with casualties (levels III–IV)'),
  match: { category: 'accident', subtypes: ['road_traffic'], levels: ['III', 'IV'] },
  responseLevel: 3,
  leadAgency: 'traffic_police',
  supportingAgencies: ['fire_rescue', 'health_emergency'],
  requirements: [
    need('ambulance', 2, 'als'),
    need('rescue', 1, 'extrication'),
    need('fire_engine', 1, 'water'),
    need('traffic_police', 2),
  ],
  actions: [
    act('dispatch-first-alarm', '同步调派120、破拆救援和交警', 'Dispatch ambulances, extrication and traffic police together', 'dispatcher', 1),
    activateCommand('启动三级响应，核实伤亡和被困人数', 'Activate the level 3 response; confirm casualties and entrapments'),
    act('protect-scene', '设置来车方向警示，保护现场', 'Place warnings for oncoming traffic and protect the scene', 'traffic_police', 10),
    act('extricate', '破拆救出被困人员', 'Cut trapped occupants free', 'fire_rescue', 20),
    act('triage-casualties', '检伤分类并就近转运', 'Triage and take casualties to the nearest suitable hospital', 'health_emergency', 30),
    act('clear-road', '勘查后清移车辆，恢复通行', 'Investigate, remove wrecks and reopen the road', 'traffic_police', 120),
  ],
  notifications: ['health_emergency'],
  cordonRadiusM: 100,
  evacuationRadiusM: 100,
  publicWarning: text('该路段发生交通事故，请减速慢行、绕道通行。', 'Crash on this road. Slow down and use another route.'),
  terminationConditions: roadAccidentTermination,
};

export const roadAccidentMajor: PlanTemplate = {
  id: 'PLAN-ROAD-ACCIDENT-MAJOR',
  revision: 1,
  name: text('道路交通事故伤员救援预案（特别重大、重大）', 'Road accident with mass casualties (levels I–II)'),
  match: { category: 'accident', subtypes: ['road_traffic'], levels: ['I', 'II'] },
  responseLevel: 1,
  leadAgency: 'traffic_police',
  supportingAgencies: ['fire_rescue', 'health_emergency', 'public_security', 'emergency_management'],
  requirements: [
    need('ambulance', 6, 'als'),
    need('ambulance', 4, 'bls'),
    need('rescue', 3, 'extrication'),
    need('fire_engine', 2, 'water'),
    need('traffic_police', 4),
    need('police_patrol', 2),
  ],
  actions: [
    act('dispatch-first-alarm', '按批量伤员标准调派救护和救援力量', 'Dispatch to the mass-casualty standard', 'dispatcher', 1),
    activateCommand('启动一级响应，成立现场指挥部', 'Activate the level 1 response and set up the field command post'),
    act('protect-scene', '双向封闭道路，设置警示区', 'Close both directions and set a warning zone', 'traffic_police', 10),
    act('alert-hospitals', '通知定点医院启动批量伤员救治', 'Alert receiving hospitals to start mass-casualty care', 'health_emergency', 15),
    act('extricate', '分组破拆救出被困人员', 'Free trapped occupants in teams', 'fire_rescue', 20),
    act('triage-casualties', '设立检伤分类区，分流转运伤员', 'Run a triage area and spread patients over hospitals', 'health_emergency', 30),
    reportUpward(60),
    issuePublicWarning(60),
    act('clear-road', '勘查后清移车辆，恢复通行', 'Investigate, remove wrecks and reopen the road', 'traffic_police', 240),
  ],
  notifications: ['emergency_management', 'health_emergency', 'public_security'],
  cordonRadiusM: 200,
  evacuationRadiusM: 200,
  publicWarning: text(
    '该路段发生重大交通事故，双向封闭，请提前绕行并为救援车辆让行。',
    'Major crash: the road is closed both ways. Take another route and give way to emergency vehicles.',
  ),
  terminationConditions: roadAccidentTermination,
};

const workSafetyTermination = [
  text('被困和失联人员全部找到', 'All trapped and missing workers accounted for'),
  text('次生灾害隐患消除，现场移交事故调查组', 'Secondary hazards removed and the site handed to the investigators'),
];

export const workSafety: PlanTemplate = {
  id: 'PLAN-WORK-SAFETY',
  revision: 1,
  name: text('生产安全事故救援预案（较大、一般）', 'Work-safety accident (levels III–IV)'),
  match: { category: 'accident', subtypes: ['work_safety'], levels: ['III', 'IV'] },
  responseLevel: 3,
  leadAgency: 'emergency_management',
  supportingAgencies: ['fire_rescue', 'health_emergency', 'public_security'],
  requirements: [
    need('rescue', 1, 'collapse'),
    need('rescue', 1, 'rope'),
    need('fire_engine', 1, 'water'),
    need('ambulance', 2, 'als'),
    need('police_patrol', 1),
  ],
  actions: [
    act('dispatch-first-alarm', '调派救援和医疗力量', 'Dispatch rescue and medical units', 'dispatcher', 1),
    activateCommand('启动三级响应，责令企业停产撤人', 'Activate the level 3 response; order the firm to stop work and withdraw staff'),
    act('set-cordon', '设置警戒区，清点现场人数', 'Set the cordon and take a head count', 'public_security', 15),
    act('rescue-trapped', '搜救被困人员', 'Search for and rescue trapped workers', 'fire_rescue', 20),
    act('triage-casualties', '现场救治并转运伤员', 'Treat and transport casualties', 'health_emergency', 30),
    act('preserve-evidence', '保护事故现场和证据', 'Preserve the scene and evidence for the investigation', 'emergency_management', 60),
  ],
  notifications: ['emergency_management', 'health_emergency'],
  cordonRadiusM: 100,
  evacuationRadiusM: 200,
  publicWarning: text(
    '该企业发生生产安全事故，请周边人员远离现场，勿围观。',
    'An industrial accident has occurred here. Keep away from the site and do not gather.',
  ),
  terminationConditions: workSafetyTermination,
};

export const workSafetyMajor: PlanTemplate = {
  id: 'PLAN-WORK-SAFETY-MAJOR',
  revision: 1,
  name: text('生产安全事故救援预案（特别重大、重大）', 'Work-safety accident (levels I–II)'),
  match: { category: 'accident', subtypes: ['work_safety'], levels: ['I', 'II'] },
  responseLevel: 1,
  leadAgency: 'emergency_management',
  supportingAgencies: ['fire_rescue', 'health_emergency', 'public_security', 'traffic_police', 'utilities'],
  requirements: [
    need('rescue', 3, 'collapse'),
    need('rescue', 2, 'rope'),
    need('fire_engine', 2, 'water'),
    need('hazmat', 1, 'chemical'),
    need('ambulance', 4, 'als'),
    need('police_patrol', 2, 'crowd_control'),
    need('traffic_police', 1),
    need('utility_repair', 1, 'power'),
  ],
  actions: [
    act('dispatch-first-alarm', '调派专业救援队和医疗力量', 'Dispatch specialist rescue teams and medical units', 'dispatcher', 1),
    activateCommand('启动一级响应，成立现场指挥部', 'Activate the level 1 response and set up the field command post'),
    act('set-cordon', '设置警戒区，清点在岗和失联人数', 'Set the cordon; count workers on shift and missing', 'public_security', 15),
    act('isolate-energy', '切断事故区域电源、气源', 'Isolate power and gas in the accident area', 'utilities', 20),
    act('rescue-trapped', '分组搜救被困人员', 'Search for and rescue trapped workers in teams', 'fire_rescue', 20),
    act('triage-casualties', '现场救治并分流转运伤员', 'Treat casualties and spread them over hospitals', 'health_emergency', 30),
    reportUpward(60),
    issuePublicWarning(60),
    act('preserve-evidence', '保护事故现场和证据', 'Preserve the scene and evidence for the investigation', 'emergency_management', 120),
  ],
  notifications: ['emergency_management', 'health_emergency', 'public_security'],
  cordonRadiusM: 200,
  evacuationRadiusM: 500,
  publicWarning: text(
    '该区域发生重大生产安全事故，周边500米内人员请听从指挥撤离。',
    'Major industrial accident. Within 500 m, follow responders’ instructions to leave.',
  ),
  terminationConditions: workSafetyTermination,
};
