import { ApiError, call, isTimeout, timeoutSignal, toApiError, UPLOAD_TIMEOUT_MS } from '@app/client';
import { type FilePurposeName, type UploadedFile, uploadedFileSchema } from '@app/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useApi, useWebSession } from './context.js';

/** Options of an upload: `onProgress` gets the share of the file sent so far (0..1). */
export interface UploadOptions {
  onProgress?: (fraction: number) => void;
}

/**
 * Uploads through the platform files module (`POST /api/v1/files?purpose=`, field `file`); the
 * typed client has no multipart body for it. Throws ApiError like `call`: PAYLOAD_TOO_LARGE,
 * UNSUPPORTED_MEDIA_TYPE (e.g. a non-image as `image`), QUOTA_EXCEEDED, NETWORK, TIMEOUT. With
 * `onProgress` it reports how much was sent (XMLHttpRequest: fetch cannot observe an upload).
 */
export function useUpload(): (
  file: File | Blob,
  purpose: FilePurposeName,
  name?: string,
  options?: UploadOptions,
) => Promise<UploadedFile> {
  const session = useWebSession();
  return async (file, purpose, name, options = {}) => {
    const body = new FormData();
    body.append('file', file, name ?? (file instanceof File ? file.name : purpose));
    const token = await session.accessToken();
    const url = `/api/v1/files?purpose=${purpose}`;
    if (options.onProgress) return sendWithProgress(url, body, token, options.onProgress);
    let response: Response;
    try {
      response = await fetch(url, {
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

/** The same upload over XMLHttpRequest, reporting the share of the body sent. */
function sendWithProgress(
  url: string,
  body: FormData,
  token: string | undefined,
  onProgress: (fraction: number) => void,
): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    if (token) request.setRequestHeader('authorization', `Bearer ${token}`);
    request.timeout = UPLOAD_TIMEOUT_MS;
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      let json: unknown;
      try {
        json = JSON.parse(request.responseText);
      } catch {
        json = undefined;
      }
      if (request.status < 200 || request.status >= 300) {
        reject(toApiError(request.status, json, request.getResponseHeader('retry-after')));
        return;
      }
      try {
        onProgress(1);
        resolve(uploadedFileSchema.parse(json));
      } catch (error) {
        reject(error);
      }
    };
    request.ontimeout = () => reject(new ApiError(0, 'TIMEOUT', 'The upload took too long.'));
    request.onerror = () => reject(new ApiError(0, 'NETWORK', 'Network error'));
    request.send(body);
  });
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
