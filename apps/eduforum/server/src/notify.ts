import { type NotificationType, notificationType, type PlatformContext, webhookEvent } from '@app/platform';
import { z } from 'zod';
import type { OutboundEvent, OutboundSink } from './events.js';

const seoul = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Seoul',
  dateStyle: 'short',
  timeStyle: 'short',
});
/** Notifications sent at once per event (each is a few statements and one commit). */
const NOTIFY_CONCURRENCY = 8;
const sessionLink = (data: Record<string, unknown>) => `/eduforum/sessions/${String(data.sessionId)}`;

/** What enrolled people are told (Korean and English; `{title}` is the session's title). */
export const sessionNotifications: Record<
  'session.scheduled' | 'session.started' | 'session.cancelled',
  NotificationType
> = {
  'session.scheduled': notificationType(
    'eduforum.session.scheduled',
    {
      ko: { title: '새 세션: {title}', body: '{when}에 시작합니다.' },
      en: { title: 'New session: {title}', body: 'Starts at {when}.' },
    },
    { app: 'eduforum', link: sessionLink },
  ),
  'session.started': notificationType(
    'eduforum.session.started',
    {
      ko: { title: '세션이 시작되었습니다: {title}', body: '지금 입장하세요.' },
      en: { title: 'Session started: {title}', body: 'Join now.' },
    },
    { app: 'eduforum', link: sessionLink },
  ),
  'session.cancelled': notificationType(
    'eduforum.session.cancelled',
    {
      ko: { title: '세션이 취소되었습니다: {title}', body: '일정을 확인하세요.' },
      en: { title: 'Session cancelled: {title}', body: 'Check the schedule.' },
    },
    { app: 'eduforum', link: sessionLink },
  ),
};

/** eduforum's webhook catalogue (seed 004: session.started, quiz.completed). */
export const webhookEvents = {
  sessionStarted: webhookEvent(
    'eduforum',
    'session.started',
    'A live session started',
    z.object({ sessionId: z.uuid(), courseId: z.uuid(), title: z.string() }),
  ),
  quizCompleted: webhookEvent(
    'eduforum',
    'quiz.completed',
    'A timed quiz closed',
    z.object({ quizId: z.uuid(), sessionId: z.uuid(), courseId: z.uuid() }),
  ),
};

/** Delivers eduforum's outbound events through the platform's notifications and webhooks. */
export function platformSink(platform: PlatformContext): OutboundSink {
  platform.webhooks.registerEvents(webhookEvents.sessionStarted, webhookEvents.quizCompleted);
  return {
    async emit(event: OutboundEvent) {
      if (event.kind === 'quiz.completed') {
        const { quizId, sessionId, courseId } = event;
        await platform.webhooks.emit(webhookEvents.quizCompleted, { quizId, sessionId, courseId });
        return;
      }
      const type = sessionNotifications[event.kind];
      const data: Record<string, unknown> = {
        sessionId: event.sessionId,
        courseId: event.courseId,
        title: event.title,
      };
      // 2026-09-01 10:00 KST: the seed's users are in Korea, and the link shows local time.
      if (event.kind === 'session.scheduled') data.when = `${seoul.format(new Date(event.scheduledAt))} KST`;
      // A few at a time: a class of 50 one by one held a session start for seconds (the scale bench).
      const recipients = [...event.recipients];
      for (let i = 0; i < recipients.length; i += NOTIFY_CONCURRENCY)
        await Promise.all(
          recipients.slice(i, i + NOTIFY_CONCURRENCY).map((userId) =>
            platform.notifications.send(type, {
              userId,
              data,
              dedupeKey: `${event.kind}:${event.sessionId}`,
            }),
          ),
        );
      if (event.kind === 'session.started')
        await platform.webhooks.emit(webhookEvents.sessionStarted, {
          sessionId: event.sessionId,
          courseId: event.courseId,
          title: event.title,
        });
    },
  };
}
