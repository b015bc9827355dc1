import type { ClientPayload } from '@app/contracts';
import type { liveSession } from '@app/eduforum-contracts';
import { Avatar, Badge, Button, useToast } from '@app/ui';
import { useState } from 'react';
import { ConfirmDialog } from '../courses/bits.js';
import { useErrorText } from '../error-text.js';
import { useT } from '../i18n.js';
import type { LiveAction, LiveRoom } from './use-live-room.js';

/** The hand queue (in order, with "call on" for staff) and who is in the room, with staff controls. */
export function PeoplePanel({ room }: { room: LiveRoom }) {
  const { t } = useT();
  const errorText = useErrorText();
  const toast = useToast();
  const { state, me, staff, act } = room;
  const manager = me?.role === 'professor' || me?.role === 'admin';
  const [removing, setRemoving] = useState<{ userId: string; name: string } | null>(null);
  const name = (userId: string) => state.people[userId]?.name ?? t('live.someone');

  const run = async <E extends LiveAction>(
    event: E,
    payload: ClientPayload<typeof liveSession, E>,
    done?: string,
  ) => {
    try {
      await act(event, payload);
      if (done) toast(done);
    } catch (error) {
      toast(errorText(error), 'danger');
      throw error;
    }
  };
  const attempt = <E extends LiveAction>(
    event: E,
    payload: ClientPayload<typeof liveSession, E>,
    done?: string,
  ) => void run(event, payload, done).catch(() => undefined);

  // With "chosen students", staff hand the main board's pen to students here.
  const pen = {
    choosing: state.board.access === 'chosen',
    has: (userId: string) => state.board.writers.includes(userId),
  };
  const penFor = (userId: string) => ({
    access: 'chosen' as const,
    writers: pen.has(userId)
      ? state.board.writers.filter((id) => id !== userId)
      : [...state.board.writers, userId],
  });

  const present = state.online
    .map((id) => state.people[id])
    .filter((p): p is NonNullable<typeof p> => Boolean(p))
    .sort((a, b) => a.name.localeCompare(b.name));

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="hands-title">
        <h3 id="hands-title" className="mb-2 font-semibold">
          {t('live.hands.title', { count: state.hands.length })}
        </h3>
        {state.hands.length === 0 ? (
          <p className="text-sm text-fg-muted">{t('live.hands.empty')}</p>
        ) : (
          <ol className="flex flex-col gap-2" data-testid="hand-queue">
            {state.hands.map((hand, index) => (
              <li key={hand.userId} className="flex items-center gap-2 rounded-lg bg-surface-muted px-3 py-2">
                <span className="w-6 text-sm text-fg-muted">{index + 1}.</span>
                <span className="flex-1 font-medium">{name(hand.userId)}</span>
                {staff && (
                  <Button
                    variant="secondary"
                    onClick={() => attempt('hand.callOn', { userId: hand.userId })}
                    aria-label={t('live.hands.callOnName', { name: name(hand.userId) })}
                  >
                    {t('live.hands.callOn')}
                  </Button>
                )}
                {(staff || hand.userId === me?.userId) && (
                  <Button
                    variant="ghost"
                    onClick={() =>
                      run('hand.lower', hand.userId === me?.userId ? {} : { userId: hand.userId })
                    }
                    aria-label={t('live.hands.lowerName', { name: name(hand.userId) })}
                  >
                    {t('live.hands.lower')}
                  </Button>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="people-title">
        <div className="mb-2 flex items-center justify-between gap-2">
          <h3 id="people-title" className="font-semibold">
            {t('live.people.title', { count: present.length })}
          </h3>
          {manager && (
            <Button variant="secondary" onClick={() => attempt('control.lock', { locked: !state.locked })}>
              {state.locked ? t('live.controls.unlock') : t('live.controls.lock')}
            </Button>
          )}
        </div>
        <ul className="flex flex-col divide-y divide-border" data-testid="participants">
          {present.map((person) => {
            const isMe = person.userId === me?.userId;
            const spotlit = state.spotlightUserId === person.userId;
            return (
              <li key={person.userId} className="flex flex-wrap items-center gap-2 py-2">
                <Avatar name={person.name} />
                <span className="min-w-0 flex-1 truncate font-medium">
                  {person.name}
                  {isMe && <span className="text-fg-muted"> ({t('live.people.you')})</span>}
                </span>
                <Badge tone={person.role === 'student' ? 'neutral' : 'accent'}>
                  {t(`roles.${person.role}`)}
                </Badge>
                {spotlit && <Badge tone="success">{t('live.controls.spotlit')}</Badge>}
                {staff && !isMe && (
                  <span className="flex w-full flex-wrap gap-1 sm:w-auto">
                    <Button
                      variant="ghost"
                      onClick={() =>
                        run('control.mute', { userId: person.userId }, t('live.controls.muteSent'))
                      }
                    >
                      {t('live.controls.mute')}
                    </Button>
                    <Button
                      variant="ghost"
                      onClick={() => attempt('control.spotlight', { userId: spotlit ? null : person.userId })}
                    >
                      {spotlit ? t('live.controls.unspotlight') : t('live.controls.spotlight')}
                    </Button>
                    {pen.choosing && person.role === 'student' && (
                      <Button
                        variant={pen.has(person.userId) ? 'primary' : 'ghost'}
                        aria-pressed={pen.has(person.userId)}
                        onClick={() => attempt('control.board', penFor(person.userId))}
                        aria-label={t('live.board.penFor', { name: person.name })}
                      >
                        {t('live.board.pen')}
                      </Button>
                    )}
                    {manager && person.role === 'student' && (
                      <Button
                        variant="danger"
                        onClick={() => setRemoving({ userId: person.userId, name: person.name })}
                      >
                        {t('live.controls.remove')}
                      </Button>
                    )}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      <ConfirmDialog
        open={removing !== null}
        title={t('live.controls.remove')}
        body={t('live.controls.removeConfirm', { name: removing?.name ?? '' })}
        confirmLabel={t('live.controls.remove')}
        onConfirm={() => (removing ? run('control.remove', { userId: removing.userId }) : Promise.resolve())}
        onClose={() => setRemoving(null)}
      />
    </div>
  );
}
