import { ApiError, call, isTimeout, timeoutSignal, toApiError, UPLOAD_TIMEOUT_MS } from '@app/client';
import { type UploadedFile, uploadedFileSchema } from '@app/contracts';
import type { EduforumPaths } from '@app/eduforum-contracts';
import { useApi, useWebSession } from '@app/ui';

/**
 * The platform files module (packages/platform/src/files/routes.ts) from the browser: a multipart
 * upload (the typed client has no multipart body for it) and an authorised download.
 */
export function useFiles() {
  const api = useApi<EduforumPaths>();
  const session = useWebSession();
  return {
    /** `POST /api/v1/files?purpose=document`, field `file`; throws ApiError like `call`. */
    async upload(file: File): Promise<UploadedFile> {
      const body = new FormData();
      body.append('file', file, file.name);
      const token = await session.accessToken();
      let response: Response;
      try {
        response = await fetch('/api/v1/files?purpose=document', {
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
    },
    /**
     * Saves a file: `GET /api/v1/files/:id` needs the bearer token and redirects to a signed link,
     * so it is fetched (the redirect followed) and handed to the browser as a blob.
     */
    async download(fileId: string, name: string): Promise<void> {
      const blob = await call(
        api.GET('/api/v1/files/{id}', { params: { path: { id: fileId } }, parseAs: 'blob' }),
      );
      const url = URL.createObjectURL(blob as Blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      // Give the download a moment to start before the blob is released.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  };
}
