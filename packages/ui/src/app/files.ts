import { ApiError, call, isTimeout, timeoutSignal, toApiError, UPLOAD_TIMEOUT_MS } from '@app/client';
import { type FilePurposeName, type UploadedFile, uploadedFileSchema } from '@app/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useApi, useWebSession } from './context.js';

/**
 * Uploads through the platform files module (`POST /api/v1/files?purpose=`, field `file`); the
 * typed client has no multipart body for it. Throws ApiError like `call`: PAYLOAD_TOO_LARGE,
 * UNSUPPORTED_MEDIA_TYPE (e.g. a non-image as `image`), QUOTA_EXCEEDED, NETWORK, TIMEOUT.
 */
export function useUpload(): (
  file: File | Blob,
  purpose: FilePurposeName,
  name?: string,
) => Promise<UploadedFile> {
  const session = useWebSession();
  return async (file, purpose, name) => {
    const body = new FormData();
    body.append('file', file, name ?? (file instanceof File ? file.name : purpose));
    const token = await session.accessToken();
    let response: Response;
    try {
      response = await fetch(`/api/v1/files?purpose=${purpose}`, {
        method: 'POST',
        body,
        headers: token ? { authorization: `Bearer ${token}` } : {},
        // Longer than the API client's 30 s: the body is a whole file on whatever link.
        signal: timeoutSignal(UPLOAD_TIMEOUT_MS) ?? null,
      });
    } catch (error) {
      if (isTimeout(error)) throw new ApiError(0, 'TIMEOUT', 'The upload took too long.');
      throw new ApiError(0, 'NETWORK', error instanceof Error ? error.message : 'Network error');
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw toApiError(response.status, json, response.headers.get('retry-after'));
    return uploadedFileSchema.parse(json);
  };
}

/**
 * A local URL (`blob:`) for showing an uploaded file in `<img>`, `<audio>`: `GET /api/v1/files/:id`
 * needs the bearer token and redirects to a signed link, so the file is fetched once and kept while
 * mounted. `undefined` while loading, for `null`, or when the caller may not read it.
 */
export function useFileUrl(fileId: string | null | undefined): string | undefined {
  const api = useApi();
  const query = useQuery({
    queryKey: ['files', 'blob', fileId],
    enabled: Boolean(fileId),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
    queryFn: async () =>
      call(api.GET('/api/v1/files/{id}', { params: { path: { id: fileId ?? '' } }, parseAs: 'blob' })),
  });
  return useObjectUrl(query.data instanceof Blob ? query.data : undefined);
}

/** An object URL for a blob, revoked when the blob changes or the component unmounts. */
function useObjectUrl(blob: Blob | undefined): string | undefined {
  const url = blob ? (objectUrls.get(blob) ?? createUrl(blob)) : undefined;
  useEffect(() => {
    if (!blob) return;
    users.set(blob, (users.get(blob) ?? 0) + 1);
    return () => {
      const left = (users.get(blob) ?? 1) - 1;
      users.set(blob, left);
      // Several avatars may show one photo, and the next page may already have rendered with the
      // URL: it is released a while after the last user is gone, if none came back meanwhile.
      if (left === 0)
        setTimeout(() => {
          if ((users.get(blob) ?? 0) > 0) return;
          const stale = objectUrls.get(blob);
          if (stale) URL.revokeObjectURL(stale);
          objectUrls.delete(blob);
        }, 30_000);
    };
  }, [blob]);
  return url;
}

const objectUrls = new WeakMap<Blob, string>();
const users = new WeakMap<Blob, number>();
function createUrl(blob: Blob): string {
  const url = URL.createObjectURL(blob);
  objectUrls.set(blob, url);
  return url;
}
