import { describe, expect, it } from 'vitest';
import type { App } from '../http/app-type.js';
import type { RouteAccess } from '../http/route-access.js';
import { appCaller, type Method, type Person } from './people.js';

/** One world per call: people with a role each, and values for every path parameter. */
export interface RouteRolesWorld {
  /** One person per role of the app's policy (holding that role in every resource of the world). */
  readonly people: Readonly<Record<string, Person>>;
  /** Someone with no role anywhere in the world (none in apps where every user has a role). */
  readonly outsider?: Person;
  /** Values of path parameters (`courseId`, `userId`, ...). */
  readonly params: Readonly<Record<string, string>>;
}

/** What `describeRouteRoles` needs from an app's test file. */
export interface RouteRolesOptions {
  /** The app's name (its routes are those under `/api/v1/<name>`). */
  readonly name: string;
  /** The running app (built in the test file's `beforeAll`). */
  readonly app: () => App;
  /** A fresh world; routes may change or delete what they act on, so every call gets its own. */
  readonly world: () => Promise<RouteRolesWorld>;
  /**
   * A person's role in an app-wide scope, when it differs from the role they hold in the world's
   * resources (eduforum: a course's TA is nobody app-wide). Defaults to the same role.
   */
  readonly appScopeRole?: (role: string) => string | null;
}

/**
 * The route x role test, generated from the routes' declarations: for every route of the app, every
 * role and an outsider, a call with the world's parameters and no body is refused (403, or 404 for
 * an outsider of a resource) exactly when the route's declared action does not allow the caller's
 * role, and is never a 401 or a 5xx. Permission is checked before the body, so an allowed call
 * without a body gets its validation error instead. Routes that declare `refined` (the service may
 * refuse more, e.g. results hidden until shown) are checked in the refusing direction only.
 */
export function describeRouteRoles(options: RouteRolesOptions): void {
  describe(`${options.name} routes x roles (from the declarations)`, () => {
    it('refuses and allows every route as its declared action says', async () => {
      const app = options.app();
      const prefix = `/api/v1/${options.name}`;
      const routes = declaredRoutes(app, options.name);
      expect(routes.length).toBeGreaterThan(0);
      const call = appCaller(app, options.name);
      const mismatches: string[] = [];
      for (const route of routes) {
        if (route.access.kind === 'public') continue;
        const first = await options.world();
        const roles = [...Object.keys(first.people), ...(first.outsider ? ['outsider'] : [])];
        for (const role of roles) {
          const world = role === roles[0] ? first : await options.world();
          const person = role === 'outsider' ? world.outsider : world.people[role];
          if (!person) throw new Error(`the world has no person with role ${role}`);
          const path = fillPath(route.url.slice(prefix.length), world.params);
          const res = await call(person, route.method as Method, path);
          const key = `${route.method} ${route.url.slice(prefix.length)} as ${role}`;
          if (res.statusCode >= 500 || res.statusCode === 401) {
            mismatches.push(`${key}: ${res.statusCode} ${res.body.slice(0, 160)}`);
            continue;
          }
          const can = route.can;
          let expected = true;
          if (can) {
            const scopeRole =
              role === 'outsider'
                ? null
                : can.param
                  ? role
                  : options.appScopeRole
                    ? options.appScopeRole(role)
                    : role;
            expected = can.policy.allows(scopeRole, can.action);
          }
          // Refused is 403, or 404 where the resource is hidden from the caller: an outsider, or a
          // role with no place in a resource-scoped route (a member of the app who is not in the store).
          const denied =
            res.statusCode === 403 ||
            (res.statusCode === 404 && (role === 'outsider' || (!expected && !!can?.param)));
          if (can?.refined && expected) continue;
          if (denied === expected)
            mismatches.push(
              `${key}: ${expected ? 'allowed' : 'refused'} expected, got ${res.statusCode} ${res.body.slice(0, 160)}`,
            );
        }
      }
      expect(mismatches).toEqual([]);
    });
  });
}

/**
 * The routes of one app as declared (`/api/v1/<name>/...`, without HEAD): method, URL and, for
 * routes with a declared permission, `can` (action, scope, path parameter). Tests that walk every
 * route (the route x role test, revocation tests) read them here so new routes are covered.
 */
export function declaredRoutes(app: App, name: string): readonly RouteAccess[] {
  return app.routeAccess.filter((r) => r.url.startsWith(`/api/v1/${name}/`) && r.method !== 'HEAD');
}

/** Fills `:name` parameters of a route URL from the world. */
export function fillPath(url: string, params: Readonly<Record<string, string>>): string {
  return url.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`the world has no value for the path parameter ${name}`);
    return encodeURIComponent(value);
  });
}
