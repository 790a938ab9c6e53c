// Emergency plans: templates, matching, unit recommendation and checklists. Pure logic, no I/O.
export * from './area.js';
export * from './capabilities.js';
export * from './geometry.js';
export * from './template.js';
export * from './dalian-templates.js';
export * from './matching.js';
export * from './unit-index.js';
export * from './recommend.js';
export * from './checklist.js';
export * from './activation.js';
