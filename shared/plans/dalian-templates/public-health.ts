import type { PlanTemplate } from '../template.js';
import { act, activateCommand, issuePublicWarning, need, reportUpward, text } from './authoring.js';

/**
 * Public-health events. Units here are investigators and samplers more than vehicles, and the first
 * deadlines are reporting ones: the national direct reporting system wants a cluster within 2 hours.
 */

const diseaseTermination = [
  text('最后一例病例隔离后经过一个最长潜伏期无新发病例', 'One maximum incubation period after the last case was isolated with no new case'),
  text('密切接触者全部完成医学观察', 'Every close contact has finished medical observation'),
];

export const infectiousDiseaseCluster: PlanTemplate = {
  id: 'PLAN-INFECTIOUS-DISEASE-CLUSTER',
  revision: 1,
  name: text('传染病聚集性疫情处置预案（较大、一般）', 'Infectious-disease cluster (levels III–IV)'),
  match: { category: 'public_health', subtypes: ['infectious_disease', 'unexplained_illness'], levels: ['III', 'IV'] },
  responseLevel: 3,
  leadAgency: 'cdc',
  supportingAgencies: ['health_emergency', 'public_security'],
  requirements: [need('public_health_team', 2, 'epidemiology'), need('public_health_team', 1, 'sampling'), need('ambulance', 1, 'bls')],
  actions: [
    act('notify-cdc', '通知疾控中心并网络直报', 'Notify the CDC and file the online direct report', 'dispatcher', 15),
    activateCommand('启动三级响应，派出流调队伍', 'Activate the level 3 response and send the epidemiology team', 30),
    act('isolate-cases', '隔离病例并转运至定点医院', 'Isolate cases and move them to the designated hospital', 'health_emergency', 120),
    act('collect-samples', '采集病例标本送实验室检测', 'Take specimens from cases for laboratory testing', 'cdc', 120),
    act('trace-contacts', '开展流行病学调查，追踪密切接触者', 'Investigate and trace close contacts', 'cdc', 240),
    act('disinfect-sites', '对病例活动场所终末消毒', 'Disinfect the places cases have been', 'cdc', 480),
  ],
  notifications: ['cdc', 'health_emergency'],
  cordonRadiusM: 0,
  evacuationRadiusM: 0,
  publicWarning: text(
    '我市发现传染病聚集性病例，请出现相关症状者及时就医并主动告知接触史。',
    'A cluster of infectious disease has been found. If you have symptoms, see a doctor and tell them who you have met.',
  ),
  terminationConditions: diseaseTermination,
};

export const infectiousDiseaseMajor: PlanTemplate = {
  id: 'PLAN-INFECTIOUS-DISEASE-MAJOR',
  revision: 1,
  name: text('传染病疫情处置预案（特别重大、重大）', 'Infectious-disease epidemic (levels I–II)'),
  match: { category: 'public_health', subtypes: ['infectious_disease', 'unexplained_illness'], levels: ['I', 'II'] },
  responseLevel: 1,
  leadAgency: 'cdc',
  supportingAgencies: ['health_emergency', 'public_security', 'traffic_police', 'market_regulation', 'volunteers'],
  requirements: [
    need('public_health_team', 6, 'epidemiology'),
    need('public_health_team', 4, 'sampling'),
    need('ambulance', 4, 'bls'),
    need('ambulance', 2, 'als'),
    need('police_patrol', 2),
    need('volunteer_team', 2, 'logistics'),
  ],
  actions: [
    act('notify-cdc', '通知疾控中心并网络直报', 'Notify the CDC and file the online direct report', 'dispatcher', 15),
    activateCommand('启动一级响应，成立疫情防控指挥部', 'Activate the level 1 response and set up the epidemic HQ', 30),
    reportUpward(120),
    act('isolate-cases', '病例隔离收治，启用定点医院', 'Isolate and admit cases; open the designated hospitals', 'health_emergency', 120),
    act('collect-samples', '采样并开展病原检测', 'Sample and test for the pathogen', 'cdc', 120),
    act('issue-public-warning', '经审核后发布疫情信息和防护指引', 'Publish approved outbreak information and protective advice', 'supervisor', 240),
    act('trace-contacts', '流调溯源，追踪管理密切接触者', 'Trace the source and manage close contacts', 'cdc', 240),
    act('control-area', '对疫点疫区实施管控', 'Put control measures on affected premises and areas', 'public_security', 480),
  ],
  notifications: ['cdc', 'health_emergency', 'market_regulation', 'public_security', 'emergency_management'],
  cordonRadiusM: 0,
  evacuationRadiusM: 0,
  publicWarning: text(
    '我市发生传染病疫情，请做好个人防护，减少聚集，出现症状及时就医。',
    'An infectious-disease outbreak is under way. Protect yourself, avoid crowds and see a doctor if you have symptoms.',
  ),
  terminationConditions: diseaseTermination,
};

