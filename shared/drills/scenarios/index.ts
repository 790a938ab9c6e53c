import type { Scenario } from '../scenario.js';
import { portPipelineFire } from './port-pipeline-fire.js';
import { schoolFoodPoisoning } from './school-food-poisoning.js';
import { typhoonStormSurge } from './typhoon-storm-surge.js';

/** The drill scenarios Dalian starts with, one file each. */
export const DALIAN_SCENARIOS: readonly Scenario[] = [portPipelineFire, typhoonStormSurge, schoolFoodPoisoning];

export { portPipelineFire, schoolFoodPoisoning, typhoonStormSurge };
