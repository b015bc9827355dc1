import type { Call } from '@app/contracts';
import { type Language, languages, type PublicProfile } from '@app/languagemate-contracts';
import { Avatar, Button, useLocalized } from '@app/ui';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clock } from '../chat/attachment-view.js';
import { useChatErrorText } from '../chat/chat-errors.js';
import { PartnerAvatar } from '../chat/conversation-header.js';
import { DevicePicker } from './device-picker.js';
import {
  type LanguageTimer,
  setRunning,
  spentMinutes,
  spentMs,
  startTimer,
  switchLanguage,
} from './language-timer.js';
import { usePeerCall } from './use-peer-call.js';

const control =
  'flex min-h-14 min-w-14 flex-col items-center justify-center gap-0.5 rounded-full px-3 text-xs font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white';

/** A `<video>` showing a stream (srcObject cannot be set as an attribute). */
function StreamVideo({
  stream,
  muted,
  className,
  label,
}: {
  stream: MediaStream | undefined;
  muted: boolean;
  className: string;
  label: string;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current && ref.current.srcObject !== (stream ?? null)) ref.current.srcObject = stream ?? null;
  }, [stream]);
  return <video ref={ref} autoPlay playsInline muted={muted} aria-label={label} className={className} />;
}

/**
 * The call in progress: the partner's video (or their photo in a voice call or with their camera
 * off), my preview, the state (ringing, connecting, reconnecting, the duration), the spoken-language
 * toggle with its minutes, and the controls (mute, camera, devices, hang up).
 */
