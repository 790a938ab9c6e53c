// Drills: scenarios, drill naming, response-time targets and the after-action review. Pure, no I/O.
export * from './scenario.js';
export * from './drill-ids.js';
export * from './scenarios/index.js';
export * from './drill-api.js';
export * from './response-targets.js';
export * from './after-action-types.js';
export * from './after-action.js';
export { intervalCredit } from './review-score.js';
