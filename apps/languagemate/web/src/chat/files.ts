import { ApiError, call, isTimeout, timeoutSignal, toApiError, UPLOAD_TIMEOUT_MS } from '@app/client';
import { type FilePurposeName, type UploadedFile, uploadedFileSchema } from '@app/contracts';
import { useApi, useWebSession } from '@app/ui';
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';

/**
 * `POST /api/v1/files?purpose=` from the browser (a multipart body, which the typed client does
 * not build); throws ApiError like `call`. Images come back re-encoded as WebP.
 */
export function useUpload(): (file: Blob, name: string, purpose: FilePurposeName) => Promise<UploadedFile> {
  const session = useWebSession();
  return useCallback(
    async (file, name, purpose) => {
      const body = new FormData();
      body.append('file', file, name);
      const token = await session.accessToken();
      let response: Response;
      try {
        response = await fetch(`/api/v1/files?purpose=${purpose}`, {
          method: 'POST',
          body,
          headers: token ? { authorization: `Bearer ${token}` } : {},
          signal: timeoutSignal(UPLOAD_TIMEOUT_MS) ?? null,
        });
      } catch (error) {
        if (isTimeout(error)) throw new ApiError(0, 'TIMEOUT', 'The upload took too long.');
        throw new ApiError(0, 'NETWORK', error instanceof Error ? error.message : 'Network error');
      }
      const json: unknown = await response.json().catch(() => undefined);
      if (!response.ok) throw toApiError(response.status, json, response.headers.get('retry-after'));
      return uploadedFileSchema.parse(json);
    },
    [session],
  );
}

/** A downloaded file as the page can show it: a `blob:` URL and the content type. */
export interface LocalFile {
  url: string;
  type: string;
}

/**
 * A file the user may read (a photo, a chat attachment) as a `blob:` URL: `GET /api/v1/files/:id`
 * needs the bearer token and redirects to a signed link, so `<img src>` cannot point at it. Cached
 * per file for the page's life (files do not change).
 */
export function useFileUrl(fileId: string | null | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['file-blob', fileId],
    enabled: Boolean(fileId),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 30 * 60_000,
    queryFn: async (): Promise<LocalFile> => {
      const blob = await call(
        api.GET('/api/v1/files/{id}', { params: { path: { id: fileId ?? '' } }, parseAs: 'blob' }),
      );
      if (!(blob instanceof Blob)) throw new ApiError(0, 'UNKNOWN', 'not a file');
      return { url: URL.createObjectURL(blob), type: blob.type };
    },
  });
}
