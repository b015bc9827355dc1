import { call } from '@app/client';
import type { LanguagematePaths, Suggestion } from '@app/languagemate-contracts';
import { Button, EmptyState, ErrorState, LoadingState, useApi, useToast } from '@app/ui';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { keys } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { SuggestionCard } from './suggestion-card.js';

const PAGE = 10;

/** Suggested partners, best first, ten at a time ("Show more" follows the cursor). */
export function Suggestions({ myZone }: { myZone: string }) {
  const { t } = useT();
  const api = useApi<LanguagematePaths>();
  const toast = useToast();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const query = useInfiniteQuery({
    queryKey: keys.suggestions,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/languagemate/suggestions', {
          params: { query: { limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  // Someone answered (requested or dismissed) leaves the list at once, without a refetch.
  const drop = (userId: string) =>
    queryClient.setQueryData<typeof query.data>(keys.suggestions, (data) =>
      data
        ? {
            ...data,
            pages: data.pages.map((page) => ({
              ...page,
              items: page.items.filter((s) => s.profile.userId !== userId),
            })),
          }
        : data,
    );
  const dismiss = useMutation({
    mutationFn: (userId: string) =>
      call(api.POST('/api/v1/languagemate/suggestions/{userId}/dismiss', { params: { path: { userId } } })),
    onSuccess: (_, userId) => {
      drop(userId);
      toast(t('suggestions.dismissed'), 'neutral');
    },
    onError: (error) => toast(errorText(error), 'danger'),
  });
  const request = async (suggestion: Suggestion, message: string) => {
    try {
      await call(
        api.POST('/api/v1/languagemate/requests', { body: { toUserId: suggestion.profile.userId, message } }),
      );
    } catch (error) {
      throw new Error(errorText(error));
    }
    drop(suggestion.profile.userId);
    void queryClient.invalidateQueries({ queryKey: keys.requests('outgoing') });
    void queryClient.invalidateQueries({ queryKey: keys.partners });
    toast(t('suggestions.requested', { name: suggestion.profile.displayName }));
  };

  if (query.isPending) return <LoadingState label={t('suggestions.loading')} />;
  if (query.isError)
    return <ErrorState message={errorText(query.error)} onRetry={() => void query.refetch()} />;
  const items = query.data.pages.flatMap((page) => page.items);
  if (items.length === 0)
    return (
      <EmptyState
        title={t('suggestions.emptyTitle')}
        action={
          <Link to="/profile" className="font-semibold text-accent underline underline-offset-4">
            {t('suggestions.emptyAction')}
          </Link>
        }
      >
        {t('suggestions.emptyBody')}
      </EmptyState>
    );
  return (
    <div className="flex flex-col gap-4">
      <ul className="grid gap-4 md:grid-cols-2">
        {items.map((suggestion) => (
          <li key={suggestion.profile.userId}>
            <SuggestionCard
              suggestion={suggestion}
              myZone={myZone}
              onRequest={(message) => request(suggestion, message)}
              onDismiss={() => dismiss.mutate(suggestion.profile.userId)}
              dismissing={dismiss.isPending && dismiss.variables === suggestion.profile.userId}
            />
          </li>
        ))}
      </ul>
      {query.hasNextPage && (
        <Button
          variant="secondary"
          loading={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {t('suggestions.more')}
        </Button>
      )}
    </div>
  );
}
