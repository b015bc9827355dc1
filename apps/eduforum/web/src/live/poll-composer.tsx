import { call } from '@app/client';
import type { EduforumPaths } from '@app/eduforum-contracts';
import { createPollSchema, type Poll } from '@app/eduforum-contracts';
import { Button, Card, CheckboxField, SelectField, TextField, useApi, useToast } from '@app/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../error-text.js';
import { useT } from '../i18n.js';

type Kind = Poll['kind'];
interface OptionDraft {
  key: number;
  text: string;
  correct: boolean;
}

let optionKey = 0;
const blankOption = (): OptionDraft => ({ key: ++optionKey, text: '', correct: false });

/** Staff prepare a poll (a draft they open when ready); checked with the API's own schema first. */
export function PollComposer({
  sessionId,
  onCreated,
}: {
  sessionId: string;
  onCreated: (poll: Poll) => void;
}) {
  const { t } = useT();
  const { t: tc } = useTranslation();
  const errorText = useErrorText();
  const api = useApi<EduforumPaths>();
  const toast = useToast();
  const [expanded, setExpanded] = useState(false);
  const [question, setQuestion] = useState('');
  const [kind, setKind] = useState<Kind>('single');
  const [options, setOptions] = useState<OptionDraft[]>(() => [blankOption(), blankOption()]);
  const [anonymous, setAnonymous] = useState(false);
  const [resultsVisible, setResultsVisible] = useState(false);
  const [points, setPoints] = useState('0');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  if (!expanded)
    return (
      <Button variant="secondary" onClick={() => setExpanded(true)}>
        {t('live.polls.new')}
      </Button>
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = createPollSchema.safeParse({
      question,
      kind,
      options: kind === 'text' ? [] : options.map(({ text, correct }) => ({ text, correct })),
      anonymous,
      resultsVisible,
      points: Number(points) || 0,
    });
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'form');
        found[field] ??= t(`live.polls.errors.${field}`, { defaultValue: issue.message });
      }
      setErrors(found);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const poll = await call(
        api.POST('/api/v1/eduforum/sessions/{sessionId}/polls', {
          params: { path: { sessionId } },
          body: parsed.data,
        }),
      );
      onCreated(poll as Poll);
      setQuestion('');
      setOptions([blankOption(), blankOption()]);
      setExpanded(false);
    } catch (error) {
      toast(errorText(error), 'danger');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card>
      <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <h3 className="font-semibold">{t('live.polls.new')}</h3>
        <TextField
          label={t('live.polls.question')}
          value={question}
          maxLength={500}
          onChange={(e) => setQuestion(e.target.value)}
          error={errors.question}
        />
        <SelectField
          label={t('live.polls.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as Kind)}
          options={(['single', 'multiple', 'text'] as const).map((value) => ({
            value,
            label: t(`live.polls.kinds.${value}`),
          }))}
        />
        {kind !== 'text' && (
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-semibold">{t('live.polls.options')}</legend>
            {options.map((option, index) => (
              <div key={option.key} className="flex items-center gap-2">
                <input
                  aria-label={t('live.polls.optionN', { n: index + 1 })}
                  value={option.text}
                  maxLength={200}
                  onChange={(e) =>
                    setOptions((list) =>
                      list.map((o) => (o.key === option.key ? { ...o, text: e.target.value } : o)),
                    )
                  }
                  className="min-h-11 flex-1 rounded-lg border border-border bg-surface px-3"
                />
                <label className="flex items-center gap-1 text-sm">
                  <input
                    type="checkbox"
                    checked={option.correct}
                    onChange={(e) =>
                      setOptions((list) =>
                        list.map((o) => (o.key === option.key ? { ...o, correct: e.target.checked } : o)),
                      )
                    }
                    className="size-5 accent-accent"
                  />
                  {t('live.polls.correct')}
                </label>
                {options.length > 2 && (
                  <Button
                    variant="ghost"
                    aria-label={t('live.polls.removeOption', { n: index + 1 })}
                    onClick={() => setOptions((list) => list.filter((o) => o.key !== option.key))}
                  >
                    ✕
                  </Button>
                )}
              </div>
            ))}
            {errors.options && <p className="text-sm text-danger">{errors.options}</p>}
            {options.length < 20 && (
              <Button variant="ghost" onClick={() => setOptions((list) => [...list, blankOption()])}>
                {t('live.polls.addOption')}
              </Button>
            )}
          </fieldset>
        )}
        <CheckboxField
          label={t('live.polls.anonymous')}
          checked={anonymous}
          onChange={(e) => setAnonymous(e.target.checked)}
        />
        <CheckboxField
          label={t('live.polls.resultsVisible')}
          checked={resultsVisible}
          onChange={(e) => setResultsVisible(e.target.checked)}
        />
        <TextField
          label={t('live.polls.points')}
          type="number"
          min={0}
          max={100}
          value={points}
          onChange={(e) => setPoints(e.target.value)}
          error={errors.points}
        />
        <div className="flex gap-2">
          <Button type="submit" loading={busy}>
            {t('live.polls.create')}
          </Button>
          <Button variant="ghost" onClick={() => setExpanded(false)}>
            {tc('common.cancel')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
