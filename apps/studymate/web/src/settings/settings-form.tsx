import { call } from '@app/client';
import type { Settings, StudymatePaths } from '@app/studymate-contracts';
import {
  Button,
  Card,
  CheckboxField,
  Form,
  SelectField,
  TextField,
  useApi,
  useEntitlements,
  useFormat,
  useToast,
} from '@app/ui';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { keys } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { browserZone, timeZones } from '../shared/time.js';

/** Time zone, daily goal, new cards a day, desired retention, pass/fail, weekly report. */
export function SettingsForm({ settings }: { settings: Settings }) {
  const { t } = useT();
  const api = useApi<StudymatePaths>();
  const toast = useToast();
  const format = useFormat();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const retentionId = useId();
  const [zone, setZone] = useState(settings.timeZone);
  const [goal, setGoal] = useState(String(settings.dailyGoalMinutes));
  const [newCards, setNewCards] = useState(String(settings.newCardsPerDay));
  const [retention, setRetention] = useState(settings.desiredRetention);
  const [passFail, setPassFail] = useState(settings.passFail);
  const [weekly, setWeekly] = useState(settings.weeklyReport);
  const [errors, setErrors] = useState<{ goal?: string; newCards?: string }>({});
  const [formError, setFormError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const device = browserZone();
  const features = useEntitlements().data?.features;
  const zones = useMemo(() => timeZones(settings.timeZone), [settings.timeZone]);
  const percent = new Intl.NumberFormat(format.locale, { style: 'percent', maximumFractionDigits: 0 });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const goalMinutes = Number(goal);
    const perDay = Number(newCards);
    const next = {
      ...(Number.isInteger(goalMinutes) && goalMinutes >= 1 && goalMinutes <= 1440
        ? {}
        : { goal: t('settings.goalInvalid') }),
      ...(Number.isInteger(perDay) && perDay >= 0 && perDay <= 9999
        ? {}
        : { newCards: t('settings.newCardsInvalid') }),
    };
    setErrors(next);
    if (next.goal || next.newCards) return;
    setSaving(true);
    setFormError(undefined);
    try {
      const saved = await call(
        api.PATCH('/api/v1/studymate/settings', {
          body: {
            timeZone: zone,
            dailyGoalMinutes: goalMinutes,
            newCardsPerDay: perDay,
            desiredRetention: Math.round(retention * 100) / 100,
            passFail,
            weeklyReport: weekly,
          },
        }),
      );
      queryClient.setQueryData(keys.settings, saved);
      void queryClient.invalidateQueries({ queryKey: keys.dashboard });
      void queryClient.invalidateQueries({ queryKey: keys.review });
      toast(t('settings.saved'));
    } catch (error) {
      setFormError(errorText(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card>
      <Form onSubmit={(event) => void submit(event)} error={formError} label={t('settings.title')}>
        <h2 className="text-lg font-semibold">{t('settings.study')}</h2>
        <div className="flex flex-col gap-2">
          <SelectField
            label={t('settings.timeZone')}
            hint={t('settings.timeZoneHint')}
            value={zone}
            onChange={(event) => setZone(event.target.value)}
            options={zones.map((name) => ({ value: name, label: name.replaceAll('_', ' ') }))}
          />
          {zone !== device && (
            <Button variant="ghost" className="self-start" onClick={() => setZone(device)}>
              {t('settings.useDevice', { zone: device.replaceAll('_', ' ') })}
            </Button>
          )}
        </div>
        <TextField
          label={t('settings.goal')}
          type="number"
          inputMode="numeric"
          min={1}
          max={1440}
          value={goal}
          error={errors.goal}
          onChange={(event) => setGoal(event.target.value)}
        />
        <TextField
          label={t('settings.newCards')}
          hint={t('settings.newCardsHint')}
          type="number"
          inputMode="numeric"
          min={0}
          max={9999}
          value={newCards}
          error={errors.newCards}
          onChange={(event) => setNewCards(event.target.value)}
        />
        <div className="flex flex-col gap-1.5">
          <label htmlFor={retentionId} className="flex justify-between text-sm font-semibold">
            <span>{t('settings.retention')}</span>
            <output htmlFor={retentionId} className="tabular-nums">
              {percent.format(retention)}
            </output>
          </label>
          <input
            id={retentionId}
            type="range"
            min={0.7}
            max={0.99}
            step={0.01}
            value={retention}
            aria-describedby={`${retentionId}-hint`}
            aria-valuetext={percent.format(retention)}
            onChange={(event) => setRetention(Number(event.target.value))}
            className="min-h-11 w-full accent-accent"
          />
          <p id={`${retentionId}-hint`} className="text-sm text-fg-muted">
            {t('settings.retentionHint')}
          </p>
        </div>
        <div className="flex flex-col gap-1">
          <CheckboxField
            label={t('settings.passFail')}
            checked={passFail}
            onChange={(event) => setPassFail(event.target.checked)}
          />
          <p className="text-sm text-fg-muted">{t('settings.passFailHint')}</p>
        </div>
        <div className="flex flex-col gap-1">
          <CheckboxField
            label={t('settings.weekly')}
            checked={weekly}
            onChange={(event) => setWeekly(event.target.checked)}
          />
          {features && !features.includes('weeklyReport') && (
            <p className="text-sm text-fg-muted">{t('settings.weeklyPro')}</p>
          )}
        </div>
        <Button type="submit" loading={saving} className="self-start">
          {t('settings.save')}
        </Button>
      </Form>
    </Card>
  );
}