const foodPoisoningTermination = [
  text('中毒患者病情稳定，无新发病例', 'Patients stable and no new cases'),
  text('可疑食品已封存，致病因素查明', 'Suspect food sealed and the cause identified'),
];

export const foodPoisoning: PlanTemplate = {
  id: 'PLAN-FOOD-POISONING',
  revision: 1,
  name: text('群体性食物中毒处置预案（较大、一般）', 'Mass food poisoning (levels III–IV)'),
  match: { category: 'public_health', subtypes: ['food_poisoning'], levels: ['III', 'IV'] },
  responseLevel: 3,
  leadAgency: 'market_regulation',
  supportingAgencies: ['health_emergency', 'cdc'],
  requirements: [
    need('ambulance', 2, 'als'),
    need('ambulance', 2, 'bls'),
    need('food_safety_inspection', 1, 'sampling'),
    need('public_health_team', 1, 'epidemiology'),
  ],
  actions: [
    act('dispatch-ambulances', '按患者人数调派救护车', 'Dispatch ambulances for the number of patients', 'dispatcher', 1),
    act('notify-cdc', '通知疾控中心和市场监管部门', 'Notify the CDC and market regulation', 'dispatcher', 10),
    activateCommand('启动三级响应', 'Activate the level 3 response', 15),
    act('treat-patients', '救治中毒患者，分流至定点医院', 'Treat patients and spread them over designated hospitals', 'health_emergency', 30),
    act('seal-food', '封存可疑食品和加工场所', 'Seal suspect food and the kitchen it came from', 'market_regulation', 60),
    act('sample-food', '采集剩余食品、呕吐物和患者样本', 'Sample leftover food, vomit and patient specimens', 'market_regulation', 120),
    act('investigate-exposure', '开展流行病学调查，确定可疑餐次', 'Investigate and pin down the suspect meal', 'cdc', 240),
  ],
  notifications: ['cdc', 'market_regulation', 'health_emergency'],
  cordonRadiusM: 0,
  evacuationRadiusM: 0,
  publicWarning: text(
    '该单位发生群体性食物中毒，请勿食用相关批次食品，出现腹痛、呕吐者及时就医。',
    'Mass food poisoning here. Do not eat food from the batch named; see a doctor for stomach pain or vomiting.',
  ),
  terminationConditions: foodPoisoningTermination,
};

export const foodPoisoningMajor: PlanTemplate = {
  id: 'PLAN-FOOD-POISONING-MAJOR',
  revision: 1,
  name: text('群体性食物中毒处置预案（特别重大、重大）', 'Mass food poisoning (levels I–II)'),
  match: { category: 'public_health', subtypes: ['food_poisoning'], levels: ['I', 'II'] },
  responseLevel: 1,
  leadAgency: 'market_regulation',
  supportingAgencies: ['health_emergency', 'cdc', 'public_security'],
  requirements: [
    need('ambulance', 6, 'als'),
    need('ambulance', 6, 'bls'),
    need('food_safety_inspection', 3, 'sampling'),
    need('public_health_team', 2, 'epidemiology'),
    need('public_health_team', 1, 'sampling'),
    need('police_patrol', 1),
  ],
  actions: [
    act('dispatch-ambulances', '按批量伤病员标准调派救护车', 'Dispatch ambulances to the mass-casualty standard', 'dispatcher', 1),
    act('notify-cdc', '通知疾控中心和市场监管部门', 'Notify the CDC and market regulation', 'dispatcher', 10),
    activateCommand('启动一级响应，成立处置指挥部', 'Activate the level 1 response and set up the incident HQ', 15),
    act('treat-patients', '启动定点医院批量救治', 'Start mass treatment at the designated hospitals', 'health_emergency', 30),
    act('seal-food', '封存可疑食品，暂停相关单位供餐', 'Seal suspect food and stop the supplier serving meals', 'market_regulation', 60),
    reportUpward(60),
    act('sample-food', '采集剩余食品、呕吐物和患者样本', 'Sample leftover food, vomit and patient specimens', 'market_regulation', 120),
    act('trace-supply', '追溯问题食品来源和流向并召回', 'Trace where the food came from and went, and recall it', 'market_regulation', 240),
    issuePublicWarning(240),
  ],
  notifications: ['cdc', 'market_regulation', 'health_emergency', 'public_security', 'emergency_management'],
  cordonRadiusM: 0,
  evacuationRadiusM: 0,
  publicWarning: text(
    '我市发生重大食物中毒事件，相关批次食品已召回，请勿食用，出现症状及时就医。',
    'A major food-poisoning event: the batch has been recalled. Do not eat it; see a doctor if you have symptoms.',
  ),
  terminationConditions: foodPoisoningTermination,
};

