import { call } from '@app/client';
import type { LanguagematePaths } from '@app/languagemate-contracts';
import { callFeedbackSchema, type Language, languages } from '@app/languagemate-contracts';
import { Button, Card, Form, TextAreaField, useApi, useLocalized, useZodForm } from '@app/ui';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * After a call: a rating (1-5, optional), private notes, and the minutes spoken per language,
 * prefilled from the in-call timer and editable; `POST /calls/:callId/feedback`.
 */
export function FeedbackForm({
  callId,
  minutes,
  languagesOfCall,
  onDone,
}: {
  callId: string;
  minutes: Partial<Record<Language, number>>;
  languagesOfCall: Language[];
  onDone: (sent: boolean) => void;
}) {
  const { t } = useTranslation('languagemate');
  const pick = useLocalized();
  const api = useApi<LanguagematePaths>();
  const ratingName = useId();
  const form = useZodForm(callFeedbackSchema, { rating: null, notes: '', minutes });
  const current = (form.values.minutes ?? {}) as Partial<Record<Language, number>>;
  const submit = form.onSubmit(async (body) => {
    await call(
      api.POST('/api/v1/languagemate/calls/{callId}/feedback', { params: { path: { callId } }, body }),
    );
    onDone(true);
  });
  return (
    <Card>
      <h2 className="mb-1 text-lg font-semibold">{t('call.feedback.title')}</h2>
      <p className="mb-4 text-sm text-fg-muted">{t('call.feedback.lead')}</p>
      <Form onSubmit={submit} error={form.formError}>
        <fieldset>
          <legend className="mb-2 text-sm font-semibold">{t('call.feedback.rating')}</legend>
          <div className="flex gap-1">
            {[1, 2, 3, 4, 5].map((value) => (
              <label
                key={value}
                className="flex min-h-11 min-w-11 cursor-pointer items-center justify-center rounded-lg border border-border text-2xl has-[:checked]:border-accent has-[:checked]:bg-surface-muted has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring"
              >
                <input
                  type="radio"
                  name={ratingName}
                  value={value}
                  checked={form.values.rating === value}
                  onChange={() => form.set('rating', value)}
                  className="sr-only"
                />
                <span
                  aria-hidden="true"
                  className={(form.values.rating ?? 0) >= value ? 'text-warning' : 'text-fg-muted'}
                >
                  ★
                </span>
                <span className="sr-only">{t('call.feedback.stars', { count: value })}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-semibold">{t('call.feedback.minutes')}</legend>
          <p className="text-sm text-fg-muted">{t('call.feedback.minutesHint')}</p>
          <div className="flex flex-wrap gap-3">
            {languagesOfCall.map((language) => {
              const error = form.errors[`minutes.${language}`];
              return (
                <label key={language} className="flex flex-col gap-1 text-sm">
                  <span className="font-semibold">{pick(languages[language])}</span>
                  <span className="flex items-center gap-2">
                    <input
                      type="number"
                      min={0}
                      max={600}
                      step={0.5}
                      inputMode="decimal"
                      value={current[language] ?? 0}
                      aria-invalid={error ? true : undefined}
                      onChange={(e) =>
                        form.set('minutes', {
                          ...current,
                          [language]: e.target.value === '' ? 0 : Number(e.target.value),
                        })
                      }
                      className="min-h-11 w-24 rounded-lg border border-border bg-surface px-3 aria-[invalid=true]:border-danger"
                    />
                    {t('call.feedback.minutesUnit')}
                  </span>
                  {error && <span className="text-danger">{error}</span>}
                </label>
              );
            })}
          </div>
        </fieldset>
        <TextAreaField
          label={t('call.feedback.notes')}
          hint={t('call.feedback.notesHint')}
          rows={3}
          maxLength={2000}
          {...form.field('notes')}
        />
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={() => onDone(false)}>
            {t('call.feedback.skip')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('call.feedback.send')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
