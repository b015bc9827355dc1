import { call } from '@app/client';
import type { Breakout, EduforumPaths } from '@app/eduforum-contracts';
import { Button, Card, SelectField, TextField, useApi, useToast } from '@app/ui';
import { type FormEvent, useEffect, useState } from 'react';
import { useErrorText } from '../error-text.js';
import { useT } from '../i18n.js';
import type { LiveRoom } from './use-live-room.js';

const strategies = ['random', 'round_robin', 'mixed_by_grade'] as const;

/** Minutes and seconds until `endsAt`. */
function useCountdown(endsAt: string | null): string | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!endsAt) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [endsAt]);
  if (!endsAt) return null;
  const s = Math.max(0, Math.round((new Date(endsAt).getTime() - now) / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Staff run breakouts here: create rooms, move people, broadcast, step into a room, recall. */
export function BreakoutManager({ room, sessionId }: { room: LiveRoom; sessionId: string }) {
  const { t } = useT();
  const errorText = useErrorText();
  const api = useApi<EduforumPaths>();
  const toast = useToast();
  const breakout = room.state.breakout;
  const [rooms, setRooms] = useState('2');
  const [strategy, setStrategy] = useState<(typeof strategies)[number]>('random');
  const [minutes, setMinutes] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const countdown = useCountdown(breakout?.endsAt ?? null);
  const name = (id: string) => room.state.people[id]?.name ?? t('live.someone');

  const attempt = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      toast(errorText(error), 'danger');
    } finally {
      setBusy(false);
    }
  };
  const start = (event: FormEvent) => {
    event.preventDefault();
    void attempt(async () => {
      const durationS = minutes ? Math.round(Number(minutes) * 60) : undefined;
      const created = await call(
        api.POST('/api/v1/eduforum/sessions/{sessionId}/breakouts', {
          params: { path: { sessionId } },
          body: { rooms: Number(rooms), strategy, ...(durationS ? { durationS } : {}) },
        }),
      );
      room.dispatch({ type: 'breakout', breakout: created as Breakout });
    });
  };

  if (!breakout)
    return (
      <Card>
        <form onSubmit={start} className="flex flex-col gap-3">
          <h3 className="font-semibold">{t('live.breakouts.new')}</h3>
          <p className="text-sm text-fg-muted">{t('live.breakouts.lead')}</p>
          <TextField
            label={t('live.breakouts.rooms')}
            type="number"
            min={2}
            max={50}
            value={rooms}
            onChange={(e) => setRooms(e.target.value)}
          />
          <SelectField
            label={t('live.breakouts.strategy')}
            value={strategy}
            onChange={(e) => setStrategy(e.target.value as (typeof strategies)[number])}
            options={strategies.map((value) => ({ value, label: t(`live.breakouts.strategies.${value}`) }))}
          />
          <TextField
            label={t('live.breakouts.minutes')}
            hint={t('live.breakouts.minutesHint')}
            type="number"
            min={1}
            max={240}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
          <Button type="submit" loading={busy} disabled={!(Number(rooms) >= 2)}>
            {t('live.breakouts.start')}
          </Button>
        </form>
      </Card>
    );

  const broadcast = (event: FormEvent) => {
    event.preventDefault();
    const typed = message;
    void attempt(async () => {
      const sent = await call(
        api.POST('/api/v1/eduforum/breakouts/{breakoutId}/broadcast', {
          params: { path: { breakoutId: breakout.id } },
          body: { text: typed },
        }),
      );
      // Keep a message typed while this one was being sent.
      setMessage((current) => (current === typed ? '' : current));
      toast(t('live.breakouts.broadcastSent', { count: sent.rooms }));
    });
  };

  return (
    <div className="flex flex-col gap-4">
      <Card>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 className="font-semibold">
            {t('live.breakouts.running', { count: breakout.rooms.length })}
            {countdown && <span className="ml-2 tabular-nums text-fg-muted">{countdown}</span>}
          </h3>
          <Button
            variant="danger"
            loading={busy}
            onClick={() =>
              attempt(async () => {
                await call(
                  api.POST('/api/v1/eduforum/breakouts/{breakoutId}/recall', {
                    params: { path: { breakoutId: breakout.id } },
                  }),
                );
                room.dispatch({ type: 'breakout', breakout: null });
              })
            }
          >
            {t('live.breakouts.recall')}
          </Button>
        </div>
        <form onSubmit={broadcast} className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="flex-1">
            <TextField
              label={t('live.breakouts.broadcast')}
              value={message}
              maxLength={1000}
              onChange={(e) => setMessage(e.target.value)}
            />
          </div>
          <Button type="submit" loading={busy} disabled={!message.trim()}>
            {t('live.breakouts.send')}
          </Button>
        </form>
      </Card>
      <ul className="grid gap-3 sm:grid-cols-2" data-testid="breakout-rooms">
        {breakout.rooms.map((r) => (
          <li key={r.id} className="rounded-xl border border-border p-4">
            <div className="mb-2 flex items-center justify-between gap-2">
              <h4 className="font-semibold">{t('live.breakouts.roomN', { n: r.number })}</h4>
              <Button
                variant={room.enteredRoomId === r.id ? 'primary' : 'secondary'}
                onClick={() =>
                  attempt(async () => {
                    if (room.enteredRoomId === r.id) return room.setEnteredRoomId(null);
                    await call(
                      api.POST('/api/v1/eduforum/breakouts/{breakoutId}/rooms/{roomId}/enter', {
                        params: { path: { breakoutId: breakout.id, roomId: r.id } },
                      }),
                    );
                    room.setEnteredRoomId(r.id);
                  })
                }
              >
                {room.enteredRoomId === r.id ? t('live.breakouts.leaveRoom') : t('live.breakouts.enter')}
              </Button>
            </div>
            {r.members.length === 0 && (
              <p className="text-sm text-fg-muted">{t('live.breakouts.emptyRoom')}</p>
            )}
            <ul className="flex flex-col gap-1">
              {r.members.map((memberId) => (
                <li key={memberId} className="flex items-center gap-2 text-sm">
                  <span className="flex-1">{name(memberId)}</span>
                  <label className="sr-only" htmlFor={`move-${memberId}`}>
                    {t('live.breakouts.moveName', { name: name(memberId) })}
                  </label>
                  <select
                    id={`move-${memberId}`}
                    value={r.id}
                    onChange={(e) =>
                      attempt(async () => {
                        const moved = await call(
                          api.PUT('/api/v1/eduforum/breakouts/{breakoutId}/members/{userId}', {
                            params: { path: { breakoutId: breakout.id, userId: memberId } },
                            body: { roomId: e.target.value },
                          }),
                        );
                        room.dispatch({ type: 'breakout', breakout: moved as Breakout });
                      })
                    }
                    className="min-h-9 rounded border border-border bg-surface px-2"
                  >
                    {breakout.rooms.map((option) => (
                      <option key={option.id} value={option.id}>
                        {t('live.breakouts.roomN', { n: option.number })}
                      </option>
                    ))}
                  </select>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
