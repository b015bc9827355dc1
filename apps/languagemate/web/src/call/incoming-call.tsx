import { call as callApi } from '@app/client';
import { type Call, callSchema } from '@app/contracts';
import type { LanguagematePaths } from '@app/languagemate-contracts';
import { Button, useApi, useChannel, useRealtime, useSession, useToast } from '@app/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useChatErrorText } from '../chat/chat-errors.js';
import { PartnerAvatar } from '../chat/conversation-header.js';

/**
 * A ringing banner for incoming languagemate calls, wherever the user is in the app: it listens on
 * the user's own channel (`user:<me>`, `call.incoming`) and goes away when the call is answered
 * elsewhere, cancelled or missed. Accept opens the call page, which answers once it listens.
 * Mount once in the app shell.
 */
export function IncomingCall() {
  const { user } = useSession();
  const { client, state } = useRealtime();
  const [ringing, setRinging] = useState<Call>();
  const location = useLocation();
  useChannel(client, state === 'open' && user !== null, user ? `user:${user.id}` : null, (event, payload) => {
    const parsed = callSchema.safeParse(payload);
    if (!parsed.success || parsed.data.app !== 'languagemate') return;
    if (event === 'call.incoming' && parsed.data.calleeId === user?.id) setRinging(parsed.data);
    else if (event === 'call.accepted' || event === 'call.ended')
      setRinging((current) => (current?.id === parsed.data.id ? undefined : current));
  });
  if (!ringing || location.pathname.endsWith(`/call/${ringing.id}`)) return null;
  return <RingingBanner ringing={ringing} onDone={() => setRinging(undefined)} />;
}

function RingingBanner({ ringing, onDone }: { ringing: Call; onDone: () => void }) {
  const { t } = useTranslation('languagemate');
  const api = useApi<LanguagematePaths>();
  const navigate = useNavigate();
  const toast = useToast();
  const errorText = useChatErrorText();
  const [declining, setDeclining] = useState(false);
  const partners = useQuery({
    queryKey: ['languagemate', 'partners'],
    queryFn: () => callApi(api.GET('/api/v1/languagemate/partners')),
  });
  const caller = partners.data?.items.find((p) => p.profile.userId === ringing.callerId)?.profile;
  const name = caller?.displayName ?? t('call.someone');

  const accept = (mode: 'video' | 'voice') => {
    onDone();
    navigate(`/call/${ringing.id}?accept=1&mode=${mode}`);
  };
  const decline = async () => {
    setDeclining(true);
    try {
      await callApi(
        api.POST('/api/v1/realtime/calls/{callId}/decline', { params: { path: { callId: ringing.id } } }),
      );
    } catch (error) {
      toast(errorText(error), 'danger');
    }
    onDone();
  };

  return (
    <div
      role="alertdialog"
      aria-labelledby="incoming-call-title"
      className="fixed inset-x-2 top-2 z-40 mx-auto flex max-w-lg flex-col gap-3 rounded-xl border border-border bg-surface p-4 shadow-xl sm:flex-row sm:items-center"
      data-testid="incoming-call"
    >
      <div className="flex flex-1 items-center gap-3">
        {caller && <PartnerAvatar profile={caller} className="size-12" />}
        <div>
          <p id="incoming-call-title" className="font-semibold">
            {t('call.incomingTitle', { name })}
          </p>
          <p className="flex items-center gap-2 text-sm text-fg-muted">
            <span aria-hidden="true" className="size-2 animate-ping rounded-full bg-success" />
            {t('call.incomingLead')}
          </p>
        </div>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button variant="danger" loading={declining} onClick={() => void decline()}>
          {t('call.decline')}
        </Button>
        <Button variant="secondary" onClick={() => accept('voice')}>
          {t('call.acceptVoice')}
        </Button>
        <Button autoFocus onClick={() => accept('video')}>
          {t('call.accept')}
        </Button>
      </div>
    </div>
  );
}
