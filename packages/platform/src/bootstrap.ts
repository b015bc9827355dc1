/**
 * What the host needs before anything instrumented is loaded: the config and the tracer. This
 * entry point must not import fastify, pg or http code (the main entry does), so that tracing can
 * patch them when they load afterwards.
 */
export * from './config/index.js';
export { type StopTracing, startTracing } from './observability/tracing.js';
