import { call } from '@app/client';
import type { LanguagematePaths, PartnerRequest } from '@app/languagemate-contracts';
import { Button, ErrorState, LoadingState, useApi, useFormat, useToast } from '@app/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { keys, useRequests } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { LanguageLine, PersonAvatar } from '../shared/person.js';

type Action = 'accept' | 'decline' | 'cancel';

/** Pending requests to me (accept / decline) and from me (cancel). */
export function Requests() {
  const { t } = useT();
  return (
    <div className="flex flex-col gap-8">
      <RequestBox box="incoming" title={t('requests.incoming')} empty={t('requests.incomingEmpty')} />
      <RequestBox box="outgoing" title={t('requests.outgoing')} empty={t('requests.outgoingEmpty')} />
    </div>
  );
}

function RequestBox({ box, title, empty }: { box: 'incoming' | 'outgoing'; title: string; empty: string }) {
  const { t } = useT();
  const api = useApi<LanguagematePaths>();
  const toast = useToast();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const requests = useRequests(box);
  const act = useMutation({
    mutationFn: ({ request, action }: { request: PartnerRequest; action: Action }) => {
      const params = { path: { requestId: request.id } };
      if (action === 'accept')
        return call(api.POST('/api/v1/languagemate/requests/{requestId}/accept', { params }));
      if (action === 'decline')
        return call(api.POST('/api/v1/languagemate/requests/{requestId}/decline', { params }));
      return call(api.POST('/api/v1/languagemate/requests/{requestId}/cancel', { params }));
    },
    onSuccess: (_, { request, action }) => {
      void queryClient.invalidateQueries({ queryKey: keys.requests(box) });
      if (action === 'accept') void queryClient.invalidateQueries({ queryKey: keys.partners });
      toast(
        t(`requests.done.${action}`, { name: request.other.displayName }),
        action === 'accept' ? 'success' : 'neutral',
      );
    },
    onError: (error) => {
      toast(errorText(error), 'danger');
      void queryClient.invalidateQueries({ queryKey: keys.requests(box) });
    },
  });
  const busy = (request: PartnerRequest, action: Action) =>
    act.isPending && act.variables.request.id === request.id && act.variables.action === action;
  return (
    <section aria-labelledby={`requests-${box}`} className="flex flex-col gap-3">
      <h2 id={`requests-${box}`} className="text-lg font-semibold">
        {title}
      </h2>
      {requests.isPending ? (
        <LoadingState />
      ) : requests.isError ? (
        <ErrorState message={errorText(requests.error)} onRetry={() => void requests.refetch()} />
      ) : requests.data.items.length === 0 ? (
        <p className="rounded-xl border border-dashed border-border p-4 text-fg-muted">{empty}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {requests.data.items.map((request) => (
            <li key={request.id}>
              <RequestItem request={request}>
                {box === 'incoming' ? (
                  <>
                    <Button
                      loading={busy(request, 'accept')}
                      disabled={act.isPending}
                      onClick={() => act.mutate({ request, action: 'accept' })}
                      aria-label={t('requests.acceptName', { name: request.other.displayName })}
                    >
                      {t('requests.accept')}
                    </Button>
                    <Button
                      variant="secondary"
                      loading={busy(request, 'decline')}
                      disabled={act.isPending}
                      onClick={() => act.mutate({ request, action: 'decline' })}
                      aria-label={t('requests.declineName', { name: request.other.displayName })}
                    >
                      {t('requests.decline')}
                    </Button>
                  </>
                ) : (
                  <Button
                    variant="secondary"
                    loading={busy(request, 'cancel')}
                    disabled={act.isPending}
                    onClick={() => act.mutate({ request, action: 'cancel' })}
                    aria-label={t('requests.cancelName', { name: request.other.displayName })}
                  >
                    {t('requests.cancel')}
                  </Button>
                )}
              </RequestItem>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RequestItem({ request, children }: { request: PartnerRequest; children: ReactNode }) {
  const { t } = useT();
  const format = useFormat();
  const other = request.other;
  return (
    <article className="flex flex-col gap-3 rounded-xl border border-border bg-surface p-4">
      <div className="flex items-center gap-3">
        <PersonAvatar name={other.displayName} photoFileId={other.photoFileId} className="size-12" />
        <div className="min-w-0">
          <h3 className="truncate font-semibold">{other.displayName}</h3>
          <p className="text-sm text-fg-muted">
            <time dateTime={request.createdAt}>{format.dateTime(request.createdAt)}</time>
          </p>
        </div>
      </div>
      <LanguageLine profile={other} />
      {request.message && (
        <blockquote className="border-l-4 border-accent pl-3 text-sm">
          <span className="sr-only">{t('requests.message')}: </span>
          {request.message}
        </blockquote>
      )}
      <div className="flex flex-wrap gap-2">{children}</div>
    </article>
  );
}
