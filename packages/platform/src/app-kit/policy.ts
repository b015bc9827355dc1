import type { ApiKeyScope } from '@app/contracts';
import { AppError } from '../http/app-error.js';

/**
 * Who asks: a user id, or anything that carries one (an AuthContext, a test person). A route's
 * caller (`grantedCaller(request)`) also carries the role the kernel resolved for the route, which
 * `require` reuses when asked about the same scope and id.
 */
export type Caller =
  | string
  | {
      readonly userId: string;
      readonly grant?: { readonly role: string; readonly scope: string; readonly id: string } | null;
    };

/** How to find a caller's role in one kind of scope (a course, a session, a store, ...). */
export interface ScopeResolver<R extends string> {
  /** The caller's role there, or null when they have none (an outsider). */
  role(userId: string, id: string): Promise<R | null>;
  /**
   * The resource's name for the 404 an outsider gets (its existence is not revealed). App-wide
   * scopes set none: there a caller without a role gets 403.
   */
  readonly noun?: string;
}

/** What an app declares: its roles, which roles may do each action, and how scopes resolve roles. */
export interface PolicyDeclaration<R extends string, A extends string, S extends string> {
  readonly roles: readonly R[];
  readonly actions: { readonly [K in A]: readonly R[] };
  readonly scopes: { readonly [K in S]: ScopeResolver<R> };
}

/** A route's declared permission: the action, and the scope taken from one path parameter. */
export interface RouteGrant {
  readonly policy: Policy;
  readonly action: string;
  readonly scope: string;
  /** The path parameter holding the scope's id; undefined for app-wide scopes. */
  readonly param: string | undefined;
  /** The service refines the decision (e.g. results a student sees only when shown). */
  readonly refined: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a scope id is well formed (anything else cannot name a resource). */
export function isScopeId(id: string): boolean {
  return UUID.test(id);
}

/**
 * An app's policy: the one place that maps its roles to actions. Routes declare
 * `config: policy.route(action, { scope: 'param' })` and the kernel refuses before the handler runs;
 * services and channel handlers call `policy.require(caller, { scope: id }, action)`; responses carry
 * `policy.abilities(role)` so the web draws buttons without re-implementing the rules.
 */
export class Policy<R extends string = string, A extends string = string, S extends string = string> {
  constructor(private readonly declaration: PolicyDeclaration<R, A, S>) {}

  get roles(): readonly R[] {
    return this.declaration.roles;
  }

  get actions(): readonly A[] {
    return Object.keys(this.declaration.actions) as A[];
  }

  get scopes(): readonly S[] {
    return Object.keys(this.declaration.scopes) as S[];
  }

  /** Whether a role may perform an action. */
  allows(role: R | null | undefined, action: A): boolean {
    return role != null && this.declaration.actions[action].includes(role);
  }

  /** The caller's role in the route's declared scope (routes declared with `route(...)` only). */
  roleOf(request: { readonly grant: { readonly role: string } | null }): R {
    const role = request.grant?.role;
    if (!role || !this.roles.includes(role as R)) throw new Error('roleOf: the route declares no grant');
    return role as R;
  }

  /** Every action the role may perform (what responses send for the web's buttons). */
  abilities(role: R | null | undefined): A[] {
    return this.actions.filter((action) => this.allows(role, action));
  }

  /** The caller's role in a scope; null for outsiders and for ids that cannot exist. */
  async roleIn(caller: Caller, scope: S, id = ''): Promise<R | null> {
    const resolver = this.resolver(scope);
    if (resolver.noun && !isScopeId(id)) return null;
    const grant = typeof caller === 'string' ? undefined : caller.grant;
    // Resolved moments ago for this request's route, in this scope: no second query.
    if (grant && grant.scope === scope && grant.id === id && this.roles.includes(grant.role as R))
      return grant.role as R;
    return resolver.role(callerId(caller), id);
  }

  /**
   * Throws unless the caller may do `action` in the scope: 404 for outsiders of a resource (its
   * existence is not revealed), 403 for those whose role does not allow it. Returns the role.
   */
  async require(caller: Caller, where: { readonly [K in S]?: string } | S, action: A): Promise<R> {
    const [scope, id] = typeof where === 'string' ? [where, ''] : (Object.entries(where)[0] as [S, string]);
    const role = await this.roleIn(caller, scope, id);
    const noun = this.resolver(scope).noun;
    if (role === null && noun) throw new AppError('NOT_FOUND', `${noun} was not found.`);
    if (!this.allows(role, action)) throw new AppError('FORBIDDEN');
    return role as R;
  }

  /**
   * A route's config: signed-in callers (and, with `apiKeyScope`, API keys with that scope) whose
   * role in the scope (taken from the path parameter) allows `action`. `scope` is `{ course: 'courseId' }` for a resource, or an app-wide scope's name.
   */
  route(
    action: A,
    scope: { readonly [K in S]?: string } | S,
    options: { refined?: boolean; apiKeyScope?: ApiKeyScope } = {},
  ): { access: { kind: 'user'; apiKeyScope?: ApiKeyScope }; can: RouteGrant } {
    const [name, param] =
      typeof scope === 'string' ? [scope, undefined] : (Object.entries(scope)[0] as [S, string]);
    this.resolver(name);
    return {
      // With `apiKeyScope`, API keys carrying that scope may call the route too (as their owner).
      access: options.apiKeyScope ? { kind: 'user', apiKeyScope: options.apiKeyScope } : { kind: 'user' },
      can: {
        policy: this as unknown as Policy,
        action,
        scope: name,
        param,
        refined: options.refined ?? false,
      },
    };
  }

  private resolver(scope: S): ScopeResolver<R> {
    const resolver = this.declaration.scopes[scope];
    if (!resolver) throw new Error(`unknown policy scope ${scope}`);
    return resolver;
  }
}

/** Declares an app's policy (see Policy). */
export function definePolicy<const R extends string, const A extends string, const S extends string>(
  declaration: PolicyDeclaration<R, A, S>,
): Policy<R, A, S> {
  for (const [action, roles] of Object.entries(declaration.actions) as [string, readonly string[]][]) {
    const unknown = roles.filter((role) => !declaration.roles.includes(role as R));
    if (unknown.length) throw new Error(`action ${action} names unknown roles ${unknown.join(', ')}`);
  }
  return new Policy(declaration);
}

/** The caller's user id. */
export function callerId(caller: Caller): string {
  return typeof caller === 'string' ? caller : caller.userId;
}
