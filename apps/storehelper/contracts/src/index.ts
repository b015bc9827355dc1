export * from './errors.js';
export * from './manifest.js';
export * from './overview.js';
export * from './plans.js';
