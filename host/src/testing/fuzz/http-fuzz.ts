import { errorBodySchema, isErrorCode } from '@app/contracts';
import type { App } from '@app/platform';
import fc from 'fast-check';
import type { Identity, IdPool } from './identities.js';
import { type FuzzRequest, type FuzzRoute, requestsFor } from './routes.js';
import type { JsonSchema } from './schema-arbitrary.js';

/** One fuzzing run's settings. */
export interface FuzzSettings {
  seed: number;
  /** Generated requests per route and identity. */
  runs: number;
}

/** A request that broke a rule, with what is needed to replay it. */
export interface Finding {
  route: string;
  identity: string;
  seed: number;
  request: FuzzRequest | undefined;
  problem: string;
}

/** A stable number per route, so one route's inputs do not change when routes are added. */
export function routeSeed(seed: number, key: string): number {
  let hash = seed | 0;
  for (const c of key) hash = (Math.imul(hash, 31) + (c.codePointAt(0) ?? 0)) | 0;
  return hash;
}

/** What must hold for every answer: no 5xx, and every 4xx in the one error shape with a known code. */
export function checkResponse(status: number, body: string): string | undefined {
  if (status >= 500) return `answered ${status}: ${body.slice(0, 300)}`;
  if (status < 400) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return `answered ${status} with a body that is not JSON: ${body.slice(0, 200)}`;
  }
  const shape = errorBodySchema.safeParse(parsed);
  if (!shape.success) return `answered ${status} without the error shape: ${body.slice(0, 200)}`;
  if (!isErrorCode(shape.data.error.code))
    return `answered ${status} with unknown code ${shape.data.error.code}`;
  return undefined;
}

/**
 * Sends generated requests to one route as one identity and returns what broke. Successful
 * answers feed the id pool; a 401 for a signed-in identity renews its token for the next run.
 */
export async function fuzzRoute(
  app: App,
  route: FuzzRoute,
  who: Identity,
  ids: IdPool,
  refs: Record<string, JsonSchema>,
  settings: FuzzSettings & { hostility: number; statuses?: Map<string, number> },
): Promise<Finding | undefined> {
  const key = `${route.method} ${route.path}`;
  const seed = routeSeed(settings.seed, `${key} ${who.name} ${settings.hostility}`);
  let last: FuzzRequest | undefined;
  let needsRenewal = false;
  const property = fc.asyncProperty(
    requestsFor(route, { refs, knownIds: (name) => ids.forName(name), hostility: settings.hostility }),
    async (request) => {
      last = request;
      if (needsRenewal) {
        await who.renew();
        needsRenewal = false;
      }
      const token = who.token();
      const res = await app.inject({
        method: request.method as 'GET',
        url: request.url,
        headers: { ...request.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        ...(request.payload === undefined ? {} : { payload: request.payload }),
      });
      if (res.statusCode < 300) ids.harvest(res.body, route.path);
      const tally = `${key} ${res.statusCode}`;
      settings.statuses?.set(tally, (settings.statuses.get(tally) ?? 0) + 1);
      if (res.statusCode === 401 && token) needsRenewal = true;
      const problem = checkResponse(res.statusCode, res.body);
      if (problem) throw new Error(problem);
    },
  );
  // Anonymous callers of routes that need an account stop at the access check, and a route that
  // takes no input has little to vary: a run or two do.
  const takesInput = route.params.length > 0 || route.query.length > 0 || route.body !== undefined;
  const runs = who.name === 'anonymous' && !route.public ? 1 : takesInput ? settings.runs : 2;
  const result = await fc.check(property, { seed, numRuns: runs, endOnFailure: true });
  if (!result.failed) return undefined;
  const problem =
    result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
  return { route: key, identity: who.name, seed, request: last, problem };
}
