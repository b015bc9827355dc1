import { Button, SelectField, TextField } from '@app/ui';
import { type FormEvent, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../shared/i18n.js';
import {
  countFilters,
  platforms,
  type ReviewFilters,
  readFilters,
  sentiments,
  withFilters,
} from './filters.js';

/**
 * The filters of the inbox and the dashboard, kept in the page's address (so a filtered view can be
 * bookmarked, shared and reloaded): platform, sentiment, rating, dates and, with `search`, text.
 * On a phone they fold behind one "Filters (n)" button.
 */
export function FilterBar({ search = true }: { search?: boolean }) {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState(filters.q ?? '');
  const panelId = useId();
  const set = (changes: Partial<Record<keyof ReviewFilters, string | undefined>>) =>
    setParams(withFilters(params, changes), { replace: true });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    set({ q: q.trim() || undefined });
  };
  const count = countFilters(filters);
  const any = (label: string) => ({ value: '', label });
  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-center gap-2 sm:hidden">
        <Button
          variant="secondary"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((v) => !v)}
        >
          {count > 0 ? t('filters.toggleCount', { count }) : t('filters.toggle')}
        </Button>
        {count > 0 && (
          <Button variant="ghost" onClick={() => clear()}>
            {t('filters.clear')}
          </Button>
        )}
      </div>
      <form
        id={panelId}
        aria-label={t('filters.label')}
        onSubmit={submit}
        className={`${open ? 'flex' : 'hidden'} flex-col gap-3 rounded-xl border border-border bg-surface p-3 sm:flex`}
      >
        {search && (
          <div className="flex items-end gap-2">
            <div className="min-w-0 flex-1">
              <TextField
                label={t('filters.search')}
                type="search"
                value={q}
                maxLength={200}
                placeholder={t('filters.searchPlaceholder')}
                onChange={(event) => setQ(event.target.value)}
              />
            </div>
            <Button type="submit" variant="secondary">
              {t('filters.searchButton')}
            </Button>
          </div>
        )}
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          <SelectField
            label={t('filters.platform')}
            value={filters.platform ?? ''}
            onChange={(event) => set({ platform: event.target.value || undefined })}
            options={[
              any(t('filters.allPlatforms')),
              ...platforms.map((p) => ({ value: p, label: t(`platforms.${p}`) })),
            ]}
          />
          <SelectField
            label={t('filters.sentiment')}
            value={filters.sentiment ?? ''}
            onChange={(event) => set({ sentiment: event.target.value || undefined })}
            options={[
              any(t('filters.all')),
              ...sentiments.map((s) => ({ value: s, label: t(`sentiments.${s}`) })),
            ]}
          />
          <SelectField
            label={t('filters.rating')}
            value={filters.rating ? String(filters.rating) : ''}
            onChange={(event) => set({ rating: event.target.value || undefined })}
            options={[
              any(t('filters.all')),
              ...[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: t('filters.stars', { count: n }) })),
            ]}
          />
          <TextField
            label={t('filters.from')}
            type="date"
            value={filters.from ?? ''}
            max={filters.to}
            onChange={(event) => set({ from: event.target.value || undefined })}
          />
          <TextField
            label={t('filters.to')}
            type="date"
            value={filters.to ?? ''}
            min={filters.from}
            onChange={(event) => set({ to: event.target.value || undefined })}
          />
        </div>
        {count > 0 && (
          <div className="hidden sm:block">
            <Button variant="ghost" onClick={() => clear()}>
              {t('filters.clear')}
            </Button>
          </div>
        )}
      </form>
    </div>
  );

  function clear() {
    setQ('');
    set({
      platform: undefined,
      sentiment: undefined,
      rating: undefined,
      from: undefined,
      to: undefined,
      q: undefined,
    });
  }
}