export function CallStage({
  callInfo,
  me,
  partner,
  video,
  accept,
  languages: pair,
  onEnded,
}: {
  callInfo: Call;
  me: string;
  partner: PublicProfile | undefined;
  video: boolean;
  accept: boolean;
  languages: Language[];
  onEnded: (record: Call | undefined, minutes: Partial<Record<Language, number>>) => void;
}) {
  const { t } = useTranslation('languagemate');
  const pick = useLocalized();
  const errorText = useChatErrorText();
  const peer = usePeerCall({ callInfo, me, video, accept });
  const [timer, setTimer] = useState<LanguageTimer>(() => startTimer(pair[0] ?? 'en'));
  const [, tick] = useState(0);
  const [picking, setPicking] = useState(false);
  const name = partner?.displayName ?? t('call.someone');
  const connected = peer.phase === 'connected';
  const over = peer.phase === 'ended' || peer.record?.state === 'ended';

  useEffect(() => setTimer((current) => setRunning(current, connected, Date.now())), [connected]);
  useEffect(() => {
    if (!connected) return;
    const timerId = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timerId);
  }, [connected]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: report the end once, with the minutes as they stood
  useEffect(() => {
    if (over) onEnded(peer.record, spentMinutes(setRunning(timer, false, Date.now()), Date.now()));
  }, [over]);

  const status =
    peer.phase === 'reconnecting'
      ? t('call.reconnecting')
      : peer.phase === 'failed'
        ? t('call.failed')
        : connected
          ? clock(peer.connectedMs())
          : peer.record?.state === 'ringing' && peer.role === 'caller'
            ? t('call.ringing', { name })
            : t('call.connecting');
  const spent = spentMs(timer, Date.now());
  const showRemoteVideo = peer.remoteVideoOn && peer.remoteStream !== undefined;

  return (
    <section
      aria-label={t('call.title')}
      className="-mx-4 -my-6 flex h-[calc(100dvh-3.75rem)] flex-col bg-neutral-900 text-white sm:mx-0 sm:h-[calc(100dvh-6.5rem)] sm:rounded-xl"
    >
      <header className="flex items-center gap-3 px-4 py-3">
        <div className="min-w-0 flex-1">
          <h1 className="truncate text-lg font-semibold">{name}</h1>
          <p role="status" className="text-sm tabular-nums text-neutral-300" data-testid="call-status">
            {status}
          </p>
        </div>
        {peer.phase === 'connected' && peer.route === 'relay' && (
          <span className="rounded-full bg-neutral-700 px-2 py-1 text-xs" data-testid="call-relayed">
            {t('call.relayed')}
          </span>
        )}
        {!peer.realtimeOpen && (
          <span className="rounded-full bg-amber-700 px-2 py-1 text-xs">{t('call.offline')}</span>
        )}
      </header>
      {(peer.phase === 'reconnecting' || peer.phase === 'failed') && (
        <div role="alert" className="mx-4 flex items-center gap-3 rounded-lg bg-amber-800 px-3 py-2 text-sm">
          <span className="flex-1">
            {peer.phase === 'failed' ? t('call.failedLead') : t('call.reconnectingLead')}
          </span>
          {peer.phase === 'failed' && peer.role === 'caller' && (
            <Button variant="secondary" onClick={peer.reconnect}>
              {t('call.tryAgain')}
            </Button>
          )}
        </div>
      )}
      {peer.error !== undefined && peer.phase !== 'ended' && (
        <p role="alert" className="mx-4 mt-2 rounded-lg bg-red-900 px-3 py-2 text-sm">
          {peer.error instanceof DOMException && peer.error.name === 'NotAllowedError'
            ? t('call.mediaDenied')
            : errorText(peer.error)}
        </p>
      )}
      <div className="relative min-h-0 flex-1 overflow-hidden">
        <StreamVideo
          stream={peer.remoteStream}
          muted={false}
          label={t('call.remoteVideo', { name })}
          className={showRemoteVideo ? 'size-full object-contain' : 'sr-only'}
        />
        {!showRemoteVideo && (
          <div className="flex size-full flex-col items-center justify-center gap-3">
            {partner ? (
              <PartnerAvatar profile={partner} className="size-28 text-3xl" />
            ) : (
              <Avatar name={name} className="size-28 text-3xl" />
            )}
            <p className="text-sm text-neutral-300">
              {video || peer.cameraOn ? t('call.cameraOffRemote') : t('call.voiceCall')}
            </p>
          </div>
        )}
        {peer.cameraOn && peer.localStream && (
          <StreamVideo
            stream={peer.localStream}
            muted
            label={t('call.localVideo')}
            className="absolute right-3 bottom-3 aspect-[3/4] w-24 -scale-x-100 rounded-lg border border-white/40 bg-black object-cover sm:w-40"
          />
        )}
      </div>
      <div className="flex flex-col gap-2 px-4 pt-3">
        <fieldset className="flex flex-wrap items-center gap-2 text-sm">
          <legend className="sr-only">{t('call.languageNow')}</legend>
          <span aria-hidden="true" className="text-neutral-300">
            {t('call.languageNow')}
          </span>
          {pair.map((language) => (
            <button
              key={language}
              type="button"
              aria-pressed={timer.language === language}
              onClick={() => setTimer((current) => switchLanguage(current, language, Date.now()))}
              className="min-h-11 rounded-full border border-white/40 px-3 aria-pressed:border-white aria-pressed:bg-white aria-pressed:text-neutral-900"
            >
              {pick(languages[language])}{' '}
              <span className="tabular-nums opacity-80">{clock(spent[language] ?? 0)}</span>
            </button>
          ))}
        </fieldset>
      </div>
      <div className="flex items-center justify-center gap-3 px-4 py-4">
        <button
          type="button"
          aria-pressed={!peer.micOn}
          onClick={peer.toggleMic}
          className={`${control} ${peer.micOn ? 'bg-white/15' : 'bg-white text-neutral-900'}`}
        >
          <span aria-hidden="true" className="text-lg">
            {peer.micOn ? '🎙️' : '🔇'}
          </span>
          {peer.micOn ? t('call.mute') : t('call.unmute')}
        </button>
        <button
          type="button"
          aria-pressed={peer.cameraOn}
          onClick={() => void peer.toggleCamera()}
          className={`${control} ${peer.cameraOn ? 'bg-white/15' : 'bg-white text-neutral-900'}`}
        >
          <span aria-hidden="true" className="text-lg">
            {peer.cameraOn ? '📹' : '🚫'}
          </span>
          {peer.cameraOn ? t('call.cameraOff') : t('call.cameraOn')}
        </button>
        <button
          type="button"
          disabled={!peer.devices}
          onClick={() => setPicking(true)}
          className={`${control} bg-white/15 disabled:opacity-50`}
        >
          <span aria-hidden="true" className="text-lg">
            ⚙️
          </span>
          {t('call.devices.button')}
        </button>
        <button type="button" onClick={() => void peer.hangUp()} className={`${control} bg-red-600`}>
          <span aria-hidden="true" className="text-lg">
            📵
          </span>
          {t('call.hangUp')}
        </button>
      </div>
      {picking && peer.devices && (
        <DevicePicker
          devices={peer.devices}
          localStream={peer.localStream}
          onClose={() => setPicking(false)}
          onSwitch={peer.switchDevice}
        />
      )}
    </section>
  );
}
