import { call } from '@app/client';
import type { LanguagematePaths } from '@app/languagemate-contracts';
import { Button, Spinner, useApi, useFormat } from '@app/ui';
import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isMediaBody } from './attachment-view.js';
import { useChatErrorText } from './chat-errors.js';

/** The found text marked in a message body (case-insensitive, literal, like the server's search). */
function Highlighted({ text, query }: { text: string; query: string }) {
  const at = text.toLowerCase().indexOf(query.toLowerCase());
  if (at < 0 || !query) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <mark className="rounded bg-warning-soft px-0.5 text-fg">{text.slice(at, at + query.length)}</mark>
      {text.slice(at + query.length)}
    </>
  );
}

/**
 * Search within the conversation (Korean and English alike: the server matches the text
 * literally, case-insensitively), newest first, with "more"; choosing a result jumps to it.
 */
export function SearchPanel({
  roomId,
  names,
  onJump,
  onClose,
}: {
  roomId: string;
  names: (senderId: string | null) => string;
  onJump: (seq: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('languagemate');
  const errorText = useChatErrorText();
  const format = useFormat();
  const api = useApi<LanguagematePaths>();
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState('');
  const inputId = useId();
  const results = useInfiniteQuery({
    queryKey: ['languagemate', 'chat-search', roomId, query],
    enabled: query.length > 0,
    initialPageParam: '',
    queryFn: ({ pageParam }: { pageParam: string }) =>
      call(
        api.GET('/api/v1/chat/rooms/{roomId}/messages/search', {
          params: {
            path: { roomId },
            query: { q: query, limit: 20, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery(draft.trim());
  };
  const items = results.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section
      aria-label={t('chat.search.title')}
      className="flex max-h-[50dvh] flex-col gap-2 border-b border-border bg-surface p-3"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <form onSubmit={submit} className="flex gap-2">
        <label htmlFor={inputId} className="sr-only">
          {t('chat.search.label')}
        </label>
        <input
          id={inputId}
          type="search"
          value={draft}
          maxLength={200}
          // biome-ignore lint/a11y/noAutofocus: the user just opened the search
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
          placeholder={t('chat.search.placeholder')}
          className="min-h-11 flex-1 rounded-lg border border-border bg-surface px-3"
        />
        <Button type="submit" disabled={!draft.trim()}>
          {t('chat.search.submit')}
        </Button>
        <Button variant="ghost" onClick={onClose}>
          {t('chat.search.close')}
        </Button>
      </form>
      <div className="overflow-y-auto" aria-live="polite">
        {results.isFetching && items.length === 0 ? (
          <p className="flex items-center gap-2 p-2 text-sm text-fg-muted">
            <Spinner className="size-4" />
            {t('chat.search.searching')}
          </p>
        ) : results.isError ? (
          <p role="alert" className="p-2 text-sm text-danger">
            {errorText(results.error)}
          </p>
        ) : query && items.length === 0 ? (
          <p className="p-2 text-sm text-fg-muted">{t('chat.search.none', { query })}</p>
        ) : (
          query && (
            <>
              <p className="px-2 text-xs text-fg-muted">{t('chat.search.count', { count: items.length })}</p>
              <ul className="flex flex-col">
                {items.map((m) => (
                  <li key={m.id}>
                    <button
                      type="button"
                      onClick={() => onJump(m.seq)}
                      className="flex w-full flex-col items-start gap-0.5 rounded-lg px-2 py-2 text-left hover:bg-surface-muted"
                    >
                      <span className="text-xs text-fg-muted">
                        {names(m.senderId)} · {format.dateTime(m.createdAt)}
                      </span>
                      <span className="line-clamp-2 text-sm">
                        {isMediaBody(m.body) ? (
                          t('chat.media.file')
                        ) : (
                          <Highlighted text={m.body} query={query} />
                        )}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
              {results.hasNextPage && (
                <Button
                  variant="secondary"
                  loading={results.isFetchingNextPage}
                  onClick={() => void results.fetchNextPage()}
                >
                  {t('chat.search.more')}
                </Button>
              )}
            </>
          )
        )}
      </div>
    </section>
  );
}
