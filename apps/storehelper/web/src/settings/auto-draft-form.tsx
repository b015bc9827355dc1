import type { AutoDraft, Store } from '@app/storehelper-contracts';
import { Button, Card, CheckboxField, Notice, SelectField, useToast } from '@app/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { platforms, sentiments } from '../inbox/filters.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { useStorePatch } from './use-store-patch.js';

const empty: AutoDraft = { ratingAtMost: null, ratingAtLeast: null, sentiments: [], platforms: [] };

const toggle = <T,>(list: readonly T[], value: T, on: boolean): T[] =>
  on ? [...new Set([...list, value])] : list.filter((item) => item !== value);

/**
 * Which new reviews get an AI draft as they arrive (all conditions given must hold). Drafts only:
 * nothing is ever posted without the owner's approval.
 */
export function AutoDraftForm({ store }: { store: Store }) {
  const { t } = useT();
  const { t: kit } = useTranslation();
  const toast = useToast();
  const errorText = useErrorText();
  const patch = useStorePatch(store.id);
  const [enabled, setEnabled] = useState(store.autoDraft !== null);
  const [rules, setRules] = useState<AutoDraft>(store.autoDraft ?? empty);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const ratingOptions = [
    { value: '', label: t('settings.autoDraft.anyRating') },
    ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t('filters.stars', { count: n }) })),
  ];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setProblem(null);
    try {
      await patch({ autoDraft: enabled ? rules : null });
      toast(kit('common.saved'));
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card>
      <h2 id="auto-draft" className="text-lg font-semibold">
        {t('settings.autoDraft.title')}
      </h2>
      <p className="mb-4 text-sm text-fg-muted">{t('settings.autoDraft.lead')}</p>
      <form onSubmit={submit} aria-label={t('settings.autoDraft.title')} className="flex flex-col gap-4">
        <Notice tone="warning">{t('settings.autoDraft.neverPost')}</Notice>
        <CheckboxField
          label={t('settings.autoDraft.enable')}
          checked={enabled}
          onChange={(event) => setEnabled(event.target.checked)}
        />
        {enabled && (
          <>
            <div className="grid gap-4 sm:grid-cols-2">
              <SelectField
                label={t('settings.autoDraft.ratingAtMost')}
                value={rules.ratingAtMost === null ? '' : String(rules.ratingAtMost)}
                options={ratingOptions}
                onChange={(event) =>
                  setRules({ ...rules, ratingAtMost: event.target.value ? Number(event.target.value) : null })
                }
              />
              <SelectField
                label={t('settings.autoDraft.ratingAtLeast')}
                value={rules.ratingAtLeast === null ? '' : String(rules.ratingAtLeast)}
                options={ratingOptions}
                onChange={(event) =>
                  setRules({
                    ...rules,
                    ratingAtLeast: event.target.value ? Number(event.target.value) : null,
                  })
                }
              />
            </div>
            <fieldset>
              <legend className="text-sm font-semibold">{t('settings.autoDraft.sentiments')}</legend>
              <div className="flex flex-wrap gap-x-6">
                {sentiments.map((sentiment) => (
                  <CheckboxField
                    key={sentiment}
                    label={t(`sentiments.${sentiment}`)}
                    checked={rules.sentiments.includes(sentiment)}
                    onChange={(event) =>
                      setRules({
                        ...rules,
                        sentiments: toggle(rules.sentiments, sentiment, event.target.checked),
                      })
                    }
                  />
                ))}
              </div>
            </fieldset>
            <fieldset>
              <legend className="text-sm font-semibold">{t('settings.autoDraft.platforms')}</legend>
              <div className="flex flex-wrap gap-x-6">
                {platforms.map((platform) => (
                  <CheckboxField
                    key={platform}
                    label={t(`platforms.${platform}`)}
                    checked={rules.platforms.includes(platform)}
                    onChange={(event) =>
                      setRules({
                        ...rules,
                        platforms: toggle(rules.platforms, platform, event.target.checked),
                      })
                    }
                  />
                ))}
              </div>
            </fieldset>
            <p className="text-sm text-fg-muted">{t('settings.autoDraft.emptyMeansAll')}</p>
          </>
        )}
        {problem && <Notice tone="danger">{problem}</Notice>}
        <Button type="submit" loading={saving} className="self-start">
          {kit('common.save')}
        </Button>
      </form>
    </Card>
  );
}
