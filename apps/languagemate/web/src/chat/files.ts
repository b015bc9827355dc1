import { ApiError, call } from '@app/client';
import type { LanguagematePaths } from '@app/languagemate-contracts';
import { useApi } from '@app/ui';
import { useQuery } from '@tanstack/react-query';

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
  const api = useApi<LanguagematePaths>();
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
