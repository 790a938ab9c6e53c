import type { Scenario } from '../scenario.js';
import { callReport } from './authoring.js';

/**
 * Fire and explosion at the Dalian Xingang crude terminal on the Dagushan peninsula (Jinzhou), after the
 * 2010 "7·16" pipeline explosion: burning crude reaches the quay and spills into the sea. It trains the
 * Dagushan petrochemical plan, the oil-spill plans at sea, and holding a response together when the
 * incident grows. Positions are approximate; the terminal is on land and the slick at sea (tested).
 */
export const portPipelineFire: Scenario = {
  id: 'port-pipeline-fire',
  name: { zh: '大连新港输油管线火灾爆炸及海上溢油', en: 'Xingang oil-pipeline fire and explosion with an oil spill at sea' },
  description: {
    zh: '大孤山半岛新港原油码头输油管线爆炸起火，原油流入港池形成海上溢油，火势蔓延至邻近储罐。',
    en: 'A crude pipeline explodes at the Xingang oil terminal on the Dagushan peninsula; burning crude runs into the harbour and spreads to nearby tanks.',
  },
  startsAt: '2025-07-16T18:00:00+08:00',
  area: { kind: 'circle', centre: { lat: 38.96, lon: 121.89 }, radiusKm: 8 },
  expectedPlans: ['PLAN-PETROCHEMICAL-FIRE-DAGUSHAN', 'PLAN-OIL-SPILL', 'PLAN-OIL-SPILL-MAJOR'],
  durationMinutes: 90,
  onSceneMinutes: 60,
  injects: [
    {
      id: 'pipeline-explosion',
      atMinute: 0,
      kind: 'incident',
      ref: 'pipeline-fire',
      description: '码头值班员报警：输油管线爆炸起火 / Terminal duty officer: the crude pipeline has exploded and is burning',
      report: callReport('accident', 'petrochemical_fire', 'II', { lat: 38.965, lon: 121.89 }, {
        address: '金州区大孤山半岛新港原油码头 Xingang crude terminal, Dagushan peninsula, Jinzhou',
        description: '输油管线爆炸，码头管廊大火，两名工人烧伤 / Pipeline explosion, pipe rack on fire, two workers burned',
        caller: '码头值班员 terminal duty officer',
        phone: '0411-87590000',
        casualties: 2,
      }),
    },
    {
      id: 'burned-workers',
      atMinute: 8,
      kind: 'casualties',
      ref: 'pipeline-fire',
      add: 3,
      description: '现场报告又发现三名烧伤工人 / Three more burned workers found near the pipe rack',
    },
    {
      id: 'oil-in-harbour',
      atMinute: 15,
      kind: 'related-incident',
      ref: 'oil-spill',
      relatedTo: 'pipeline-fire',
      description: '海事巡逻艇报告：港池海面出现大片油膜 / Maritime patrol boat: a large slick is spreading across the harbour',
      report: callReport('accident', 'oil_spill', 'III', { lat: 38.945, lon: 121.915 }, {
        address: '大孤山港池外海域 Waters off the Dagushan harbour basin',
        description: '燃烧原油流入港池，油膜向外海扩散 / Burning crude has run into the harbour; the slick drifts seaward',
        caller: '海事巡逻艇 maritime patrol boat',
        phone: '12395',
      }),
    },
    {
      id: 'engine-breakdown',
      atMinute: 22,
      kind: 'unit-breakdown',
      unit: { unitType: 'fire_engine', nearRef: 'pipeline-fire' },
      description: '一辆泡沫车水泵故障退出战斗 / A foam engine pump fails: the engine is out of service',
    },
    {
      id: 'access-road-closed',
      atMinute: 30,
      kind: 'road-closed',
      location: { lat: 38.985, lon: 121.86 },
      description: '大孤山进港路被浓烟和消防水带阻断，增援车辆绕行 / Dagushan port access road blocked by smoke and hoses: reinforcements detour',
    },
    {
      id: 'second-tank',
      atMinute: 40,
      kind: 'escalate',
      ref: 'pipeline-fire',
      level: 'I',
      reason: '邻近储罐发生二次爆炸 / A neighbouring tank exploded',
      description: '邻近储罐二次爆炸，火势扩大 / A second tank explodes and the fire grows',
    },
    {
      id: 'slick-to-beaches',
      atMinute: 55,
      kind: 'escalate',
      ref: 'oil-spill',
      level: 'II',
      reason: '油带向金石滩浴场和养殖区漂移 / The slick drifts towards Jinshitan beaches and fish farms',
      description: '溢油面积扩大，威胁浴场和养殖区 / The slick grows and threatens beaches and fish farms',
    },
    {
      id: 'firefighter-injured',
      atMinute: 70,
      kind: 'casualties',
      ref: 'pipeline-fire',
      add: 2,
      description: '两名消防员在冷却储罐时受伤 / Two firefighters injured while cooling tanks',
    },
  ],
};
