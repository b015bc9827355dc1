export * from './errors.js';
export * from './manifest.js';
export * from './matching.js';
export * from './overview.js';
export * from './profile.js';
export * from './vocabulary.js';
