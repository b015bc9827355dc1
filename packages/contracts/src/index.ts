export * from './apps.js';
export * from './auth.js';
export * from './calls.js';
export * from './chat.js';
export * from './errors.js';
export * from './pagination.js';
export * from './realtime.js';
