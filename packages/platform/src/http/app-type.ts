import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from '../observability/logger.js';

/**
 * The HTTP app: Fastify with the zod type provider, so route schemas type the handlers. Its own
 * module, so that what `buildApp` assembles can name the type without importing `buildApp`.
 */
export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, Logger, ZodTypeProvider>;
