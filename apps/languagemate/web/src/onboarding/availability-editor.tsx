import { type AvailabilityRange, clockMinutes } from '@app/languagemate-contracts';
import { Button } from '@app/ui';
import { useId } from 'react';
import { useT } from '../shared/i18n.js';
import { weekdayNames } from '../shared/zones.js';
import { addToDays, boundsOf, freeRange, halfHours, rangesOfDay } from './availability.js';

const WEEKDAYS = [0, 1, 2, 3, 4];
const WEEKEND = [5, 6];

/**
 * Weekly availability as a list of days, each with its time ranges (two selects on the half hour):
 * usable with a thumb, a keyboard and a screen reader. Each select only offers times that keep the
 * range clear of its neighbours, so overlaps cannot be entered; `errors` (by index, from the server
 * or the contract) show at the range.
 */
export function AvailabilityEditor({
  value,
  onChange,
  errors,
  zone,
}: {
  value: AvailabilityRange[];
  onChange: (next: AvailabilityRange[]) => void;
  errors: Partial<Record<string, string>>;
  zone: string;
}) {
  const { t, i18n } = useT();
  const days = weekdayNames(i18n.language, 'long');
  const full = value.length >= 42;
  const update = (index: number, patch: Partial<AvailabilityRange>) =>
    onChange(value.map((range, i) => (i === index ? { ...range, ...patch } : range)));
  const remove = (index: number) => onChange(value.filter((_, i) => i !== index));
  const add = (weekday: number) => {
    const range = freeRange(value, weekday);
    if (range) onChange([...value, range]);
  };
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-fg-muted">{t('onboarding.availability.zoneNote', { zone })}</p>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          disabled={full}
          onClick={() => onChange(addToDays(value, WEEKDAYS, '19:00', '22:00'))}
        >
          {t('onboarding.availability.presetEvenings')}
        </Button>
        <Button
          variant="secondary"
          disabled={full}
          onClick={() => onChange(addToDays(value, WEEKEND, '14:00', '18:00'))}
        >
          {t('onboarding.availability.presetWeekend')}
        </Button>
      </div>
      <ul className="flex flex-col divide-y divide-border rounded-xl border border-border">
        {days.map((dayName, weekday) => (
          <DayRow
            // biome-ignore lint/suspicious/noArrayIndexKey: the seven weekdays are fixed
            key={weekday}
            dayName={dayName}
            ranges={rangesOfDay(value, weekday)}
            all={value}
            errors={errors}
            canAdd={!full && freeRange(value, weekday) !== undefined}
            onAdd={() => add(weekday)}
            onUpdate={update}
            onRemove={remove}
          />
        ))}
      </ul>
    </div>
  );
}

function DayRow({
  dayName,
  ranges,
  all,
  errors,
  canAdd,
  onAdd,
  onUpdate,
  onRemove,
}: {
  dayName: string;
  ranges: { range: AvailabilityRange; index: number }[];
  all: AvailabilityRange[];
  errors: Partial<Record<string, string>>;
  canAdd: boolean;
  onAdd: () => void;
  onUpdate: (index: number, patch: Partial<AvailabilityRange>) => void;
  onRemove: (index: number) => void;
}) {
  const { t } = useT();
  const headingId = useId();
  return (
    <li className="flex flex-col gap-2 p-3" aria-labelledby={headingId}>
      <div className="flex items-center justify-between gap-2">
        <h3 id={headingId} className="font-semibold">
          {dayName}
        </h3>
        <Button
          variant="ghost"
          disabled={!canAdd}
          onClick={onAdd}
          aria-label={t('onboarding.availability.addFor', { day: dayName })}
        >
          + {t('onboarding.availability.add')}
        </Button>
      </div>
      {ranges.length === 0 ? (
        <p className="text-sm text-fg-muted">{t('onboarding.availability.none')}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {ranges.map(({ range, index }) => (
            <RangeRow
              key={index}
              dayName={dayName}
              range={range}
              bounds={boundsOf(all, index)}
              error={
                errors[`availability.${index}`] ??
                errors[`availability.${index}.end`] ??
                errors[`availability.${index}.start`]
              }
              onChange={(patch) => onUpdate(index, patch)}
              onRemove={() => onRemove(index)}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

function RangeRow({
  dayName,
  range,
  bounds,
  error,
  onChange,
  onRemove,
}: {
  dayName: string;
  range: AvailabilityRange;
  bounds: { min: number; max: number };
  error: string | undefined;
  onChange: (patch: Partial<AvailabilityRange>) => void;
  onRemove: () => void;
}) {
  const { t } = useT();
  const errorId = useId();
  const start = clockMinutes(range.start);
  const end = clockMinutes(range.end);
  const startOptions = halfHours.filter(
    (h) => clockMinutes(h) >= bounds.min && clockMinutes(h) < bounds.max && h !== '24:00',
  );
  const endOptions = halfHours.filter((h) => clockMinutes(h) > start && clockMinutes(h) <= bounds.max);
  const select =
    'min-h-11 rounded-lg border border-border bg-surface px-2 text-base aria-[invalid=true]:border-danger';
  const describedBy = error ? errorId : undefined;
  return (
    <li className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-2">
        <select
          aria-label={t('onboarding.availability.from', { day: dayName })}
          className={select}
          value={range.start}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => {
            const next = clockMinutes(event.target.value);
            // Moving the start keeps the range's length where the day allows it.
            const length = Math.max(30, end - start);
            const nextEnd = Math.min(next + length, bounds.max);
            onChange({ start: event.target.value, end: halfHours[nextEnd / 30] ?? range.end });
          }}
        >
          {startOptions.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
        <span aria-hidden="true">–</span>
        <select
          aria-label={t('onboarding.availability.to', { day: dayName })}
          className={select}
          value={range.end}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange({ end: event.target.value })}
        >
          {endOptions.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
        <Button
          variant="ghost"
          onClick={onRemove}
          aria-label={t('onboarding.availability.remove', {
            day: dayName,
            start: range.start,
            end: range.end,
          })}
        >
          {t('onboarding.availability.removeShort')}
        </Button>
      </div>
      {error && (
        <p id={errorId} className="text-sm font-medium text-danger">
          {error}
        </p>
      )}
    </li>
  );
}
