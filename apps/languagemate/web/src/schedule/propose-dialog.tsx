import { ApiError, call } from '@app/client';
import type { LanguagematePaths, Partner } from '@app/languagemate-contracts';
import { Button, Dialog, Form, SelectField, TextAreaField, TextField, useApi, useToast } from '@app/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { keys } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { useZonedFormat } from '../shared/when.js';
import { wallClock, zonedInstant } from '../shared/zones.js';

const DURATIONS = [15, 20, 30, 45, 60, 90, 120];

/**
 * Propose a session: the date and time are in my profile's zone, and the partner's local time of
 * that moment shows live under the fields.
 */
export function ProposeDialog({
  open,
  onClose,
  myZone,
  partners,
  initialPartner,
}: {
  open: boolean;
  onClose: () => void;
  myZone: string;
  partners: Partner[];
  initialPartner: string | null;
}) {
  const { t } = useT();
  return (
    <Dialog open={open} onClose={onClose} title={t('schedule.proposeTitle')}>
      {open && (
        <ProposeForm myZone={myZone} partners={partners} initialPartner={initialPartner} onDone={onClose} />
      )}
    </Dialog>
  );
}

/** Tomorrow at 20:00 in my zone: a typical evening slot. */
function defaultStart(zone: string): { date: string; time: string } {
  const tomorrow = wallClock(Date.now() + 24 * 3_600_000, zone);
  return { date: tomorrow.date, time: '20:00' };
}

function ProposeForm({
  myZone,
  partners,
  initialPartner,
  onDone,
}: {
  myZone: string;
  partners: Partner[];
  initialPartner: string | null;
  onDone: () => void;
}) {
  const { t } = useT();
  const api = useApi<LanguagematePaths>();
  const toast = useToast();
  const errorText = useErrorText();
  const format = useZonedFormat();
  const queryClient = useQueryClient();
  const start = defaultStart(myZone);
  const [partnerId, setPartnerId] = useState(
    partners.find((p) => p.profile.userId === initialPartner)?.profile.userId ??
      partners[0]?.profile.userId ??
      '',
  );
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const [durationMin, setDuration] = useState(30);
  const [kind, setKind] = useState<'video' | 'voice'>('video');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'date' | 'time' | 'partner' | 'note', string>>>({});
  const [formError, setFormError] = useState<string>();
  const [sending, setSending] = useState(false);
  const partner = partners.find((p) => p.profile.userId === partnerId);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && /^\d{2}:\d{2}$/.test(time);
  const instant = valid ? zonedInstant(date, time, myZone) : undefined;

  const submit = async () => {
    const next: typeof errors = {};
    if (!partner) next.partner = t('schedule.errors.partner');
    if (!valid) next[/^\d{4}-\d{2}-\d{2}$/.test(date) ? 'time' : 'date'] = t('schedule.errors.when');
    else if (instant && instant.getTime() < Date.now() + 15 * 60_000)
      next.time = t('schedule.errors.tooSoon');
    else if (instant && instant.getTime() > Date.now() + 90 * 24 * 3_600_000)
      next.date = t('schedule.errors.tooFar');
    setErrors(next);
    setFormError(undefined);
    if (Object.keys(next).length > 0 || !instant || !partner) return;
    setSending(true);
    try {
      await call(
        api.POST('/api/v1/languagemate/sessions', {
          body: {
            partnerId: partner.profile.userId,
            startsAt: instant.toISOString(),
            durationMin,
            kind,
            note: note.trim(),
          },
        }),
      );
      void queryClient.invalidateQueries({ queryKey: keys.sessions('upcoming') });
      void queryClient.invalidateQueries({ queryKey: keys.dashboard });
      toast(t('schedule.proposed', { name: partner.profile.displayName }));
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'SESSION_CONFLICT')
        setErrors({ time: errorText(error) });
      else if (error instanceof ApiError && error.code === 'VALIDATION_FAILED' && error.fieldErrors.startsAt)
        setErrors({ time: t('schedule.errors.window') });
      else setFormError(errorText(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <Form
      label={t('schedule.proposeTitle')}
      error={formError}
      onSubmit={(event) => {
        event.preventDefault();
        if (!sending) void submit();
      }}
    >
      <SelectField
        label={t('schedule.partner')}
        value={partnerId}
        error={errors.partner}
        options={partners.map((p) => ({ value: p.profile.userId, label: p.profile.displayName }))}
        onChange={(event) => setPartnerId(event.target.value)}
      />
      <div className="grid grid-cols-2 gap-3">
        <TextField
          type="date"
          label={t('schedule.date')}
          value={date}
          error={errors.date}
          onChange={(event) => setDate(event.target.value)}
        />
        <TextField
          type="time"
          step={900}
          label={t('schedule.time')}
          value={time}
          error={errors.time}
          onChange={(event) => setTime(event.target.value)}
        />
      </div>
      <output aria-live="polite" className="rounded-lg bg-surface-muted p-3 text-sm tabular-nums">
        {instant && partner ? (
          <>
            <span className="block">
              {t('schedule.preview.mine')}: {format.dateTime(instant, myZone)} ({format.zone(myZone)})
            </span>
            <span className="block font-semibold">
              {t('schedule.preview.theirs', { name: partner.profile.displayName })}:{' '}
              {format.dateTime(instant, partner.profile.timeZone)} ({format.zone(partner.profile.timeZone)})
            </span>
          </>
        ) : (
          t('schedule.preview.none')
        )}
      </output>
      <SelectField
        label={t('schedule.duration')}
        value={String(durationMin)}
        options={DURATIONS.map((m) => ({ value: String(m), label: t('sessions.minutes', { count: m }) }))}
        onChange={(event) => setDuration(Number(event.target.value))}
      />
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-sm font-semibold">{t('schedule.kindLabel')}</legend>
        <div className="flex gap-4">
          {(['video', 'voice'] as const).map((value) => (
            <label key={value} className="flex min-h-11 items-center gap-2">
              <input
                type="radio"
                name="kind"
                value={value}
                checked={kind === value}
                onChange={() => setKind(value)}
                className="size-5 accent-accent"
              />
              {t(`sessions.kind.${value}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <TextAreaField
        label={t('schedule.note')}
        rows={2}
        maxLength={300}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" loading={sending}>
          {t('schedule.send')}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t('schedule.close')}
        </Button>
      </div>
    </Form>
  );
}
