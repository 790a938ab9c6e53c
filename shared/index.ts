// The typed contract shared by server and browser. Never imports from server/ or client/.
export * from './domain/categories.js';
export * from './domain/levels.js';
export * from './domain/units.js';
export * from './domain/state-machines.js';
export * from './domain/roles.js';
export * from './protocol/entities.js';
export * from './protocol/errors.js';
export * from './protocol/commands.js';
export * from './protocol/events.js';
export * from './protocol/socket.js';
export * from './world/state.js';
export * from './world/evolve.js';
export * from './world/decide.js';
export * from './world/authorize.js';
