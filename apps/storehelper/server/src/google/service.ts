import { AppError } from '@app/platform';
import type { z } from 'zod';
import type { GoogleBusiness } from './business.js';
import type { GoogleOAuth } from './oauth.js';
import type { googleConnectionSchema, googleLocationSchema } from './schema.js';
import type { GoogleLocation } from './shapes.js';

type GoogleConnection = z.infer<typeof googleConnectionSchema>;
type LocationChoice = z.infer<typeof googleLocationSchema>;

/** Most locations offered to pick from (agencies manage many; a store picks one). */
const MAX_CHOICES = 500;

/** A store's Google settings: the connection's state, the locations to pick from, the pick, disconnecting. */
export class GoogleSettings {
  constructor(
    private readonly google: GoogleBusiness,
    private readonly oauth: GoogleOAuth,
  ) {}

  async status(storeId: string): Promise<GoogleConnection> {
    const row = await this.google.connections.find(storeId);
    return {
      configured: this.google.configured,
      connected: row !== undefined,
      accountName: row?.account_name ?? null,
      locationName: row?.location_name ?? null,
      connectedAt: row?.created_at.toISOString() ?? null,
    };
  }

  /** Every location of every account the connected Google user manages. */
  async locations(storeId: string): Promise<LocationChoice[]> {
    await this.requireConnection(storeId);
    const api = this.google.api(storeId);
    const out: LocationChoice[] = [];
    for (const account of await api.accounts()) {
      for (const location of await api.locations(account.name)) {
        out.push({
          accountName: account.name,
          accountTitle: account.accountName ?? '',
          locationName: location.name,
          title: location.title ?? '',
          address: addressLine(location),
        });
        if (out.length >= MAX_CHOICES) return out;
      }
    }
    return out;
  }

  /** Sets the location the store reads; it must be one the connected Google user manages. */
  async chooseLocation(
    storeId: string,
    choice: { locationName: string; accountName?: string | undefined },
  ): Promise<GoogleConnection> {
    await this.requireConnection(storeId);
    const api = this.google.api(storeId);
    const accounts = choice.accountName ? [choice.accountName] : (await api.accounts()).map((a) => a.name);
    for (const accountName of accounts) {
      const locations = await api.locations(accountName);
      if (locations.some((location) => location.name === choice.locationName)) {
        await this.google.connections.setLocation(storeId, accountName, choice.locationName);
        return this.status(storeId);
      }
    }
    throw new AppError(
      'BAD_REQUEST',
      'The connected Google account does not manage this location; pick one from the list.',
    );
  }

  /** Disconnects: the grant is revoked at Google (best effort) and the row deleted. */
  async disconnect(storeId: string): Promise<void> {
    const refreshToken = await this.google.connections.remove(storeId);
    if (refreshToken && this.google.configured) await this.oauth.revokeQuietly(refreshToken);
  }

  private async requireConnection(storeId: string): Promise<void> {
    if (!(await this.google.connections.find(storeId))) throw new AppError('NOT_CONNECTED');
  }
}

function addressLine(location: GoogleLocation): string {
  const a = location.storefrontAddress;
  if (!a) return '';
  return [a.administrativeArea, a.locality, ...(a.addressLines ?? [])]
    .filter((part): part is string => Boolean(part))
    .join(' ');
}
