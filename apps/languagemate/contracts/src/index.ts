export * from './errors.js';
export * from './manifest.js';
export * from './matching.js';
export * from './overview.js';
export * from './partners.js';
export * from './profile.js';
export * from './reports.js';
export * from './vocabulary.js';