const drugSafetyTermination = [
  text('涉事药品全部控制和召回', 'All of the affected drug under control and recalled'),
  text('患者病情稳定，无新发不良反应', 'Patients stable with no new adverse reactions'),
];

/** Drug safety falls to market regulation in Dalian: the city's drug administration sits inside it. */
export const drugSafety: PlanTemplate = {
  id: 'PLAN-DRUG-SAFETY',
  revision: 1,
  name: text('药品安全突发事件处置预案（较大、一般）', 'Drug-safety incident (levels III–IV)'),
  match: { category: 'public_health', subtypes: ['drug_safety'], levels: ['III', 'IV'] },
  responseLevel: 3,
  leadAgency: 'market_regulation',
  supportingAgencies: ['health_emergency', 'cdc'],
  requirements: [need('food_safety_inspection', 1, 'sampling'), need('ambulance', 1, 'als')],
  actions: [
    act('dispatch-ambulances', '调派救护车救治不良反应患者', 'Dispatch ambulances for patients with adverse reactions', 'dispatcher', 1),
    activateCommand('启动三级响应，核实涉事药品名称和批号', 'Activate the level 3 response; confirm the drug name and batch', 15),
    act('suspend-drug', '暂停涉事批次药品销售和使用', 'Suspend sale and use of the batch', 'market_regulation', 60),
    act('sample-drug', '抽取涉事药品样品送检', 'Sample the drug for laboratory testing', 'market_regulation', 120),
    act('trace-batch', '追查药品流向并组织召回', 'Trace where the batch went and recall it', 'market_regulation', 240),
  ],
  notifications: ['health_emergency', 'cdc', 'market_regulation'],
  cordonRadiusM: 0,
  evacuationRadiusM: 0,
  publicWarning: text(
    '涉事批次药品已暂停销售和使用，请已购买者停止服用并联系医疗机构。',
    'Sale and use of the affected batch are suspended. If you bought it, stop taking it and contact your doctor.',
  ),
  terminationConditions: drugSafetyTermination,
};

export const drugSafetyMajor: PlanTemplate = {
  ...drugSafety,
  id: 'PLAN-DRUG-SAFETY-MAJOR',
  name: text('药品安全突发事件处置预案（特别重大、重大）', 'Drug-safety incident (levels I–II)'),
  match: { category: 'public_health', subtypes: ['drug_safety'], levels: ['I', 'II'] },
  responseLevel: 1,
  supportingAgencies: ['health_emergency', 'cdc', 'public_security'],
  requirements: [
    need('food_safety_inspection', 3, 'sampling'),
    need('ambulance', 4, 'als'),
    need('public_health_team', 1, 'epidemiology'),
  ],
  actions: [
    act('dispatch-ambulances', '按批量伤病员标准调派救护车', 'Dispatch ambulances to the mass-casualty standard', 'dispatcher', 1),
    activateCommand('启动一级响应，成立处置指挥部', 'Activate the level 1 response and set up the incident HQ', 15),
    act('suspend-drug', '全市暂停涉事药品销售和使用', 'Suspend sale and use of the drug city-wide', 'market_regulation', 60),
    reportUpward(60),
    act('sample-drug', '抽取涉事药品样品送检', 'Sample the drug for laboratory testing', 'market_regulation', 120),
    act('trace-batch', '追查药品流向并组织召回', 'Trace where the batch went and recall it', 'market_regulation', 240),
    issuePublicWarning(240),
  ],
  notifications: ['health_emergency', 'cdc', 'market_regulation', 'emergency_management'],
};
