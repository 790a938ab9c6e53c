import type { Scenario } from '../scenario.js';
import { callReport } from './authoring.js';

/**
 * Mass food poisoning at a primary-school canteen in Shahekou that turns into a public-health event: a
 * second school supplied by the same caterer reports fever and rash that do not fit food poisoning. It
 * trains the food-poisoning plan, re-matching as the level rises, and recognising an unexplained illness
 * cluster. Schools are on land (tested).
 */
export const schoolFoodPoisoning: Scenario = {
  id: 'school-food-poisoning',
  name: { zh: '学校食堂群体性食物中毒演变为公共卫生事件', en: 'School canteen food poisoning growing into a public-health event' },
  description: {
    zh: '沙河口区一所小学午餐后多名学生呕吐腹痛，同一供餐企业供应的西岗区学校随后出现发热皮疹病例。',
    en: 'Pupils at a Shahekou primary school fall ill after lunch; a Xigang school with the same caterer then reports fever and rash.',
  },
  startsAt: '2025-05-20T12:40:00+08:00',
  area: { kind: 'circle', centre: { lat: 38.906, lon: 121.59 }, radiusKm: 5 },
  expectedPlans: ['PLAN-FOOD-POISONING', 'PLAN-INFECTIOUS-DISEASE-CLUSTER', 'PLAN-INFECTIOUS-DISEASE-MAJOR'],
  durationMinutes: 80,
  onSceneMinutes: 30,
  injects: [
    {
      id: 'teacher-call',
      atMinute: 0,
      kind: 'incident',
      ref: 'canteen',
      description: '小学老师拨打120：多名学生午餐后呕吐 / A teacher calls 120: pupils vomiting after lunch',
      report: callReport('public_health', 'food_poisoning', 'IV', { lat: 38.9, lon: 121.58 }, {
        address: '沙河口区西南路小学 Xinan Road primary school, Shahekou',
        description: '午餐后15名学生呕吐、腹痛 / 15 pupils vomiting with stomach cramps after lunch',
        caller: '王老师 teacher Wang',
        phone: '13900000001',
        casualties: 15,
      }),
    },
    {
      id: 'more-pupils',
      atMinute: 8,
      kind: 'casualties',
      ref: 'canteen',
      add: 20,
      description: '校医报告又有20名学生出现症状 / The school nurse reports 20 more pupils with symptoms',
    },
    {
      id: 'level-three',
      atMinute: 15,
      kind: 'escalate',
      ref: 'canteen',
      level: 'III',
      reason: '患者超过30人，供餐企业还为其他4所学校供餐 / Over 30 patients; the caterer supplies four more schools',
      description: '中毒人数超过30人 / More than 30 pupils are ill',
    },
    {
      id: 'ambulance-breakdown',
      atMinute: 22,
      kind: 'unit-breakdown',
      unit: { unitType: 'ambulance', nearRef: 'canteen' },
      description: '一辆救护车途中故障 / An ambulance breaks down',
    },
    {
      id: 'second-school',
      atMinute: 30,
      kind: 'related-incident',
      ref: 'fever-cluster',
      relatedTo: 'canteen',
      description: '西岗区一所学校报告学生发热、皮疹 / A Xigang school reports pupils with fever and rash',
      report: callReport('public_health', 'unexplained_illness', 'III', { lat: 38.912, lon: 121.6 }, {
        address: '西岗区胜利路小学 Shengli Road primary school, Xigang',
        description: '同一供餐企业，9名学生发热、皮疹，症状不像食物中毒 / Same caterer; 9 pupils with fever and rash, unlike food poisoning',
        caller: '校医 school nurse',
        phone: '13900000002',
        casualties: 9,
      }),
    },
    {
      id: 'fever-grows',
      atMinute: 40,
      kind: 'casualties',
      ref: 'fever-cluster',
      add: 12,
      description: '发热学生增至21人 / Pupils with fever rise to 21',
    },
    {
      id: 'infectious-suspected',
      atMinute: 50,
      kind: 'escalate',
      ref: 'fever-cluster',
      level: 'II',
      reason: '医院实验室怀疑传染性病原，另两所学校出现病例 / Hospital lab suspects an infectious cause; cases at two more schools',
      description: '疑似传染病，事件升级为重大 / Suspected infectious disease: the event becomes major',
    },
    {
      id: 'school-street-closed',
      atMinute: 60,
      kind: 'road-closed',
      location: { lat: 38.9005, lon: 121.581 },
      description: '西南路学校路段封闭，保障救护通道 / Xinan Road by the school closed to keep the ambulance lane clear',
    },
  ],
};
