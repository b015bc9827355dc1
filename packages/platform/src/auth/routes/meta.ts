import type { FastifyRequest } from 'fastify';
import type { RequestMeta } from '../sessions.js';

/** Client address and user agent of a request (behind a proxy, per TRUST_PROXY). */
export function requestMeta(request: FastifyRequest): RequestMeta {
  const agent = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof agent === 'string' ? agent.slice(0, 500) : null };
}
