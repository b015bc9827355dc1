import { call as callApi } from '@app/client';
import type { Call } from '@app/contracts';
import type { Language, LanguagematePaths, Partner, Profile } from '@app/languagemate-contracts';
import { EmptyState, ErrorState, LoadingState, useApi, useSession, useTitle, useToast } from '@app/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useChatErrorText } from '../chat/chat-errors.js';
import { CallStage } from './call-stage.js';
import { FeedbackForm } from './feedback-form.js';

/**
 * The two languages a pair practises: my target that they speak natively, and their target that I
 * speak natively (English and Korean when the profiles say nothing clearer).
 */
export function pairLanguages(
  mine: Profile | null | undefined,
  theirs: Partner['profile'] | undefined,
): Language[] {
  const picked: Language[] = [];
  const learn = mine?.targets.map((t) => t.language).find((l) => theirs?.nativeLanguages.includes(l));
  const teach = theirs?.targets.map((t) => t.language).find((l) => mine?.nativeLanguages.includes(l));
  for (const language of [learn, teach, 'en', 'ko'] as const)
    if (language && !picked.includes(language) && picked.length < 2) picked.push(language);
  return picked;
}

/**
 * `call/:callId` (`?mode=voice` for a voice call, `?accept=1` when answering): the call, then the
 * feedback form once it ended after being answered.
 */
export function CallPage() {
  const { callId = '' } = useParams();
  const [search] = useSearchParams();
  const { t } = useTranslation('languagemate');
  const api = useApi<LanguagematePaths>();
  const { user } = useSession();
  const errorText = useChatErrorText();
  const navigate = useNavigate();
  const toast = useToast();
  const [ended, setEnded] = useState<{
    record: Call | undefined;
    minutes: Partial<Record<Language, number>>;
  }>();
  useTitle(t('call.title'));

  const callInfo = useQuery({
    queryKey: ['languagemate', 'call', callId],
    queryFn: async () => {
      const calls = await callApi(
        api.GET('/api/v1/realtime/calls', { params: { query: { app: 'languagemate', limit: 100 } } }),
      );
      return calls.items.find((c) => c.id === callId) ?? null;
    },
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
  const partners = useQuery({
    queryKey: ['languagemate', 'partners'],
    queryFn: () => callApi(api.GET('/api/v1/languagemate/partners')),
  });
  const profile = useQuery({
    queryKey: ['languagemate', 'profile'],
    queryFn: () => callApi(api.GET('/api/v1/languagemate/profile')),
  });

  if (callInfo.isError)
    return <ErrorState message={errorText(callInfo.error)} onRetry={() => void callInfo.refetch()} />;
  if (callInfo.isPending || partners.isPending || !user) return <LoadingState />;
  const info = callInfo.data;
  if (!info)
    return (
      <EmptyState
        title={t('call.notFoundTitle')}
        action={
          <Link to="/" className="font-semibold text-accent underline">
            {t('chat.backHome')}
          </Link>
        }
      />
    );
  const otherId = info.callerId === user.id ? info.calleeId : info.callerId;
  const partner = partners.data?.items.find((p) => p.profile.userId === otherId);
  const langs = pairLanguages(profile.data?.profile, partner?.profile);
  const backTo = partner ? `/chat/${partner.roomId}` : '/';

  if (ended) {
    const answered = Boolean(ended.record?.answeredAt ?? info.answeredAt);
    return (
      <div className="mx-auto flex max-w-xl flex-col gap-4">
        <h1 className="text-xl font-semibold">
          {t(`call.endedTitle.${answered ? 'hangup' : (ended.record?.endReason ?? 'hangup')}`, {
            name: partner?.profile.displayName ?? t('call.someone'),
          })}
        </h1>
        {answered ? (
          <FeedbackForm
            callId={callId}
            minutes={ended.minutes}
            languagesOfCall={langs}
            onDone={(sent) => {
              if (sent) toast(t('call.feedback.thanks'));
              navigate(backTo);
            }}
          />
        ) : (
          <Link to={backTo} className="font-semibold text-accent underline">
            {partner ? t('call.backToChat') : t('chat.backHome')}
          </Link>
        )}
      </div>
    );
  }

  if (info.state === 'ended')
    return (
      <EmptyState
        title={t('call.alreadyEnded')}
        action={
          <Link to={backTo} className="font-semibold text-accent underline">
            {partner ? t('call.backToChat') : t('chat.backHome')}
          </Link>
        }
      />
    );

  return (
    <CallStage
      callInfo={info}
      me={user.id}
      partner={partner?.profile}
      video={search.get('mode') !== 'voice'}
      accept={search.get('accept') === '1'}
      languages={langs}
      onEnded={(record, minutes) => setEnded({ record, minutes })}
    />
  );
}
