import { call } from '@app/client';
import type { Reply, Review, StorehelperPaths } from '@app/storehelper-contracts';
import { useApi } from '@app/ui';
import { useQueryClient } from '@tanstack/react-query';
import { keys } from '../shared/data.js';

/**
 * The reply calls of one review (draft, edit, approve, mark done, discard). Each answer goes into
 * the review's cache entry at once; the inbox, the alerts and the dashboard are refreshed after.
 */
export function useReplyCalls(review: Pick<Review, 'id' | 'storeId'>) {
  const api = useApi<StorehelperPaths>();
  const queryClient = useQueryClient();
  const path = { params: { path: { reviewId: review.id } } };
  const settle = async (reply: Reply | null) => {
    queryClient.setQueryData<Review>(keys.review(review.id), (current) =>
      current
        ? {
            ...current,
            reply,
            ...(reply && finished(reply) ? { ownerReply: reply.text, urgent: false } : {}),
          }
        : current,
    );
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.reviews(review.storeId) }),
      queryClient.invalidateQueries({ queryKey: keys.alerts(review.storeId) }),
      queryClient.invalidateQueries({ queryKey: keys.dashboard(review.storeId) }),
    ]);
    return reply;
  };
  return {
    draft: async (templateId?: string) =>
      settle(
        await call(
          api.POST('/api/v1/storehelper/reviews/{reviewId}/reply/draft', {
            ...path,
            body: templateId ? { templateId } : {},
          }),
        ),
      ),
    edit: async (text: string) =>
      settle(
        await call(api.PUT('/api/v1/storehelper/reviews/{reviewId}/reply', { ...path, body: { text } })),
      ),
    approve: async () =>
      settle(await call(api.POST('/api/v1/storehelper/reviews/{reviewId}/reply/approve', path))),
    done: async () => settle(await call(api.POST('/api/v1/storehelper/reviews/{reviewId}/reply/done', path))),
    discard: async () => {
      await call(api.DELETE('/api/v1/storehelper/reviews/{reviewId}/reply', path));
      return settle(null);
    },
  };
}

/** Whether the reply is out (posted through the API, or pasted by hand and marked done). */
export function finished(reply: Reply): boolean {
  return reply.status === 'posted' || reply.status === 'done';
}
