import { ApiError, DEFAULT_TIMEOUT_MS, isTimeout, timeoutSignal, toApiError } from '@app/client';
import { useWebSession } from '@app/ui';
import { useCallback } from 'react';
import type { z } from 'zod';

/**
 * JSON requests to routes that are announced (their shapes are in the contracts) but not yet in
 * the generated typed client: message search and call feedback. The answer is parsed with the
 * contract's schema; errors are ApiErrors like `call`'s. Once those routes are on main and
 * `npm run api:client` has run, their callers switch to `api.GET`/`api.POST` and this goes away.
 */
export function usePendingRoute() {
  const session = useWebSession();
  return useCallback(
    async <S extends z.ZodType>(
      method: 'GET' | 'POST',
      path: string,
      schema: S,
      body?: unknown,
    ): Promise<z.output<S>> => {
      const token = await session.accessToken();
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      let response: Response;
      try {
        response = await fetch(path, {
          method,
          headers,
          body: body === undefined ? null : JSON.stringify(body),
          signal: timeoutSignal(DEFAULT_TIMEOUT_MS) ?? null,
        });
      } catch (error) {
        if (isTimeout(error)) throw new ApiError(0, 'TIMEOUT', 'The server took too long to answer.');
        throw new ApiError(0, 'NETWORK', error instanceof Error ? error.message : 'Network error');
      }
      const json: unknown = await response.json().catch(() => undefined);
      if (!response.ok) throw toApiError(response.status, json, response.headers.get('retry-after'));
      return schema.parse(json);
    },
    [session],
  );
}
