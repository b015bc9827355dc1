import { AppError } from '@app/platform';
import { z } from 'zod';
import type { StorehelperDeps } from '../deps.js';
import { BUSINESS_MANAGE_SCOPE, type GoogleBusiness } from './business.js';

const contextSchema = z.object({ storeId: z.uuid() });

/**
 * Connecting a store to Google: the owner goes to Google's consent page (state bound to them and
 * the store, PKCE, offline access), Google sends the browser back to our public callback, and the
 * tokens are kept sealed. The browser then lands on the store's settings page.
 */
export class GoogleOAuth {
  constructor(
    private readonly deps: StorehelperDeps,
    private readonly google: GoogleBusiness,
  ) {}

  /** Google's consent URL for this store (the caller may manage it; routes check that). */
  async connectUrl(storeId: string, userId: string): Promise<string> {
    const grant = this.google.grant();
    const store = await this.deps.db
      .selectFrom('storehelper.stores')
      .select('competitor_of')
      .where('id', '=', storeId)
      .executeTakeFirst();
    if (!store) throw new AppError('NOT_FOUND', 'Store was not found.');
    if (store.competitor_of) throw new AppError('COMPETITOR_READ_ONLY');
    return grant.start(userId, { storeId });
  }

  /**
   * Google's redirect: a forged, reused or expired state is refused (401); otherwise the browser is
   * sent to the store's settings with `?google=connected` or `?google=error&reason=...`.
   */
  async callback(query: Readonly<Record<string, string>>): Promise<string> {
    const result = await this.google.grant().complete(query);
    const context = contextSchema.safeParse(result.context);
    if (!context.success) throw new AppError('INVALID_TOKEN');
    const { storeId } = context.data;
    const back = (outcome: string) =>
      `${this.deps.platform.config.server.publicUrl}/storehelper/stores/${storeId}/settings?google=${outcome}`;
    const failed = (reason: string) => back(`error&reason=${encodeURIComponent(reason)}`);
    if (!result.ok) return failed(result.error);
    // Still allowed to manage the store now that Google answered (the owner may have changed).
    try {
      await this.deps.policy.require(result.userId, { store: storeId }, 'store.manage');
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return failed('forbidden');
    }
    const { tokens } = result;
    // Google lets people untick scopes on the consent page; without this one nothing works.
    if (tokens.scope !== undefined && !tokens.scope.split(' ').includes(BUSINESS_MANAGE_SCOPE)) {
      await this.revokeQuietly(tokens.refreshToken ?? tokens.accessToken);
      return failed('scope');
    }
    if (!tokens.refreshToken) return failed('no_refresh_token');
    await this.google.connections.save(storeId, result.userId, {
      ...tokens,
      refreshToken: tokens.refreshToken,
    });
    return back('connected');
  }

  /** Revokes a token at Google; a failure is logged, never shown (the row is gone either way). */
  async revokeQuietly(token: string): Promise<void> {
    try {
      await this.google.grant().revoke(token);
    } catch (error) {
      this.deps.platform.logger.warn({ err: error }, 'storehelper: revoking a Google token failed');
    }
  }
}
