import { AppError, access, callerOf } from '@app/platform';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { StorehelperDeps } from '../deps.js';
import { GoogleApiError } from './api.js';
import type { GoogleBusiness } from './business.js';
import { GoogleOAuth } from './oauth.js';
import {
  callbackQuerySchema,
  chooseLocationBodySchema,
  connectQuerySchema,
  googleConnectionSchema,
  googleLocationSchema,
} from './schema.js';
import { GoogleSettings } from './service.js';

const tags = ['storehelper'];
const params = z.object({ storeId: z.uuid() });

/**
 * A store's Google Business Profile connection: connect (OAuth), Google's callback, the locations
 * to pick from, the pick, disconnect. Mounted with the app's routes (under `/api/v1/storehelper`).
 */
export function googleRoutes(deps: StorehelperDeps, google: GoogleBusiness): FastifyPluginAsync {
  const { policy } = deps;
  const oauth = new GoogleOAuth(deps, google);
  const settings = new GoogleSettings(google, oauth);
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/stores/:storeId/google',
      {
        config: policy.route('store.manage', { store: 'storeId' }),
        schema: {
          tags,
          summary: 'The store’s Google Business Profile connection (never its tokens)',
          params,
          response: { 200: googleConnectionSchema },
        },
      },
      async (request) => settings.status(request.params.storeId),
    );
    app.get(
      '/stores/:storeId/google/connect',
      {
        config: policy.route('store.manage', { store: 'storeId' }),
        schema: {
          tags,
          summary:
            'Connect the store to Google: 302 to Google’s consent page (or `{ url }` with ?as=json); 409 when the server has no Google client',
          params,
          querystring: connectQuerySchema,
          response: { 200: z.object({ url: z.url() }) },
        },
      },
      async (request, reply) => {
        const url = await oauth.connectUrl(request.params.storeId, callerOf(request).userId);
        if (request.query.as === 'json') return { url };
        return reply.redirect(url, 302);
      },
    );
    app.get(
      '/google/callback',
      {
        config: { access: access.public },
        schema: {
          tags,
          summary: 'Google’s redirect after consent (checks the state); redirects to the store’s settings',
          querystring: callbackQuerySchema,
        },
      },
      async (request, reply) => reply.redirect(await oauth.callback(request.query), 302),
    );
    app.get(
      '/stores/:storeId/google/locations',
      {
        config: policy.route('store.manage', { store: 'storeId' }),
        schema: {
          tags,
          summary: 'The locations the connected Google user manages, to pick the store’s',
          params,
          response: { 200: z.object({ items: z.array(googleLocationSchema) }) },
        },
      },
      async (request) => ({ items: await fromGoogle(() => settings.locations(request.params.storeId)) }),
    );
    app.put(
      '/stores/:storeId/google/location',
      {
        config: policy.route('store.manage', { store: 'storeId' }),
        schema: {
          tags,
          summary: 'Pick the Google location whose reviews the store collects',
          params,
          body: chooseLocationBodySchema,
          response: { 200: googleConnectionSchema },
        },
      },
      async (request) => fromGoogle(() => settings.chooseLocation(request.params.storeId, request.body)),
    );
    app.delete(
      '/stores/:storeId/google',
      {
        config: policy.route('store.manage', { store: 'storeId' }),
        schema: { tags, summary: 'Disconnect from Google (access revoked at Google, best effort)', params },
      },
      async (request, reply) => {
        await settings.disconnect(request.params.storeId);
        return reply.code(204).send();
      },
    );
  };
}

/** Google's refusals and outages reach the caller as 503 with Google's reason, not as a bare 500. */
async function fromGoogle<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof GoogleApiError) throw new AppError('SERVICE_UNAVAILABLE', error.message);
    throw error;
  }
}
