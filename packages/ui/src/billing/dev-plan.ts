import type { AppApi } from '@app/client';
import type { Entitlements } from '@app/contracts';

/**
 * `POST /api/v1/billing/dev/plan`, which the server registers only in development without online
 * payment, so it is not in the generated client (generated from a test build). Declared here in
 * openapi-typescript's shape for this one call; the body and answer are the contracts' types.
 */
export type DevPlanPaths = {
  '/api/v1/billing/dev/plan': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    post: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody: { content: { 'application/json': { app: string; plan: string } } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': Entitlements } };
      };
    };
  };
};

export type DevPlanApi = AppApi<DevPlanPaths>;
