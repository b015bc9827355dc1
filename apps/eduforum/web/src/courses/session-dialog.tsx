import { call } from '@app/client';
import type { EduforumPaths } from '@app/eduforum-contracts';
import { createSessionSchema, type Session } from '@app/eduforum-contracts';
import { Button, CheckboxField, Dialog, Form, TextField, useApi, useToast, useZodForm } from '@app/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { useT } from '../i18n.js';
import { keys } from './data.js';

/**
 * The form's own shape: a `datetime-local` value (the browser's time zone) and a typed number,
 * turned into the contract's ISO instant and integer on submit.
 */
const sessionFormSchema = z.object({
  title: createSessionSchema.shape.title,
  startsAt: z
    .string()
    .min(1)
    .refine((value) => !Number.isNaN(new Date(value).getTime())),
  durationMin: z.coerce.number().int().min(5).max(600),
});

/** A `datetime-local` input's value for an instant, in the browser's time zone. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The browser's IANA zone: a series keeps its local time there. */
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Tomorrow at 10:00 local time: a typical seminar slot as the starting value. */
function defaultStart(): string {
  const date = new Date();
  date.setDate(date.getDate() + 1);
  date.setHours(10, 0, 0, 0);
  return toLocalInput(date.toISOString());
}

/** Schedule a new session, or edit a scheduled one (`session` given). */
export function SessionDialog({
  courseId,
  session,
  open,
  onClose,
}: {
  courseId: string;
  session?: Session | undefined;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useT();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={session ? t('courses.sessions.editTitle') : t('courses.sessions.newTitle')}
    >
      {/* Keyed so the form starts from the session being edited each time it opens. */}
      <SessionForm key={session?.id ?? 'new'} courseId={courseId} session={session} onDone={onClose} />
    </Dialog>
  );
}

function SessionForm({
  courseId,
  session,
  onDone,
}: {
  courseId: string;
  session?: Session | undefined;
  onDone: () => void;
}) {
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  const toast = useToast();
  const queryClient = useQueryClient();
  const form = useZodForm(sessionFormSchema, {
    title: session?.title ?? '',
    startsAt: session ? toLocalInput(session.scheduledAt) : defaultStart(),
    durationMin: String(session?.durationMin ?? 75),
  });
  const [repeat, setRepeat] = useState(false);
  const [weeks, setWeeks] = useState('15');
  const [skipDates, setSkipDates] = useState<string[]>([]);
  const [skipDraft, setSkipDraft] = useState('');
  const weeksValid = /^\d+$/.test(weeks) && Number(weeks) >= 2 && Number(weeks) <= 30;
  const submit = form.onSubmit(async ({ title, startsAt, durationMin }) => {
    const body = { title, scheduledAt: new Date(startsAt).toISOString(), durationMin };
    if (!session && repeat) {
      if (!weeksValid) return;
      const { items } = await call(
        api.POST('/api/v1/eduforum/courses/{courseId}/sessions/series', {
          params: { path: { courseId } },
          body: { ...body, timeZone: browserZone(), weeks: Number(weeks), skipDates, numbered: true },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: keys.sessions(courseId) });
      toast(t('courses.sessions.seriesCreated', { count: items.length }));
      onDone();
      return;
    }
    if (session)
      await call(
        api.PATCH('/api/v1/eduforum/sessions/{sessionId}', {
          params: { path: { sessionId: session.id } },
          body,
        }),
      );
    else
      await call(
        api.POST('/api/v1/eduforum/courses/{courseId}/sessions', { params: { path: { courseId } }, body }),
      );
    await queryClient.invalidateQueries({ queryKey: keys.sessions(courseId) });
    toast(session ? t('courses.sessions.updated') : t('courses.sessions.created'));
    onDone();
  });
  return (
    <Form
      onSubmit={submit}
      error={form.formError}
      label={session ? t('courses.sessions.editTitle') : t('courses.sessions.newTitle')}
    >
      <TextField label={t('courses.sessions.fields.title')} autoComplete="off" {...form.field('title')} />
      <TextField
        type="datetime-local"
        label={t('courses.sessions.fields.startsAt')}
        hint={t('courses.sessions.fields.startsAtHint', {
          zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        })}
        {...form.field('startsAt')}
      />
      <TextField
        type="number"
        inputMode="numeric"
        min={5}
        max={600}
        step={5}
        label={t('courses.sessions.fields.duration')}
        hint={t('courses.sessions.fields.durationHint')}
        {...form.field('durationMin')}
      />
      {!session && (
        <CheckboxField
          label={t('courses.sessions.series.repeat')}
          checked={repeat}
          onChange={(event) => setRepeat(event.target.checked)}
        />
      )}
      {!session && repeat && (
        <fieldset className="flex flex-col gap-3 rounded-lg border border-border p-3">
          <legend className="px-1 text-sm font-semibold">{t('courses.sessions.series.legend')}</legend>
          <TextField
            type="number"
            inputMode="numeric"
            min={2}
            max={30}
            label={t('courses.sessions.series.weeks')}
            hint={t('courses.sessions.series.weeksHint')}
            value={weeks}
            onChange={(event) => setWeeks(event.target.value)}
            error={weeksValid ? undefined : t('courses.sessions.series.weeksError')}
          />
          <div className="flex flex-wrap items-end gap-2">
            <TextField
              type="date"
              label={t('courses.sessions.series.skip')}
              hint={t('courses.sessions.series.skipHint')}
              value={skipDraft}
              onChange={(event) => setSkipDraft(event.target.value)}
            />
            <Button
              variant="secondary"
              disabled={!skipDraft || skipDates.includes(skipDraft) || skipDates.length >= 30}
              onClick={() => {
                setSkipDates((dates) => [...dates, skipDraft].sort());
                setSkipDraft('');
              }}
            >
              {t('courses.sessions.series.addSkip')}
            </Button>
          </div>
          {skipDates.length > 0 && (
            <ul className="flex flex-wrap gap-2" aria-label={t('courses.sessions.series.skipped')}>
              {skipDates.map((date) => (
                <li key={date}>
                  <Button
                    variant="ghost"
                    className="px-3"
                    onClick={() => setSkipDates((dates) => dates.filter((d) => d !== date))}
                    aria-label={t('courses.sessions.series.unskip', { date })}
                  >
                    {date} ×
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" loading={form.submitting}>
          {session ? t('courses.common.save') : t('courses.sessions.schedule')}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t('courses.common.cancel')}
        </Button>
      </div>
    </Form>
  );
}
