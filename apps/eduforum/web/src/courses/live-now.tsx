import type { Course } from '@app/eduforum-contracts';
import { buttonClass, useNotificationArrivals } from '@app/ui';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useT } from '../i18n.js';
import { keys } from './data.js';

/**
 * Keeps the "Live now" badges true while the page is open: a session started, scheduled or
 * cancelled reaches enrolled people as a notification, and the course list and pages refresh.
 */
export function useLiveBadges(): void {
  const queryClient = useQueryClient();
  useNotificationArrivals((notification) => {
    if (!notification.type.startsWith('eduforum.session.')) return;
    void queryClient.invalidateQueries({ queryKey: keys.courses });
    const courseId = notification.data.courseId;
    if (typeof courseId === 'string') {
      void queryClient.invalidateQueries({ queryKey: keys.course(courseId) });
    }
  });
}

/** A pulsing "Live now" mark (its text is what screen readers hear). */
export function LiveDot() {
  const { t } = useT();
  return (
    <span className="inline-flex items-center gap-1.5 rounded-full border border-danger bg-danger-soft px-2 py-0.5 text-xs font-bold text-danger break-keep">
      <span aria-hidden="true" className="size-2 animate-pulse rounded-full bg-danger" />
      {t('courses.live.now')}
    </span>
  );
}

/** The course page's banner while a session runs: what it is and the way in. */
export function LiveNowBanner({ live }: { live: NonNullable<Course['liveSession']> }) {
  const { t } = useT();
  return (
    <div
      role="status"
      className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-xl border border-danger bg-danger-soft p-4"
    >
      <span className="flex flex-wrap items-center gap-2">
        <LiveDot />
        <span className="font-semibold">{live.title}</span>
      </span>
      <Link to={`/sessions/${live.id}`} className={buttonClass('primary')}>
        {t('courses.live.join')}
      </Link>
    </div>
  );
}
