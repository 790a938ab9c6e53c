import type { PlanTemplate } from './template.js';
import {
  buildingFire,
  buildingFireMajor,
  petrochemicalFire,
  petrochemicalFireDagushan,
  petrochemicalFireMajor,
} from './dalian-templates/accident-fire.js';
import { chemicalLeak, chemicalLeakMajor, oilSpill, oilSpillMajor } from './dalian-templates/accident-release.js';
import { roadAccident, roadAccidentMajor, workSafety, workSafetyMajor } from './dalian-templates/accident-road-work.js';
import { earthquake, earthquakeMajor } from './dalian-templates/natural-earthquake.js';
import {
  rainstormFlood,
  rainstormFloodMajor,
  typhoonChanghai,
  typhoonStormSurge,
  typhoonStormSurgeMajor,
} from './dalian-templates/natural-weather.js';
import {
  drugSafety,
  drugSafetyMajor,
  foodPoisoning,
  foodPoisoningMajor,
  infectiousDiseaseCluster,
  infectiousDiseaseMajor,
} from './dalian-templates/public-health.js';
import { crowdSafety, crowdSafetyMajor, crowdSafetyXinghaiSquare } from './dalian-templates/social-security.js';

/**
 * The plan templates Dalian starts with, one file per family under dalian-templates/. Most scenarios
 * come as a level III–IV and a level I–II variant because the run card grows with the level; three are
 * limited to an area (Dagushan petrochemical zone, Changhai islands, Xinghai Square).
 */
export const DALIAN_PLAN_TEMPLATES: readonly PlanTemplate[] = [
  buildingFire,
  buildingFireMajor,
  petrochemicalFire,
  petrochemicalFireMajor,
  petrochemicalFireDagushan,
  chemicalLeak,
  chemicalLeakMajor,
  oilSpill,
  oilSpillMajor,
  roadAccident,
  roadAccidentMajor,
  workSafety,
  workSafetyMajor,
  typhoonStormSurge,
  typhoonStormSurgeMajor,
  typhoonChanghai,
  rainstormFlood,
  rainstormFloodMajor,
  earthquake,
  earthquakeMajor,
  infectiousDiseaseCluster,
  infectiousDiseaseMajor,
  foodPoisoning,
  foodPoisoningMajor,
  drugSafety,
  drugSafetyMajor,
  crowdSafety,
  crowdSafetyMajor,
  crowdSafetyXinghaiSquare,
];
