export * from './deck-io.js';
export * from './errors.js';
export * from './fsrs-items.js';
export * from './optimizer.js';
export * from './scheduler.js';
export * from './synthetic.js';
export * from './types.js';
