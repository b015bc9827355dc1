import {
  type ApiGrant,
  ApiGrantRevokedError,
  AppError,
  type GrantTokens,
  SecretBoxError,
} from '@app/platform';
import type { Selectable } from 'kysely';
import type { StorehelperGoogleConnections } from '../db.generated.js';
import type { StorehelperDeps } from '../deps.js';
import type { AccessTokens } from './api.js';

export type GoogleConnectionRow = Selectable<StorehelperGoogleConnections>;

/** An access token this close to expiry is refreshed before use. */
const EXPIRY_MARGIN_MS = 60_000;

const sealContext = (storeId: string, kind: 'refresh' | 'access') => `storehelper.google:${storeId}:${kind}`;

/**
 * Stores' Google connections (`storehelper.google_connections`): the OAuth grant, sealed with the
 * platform's secret box (bound to the store, so a value copied to another row does not open), and
 * the account and location the store reads. Tokens never leave the server.
 */
export class GoogleConnections {
  constructor(
    private readonly deps: StorehelperDeps,
    private readonly grant: () => ApiGrant,
  ) {}

  find(storeId: string): Promise<GoogleConnectionRow | undefined> {
    return this.deps.db
      .selectFrom('storehelper.google_connections')
      .selectAll()
      .where('store_id', '=', storeId)
      .executeTakeFirst();
  }

  /**
   * Keeps a new grant. Connecting again (another Google user, or after Google revoked access)
   * replaces the tokens and keeps the chosen account and location.
   */
  async save(storeId: string, userId: string, tokens: GrantTokens & { refreshToken: string }): Promise<void> {
    const box = this.deps.platform.secretBox;
    const values = {
      connected_by: userId,
      refresh_token_sealed: await box.seal(tokens.refreshToken, sealContext(storeId, 'refresh')),
      access_token_sealed: await box.seal(tokens.accessToken, sealContext(storeId, 'access')),
      access_expires_at: tokens.expiresAt ?? null,
    };
    await this.deps.db
      .insertInto('storehelper.google_connections')
      .values({ store_id: storeId, ...values })
      .onConflict((oc) => oc.column('store_id').doUpdateSet(values))
      .execute();
  }

  /** Sets the account and location the store reads (and `stores.google_location`), in one transaction. */
  async setLocation(storeId: string, accountName: string, locationName: string): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('storehelper.google_connections')
        .set({ account_name: accountName, location_name: locationName })
        .where('store_id', '=', storeId)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw new AppError('NOT_CONNECTED');
      await trx
        .updateTable('storehelper.stores')
        .set({ google_location: locationName, updated_at: new Date() })
        .where('id', '=', storeId)
        .execute();
    });
  }

  /**
   * Removes the connection and returns its refresh token (to revoke); the store's Google location
   * is cleared when it was the connection's.
   */
  async remove(storeId: string): Promise<string | undefined> {
    const row = await this.deps.db.transaction().execute(async (trx) => {
      const removed = await trx
        .deleteFrom('storehelper.google_connections')
        .where('store_id', '=', storeId)
        .returningAll()
        .executeTakeFirst();
      if (removed?.location_name)
        await trx
          .updateTable('storehelper.stores')
          .set({ google_location: null, updated_at: new Date() })
          .where('id', '=', storeId)
          .where('google_location', '=', removed.location_name)
          .execute();
      return removed;
    });
    if (!row) return undefined;
    try {
      return await this.deps.platform.secretBox.open(
        row.refresh_token_sealed,
        sealContext(storeId, 'refresh'),
      );
    } catch (error) {
      // A token that cannot be opened cannot be revoked either; the connection is gone all the same.
      this.deps.platform.logger.warn(
        { err: error, storeId },
        'storehelper: a Google token could not be opened',
      );
      return undefined;
    }
  }

  /** The store's access tokens: the stored one while it is valid, else a refresh. */
  tokens(storeId: string): AccessTokens {
    return {
      get: async () => {
        const row = await this.find(storeId);
        if (!row) throw new AppError('NOT_CONNECTED');
        const expires = row.access_expires_at?.getTime() ?? 0;
        if (row.access_token_sealed && expires - EXPIRY_MARGIN_MS > Date.now()) {
          // An access token that no longer opens (the key changed) is simply replaced.
          const stored = await this.deps.platform.secretBox
            .open(row.access_token_sealed, sealContext(storeId, 'access'))
            .catch(() => undefined);
          if (stored) return stored;
        }
        return this.refresh(row);
      },
      renew: async () => {
        const row = await this.find(storeId);
        if (!row) throw new AppError('NOT_CONNECTED');
        return this.refresh(row);
      },
    };
  }

  private async refresh(row: GoogleConnectionRow): Promise<string> {
    const box = this.deps.platform.secretBox;
    const storeId = row.store_id;
    let refreshToken: string;
    try {
      refreshToken = await box.open(row.refresh_token_sealed, sealContext(storeId, 'refresh'));
    } catch (error) {
      if (!(error instanceof SecretBoxError)) throw error;
      throw new AppError(
        'NOT_CONNECTED',
        'This store’s Google connection cannot be read (was SECRET_BOX_KEY changed?); connect it again.',
      );
    }
    let tokens: GrantTokens;
    try {
      tokens = await this.grant().refresh(refreshToken);
    } catch (error) {
      if (error instanceof ApiGrantRevokedError)
        throw new AppError(
          'NOT_CONNECTED',
          'Google no longer accepts this store’s connection (access was revoked or expired); connect it again.',
        );
      throw error;
    }
    // Google keeps the refresh token; a provider that rotates it sends a new one. After a key
    // rotation the old value is sealed again with the current key.
    const nextRefresh =
      tokens.refreshToken ?? ((await box.isStale(row.refresh_token_sealed)) ? refreshToken : undefined);
    await this.deps.db
      .updateTable('storehelper.google_connections')
      .set({
        access_token_sealed: await box.seal(tokens.accessToken, sealContext(storeId, 'access')),
        access_expires_at: tokens.expiresAt ?? null,
        ...(nextRefresh
          ? { refresh_token_sealed: await box.seal(nextRefresh, sealContext(storeId, 'refresh')) }
          : {}),
      })
      .where('store_id', '=', storeId)
      .execute();
    return tokens.accessToken;
  }
}
