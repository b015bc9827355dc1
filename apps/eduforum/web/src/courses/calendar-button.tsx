import { call } from '@app/client';
import type { EduforumPaths } from '@app/eduforum-contracts';
import { Button, buttonClass, Dialog, useApi, useToast } from '@app/ui';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useErrorText } from '../error-text.js';
import { useT } from '../i18n.js';
import { CopyButton } from './bits.js';

/** "Calendar feed": creates (replaces) the caller's secret iCalendar URL and shows it to copy. */
export function CalendarButton() {
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  const toast = useToast();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const feed = useMutation({
    mutationFn: () => call(api.POST('/api/v1/eduforum/calendar')),
    onSuccess: () => setOpen(true),
    onError: (error) => toast(errorText(error), 'danger'),
  });
  return (
    <>
      <Button variant="secondary" loading={feed.isPending} onClick={() => feed.mutate()}>
        {t('courses.calendar.button')}
      </Button>
      <Dialog
        open={open && feed.data !== undefined}
        onClose={() => setOpen(false)}
        title={t('courses.calendar.title')}
        description={t('courses.calendar.lead')}
      >
        <code
          data-testid="calendar-url"
          className="block rounded-md bg-surface-muted p-3 font-mono text-sm break-all"
        >
          {feed.data?.url}
        </code>
        <div className="flex flex-wrap gap-2">
          <CopyButton text={feed.data?.url ?? ''} label={t('courses.calendar.title')} />
          {/* The same feed as a file, for calendars that import rather than subscribe. */}
          <a href={feed.data?.url} download="eduforum.ics" className={buttonClass('secondary')}>
            {t('courses.calendar.download')}
          </a>
          <Button variant="secondary" onClick={() => setOpen(false)}>
            {t('courses.common.close')}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
