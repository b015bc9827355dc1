import type { ClientPayload } from '@app/contracts';
import { type liveSession, reactionKinds } from '@app/eduforum-contracts';
import { Button, useToast } from '@app/ui';
import { useEffect, useRef } from 'react';
import { useErrorText } from '../error-text.js';
import { useT } from '../i18n.js';
import type { LiveAction, LiveRoom } from './use-live-room.js';
import { useMicrophoneVad } from './use-microphone-vad.js';

export const reactionEmoji: Record<(typeof reactionKinds)[number], string> = {
  thumbs_up: '👍',
  clap: '👏',
  heart: '❤️',
  laugh: '😂',
  surprised: '😮',
  question: '❓',
};

/** Raise or lower one's hand, react, and share speaking time (TalkTime) from the microphone. */
export function ActionBar({ room }: { room: LiveRoom }) {
  const { t } = useT();
  const errorText = useErrorText();
  const toast = useToast();
  const { state, me, act } = room;
  const live = state.status === 'live';
  const handUp = state.hands.some((h) => h.userId === me?.userId);
  const mic = useMicrophoneVad((interval) => {
    void act('speaking', interval).catch(() => undefined);
  });

  // A staff member asked everyone's (or this person's) microphone off: obey and say so.
  const { stop } = mic;
  const seenMuteRequests = useRef(state.muteRequested);
  useEffect(() => {
    if (state.muteRequested === seenMuteRequests.current) return;
    seenMuteRequests.current = state.muteRequested;
    stop();
    toast(t('live.controls.mutedByStaff'));
  }, [state.muteRequested, stop, toast, t]);
  useEffect(() => {
    if (!live || state.removed) stop();
  }, [live, state.removed, stop]);

  const run = async <E extends LiveAction>(event: E, payload: ClientPayload<typeof liveSession, E>) => {
    try {
      await act(event, payload);
    } catch (error) {
      toast(errorText(error), 'danger');
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label={t('live.actions.label')}>
      {/* Staff call on people; they do not queue for the floor themselves. */}
      {!room.staff && (
        <Button
          variant={handUp ? 'primary' : 'secondary'}
          aria-pressed={handUp}
          disabled={!live}
          onClick={() => (handUp ? run('hand.lower', {}) : run('hand.raise', {}))}
        >
          <span aria-hidden="true" className="font-emoji">
            ✋
          </span>{' '}
          {handUp ? t('live.hands.lowerMine') : t('live.hands.raise')}
        </Button>
      )}
      <div className="flex flex-wrap gap-1">
        {reactionKinds.map((kind) => (
          <button
            key={kind}
            type="button"
            disabled={!live}
            onClick={() => run('react', { kind })}
            aria-label={t(`live.reactions.${kind}`)}
            title={t(`live.reactions.${kind}`)}
            className="min-h-11 min-w-11 rounded-lg border border-border bg-surface font-emoji text-lg hover:bg-surface-muted disabled:opacity-60"
          >
            <span aria-hidden="true">{reactionEmoji[kind]}</span>
          </button>
        ))}
      </div>
      <Button
        variant={mic.state === 'on' ? 'primary' : 'secondary'}
        aria-pressed={mic.state === 'on'}
        disabled={!live}
        loading={mic.state === 'starting'}
        onClick={() => (mic.state === 'on' ? mic.stop() : void mic.start())}
        title={t('live.mic.hint')}
      >
        <span aria-hidden="true" className="font-emoji">
          🎙️
        </span>{' '}
        {mic.state === 'on' ? t('live.mic.off') : t('live.mic.on')}
      </Button>
      {mic.state === 'on' && (
        <span className="text-sm text-fg-muted" aria-live="polite">
          {mic.speaking ? t('live.mic.speaking') : t('live.mic.listening')}
        </span>
      )}
      {(mic.state === 'denied' || mic.state === 'unsupported') && (
        <span className="text-sm text-danger" role="alert">
          {t(`live.mic.${mic.state}`)}
        </span>
      )}
    </div>
  );
}
