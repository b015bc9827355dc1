import { ApiError, call } from '@app/client';
import type { LanguagematePaths } from '@app/languagemate-contracts';
import { Button, Card, Notice, PageHeader, useApi, useToast } from '@app/ui';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { keys } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { AboutStep } from './about-step.js';
import { AvailabilityEditor } from './availability-editor.js';
import {
  clearDraft,
  type Draft,
  draftKey,
  loadDraft,
  saveDraft,
  stepIssues,
  stepOfField,
  steps,
} from './draft.js';
import { useIssueText } from './issue-text.js';
import { BasicsStep, InterestsStep, LanguagesStep } from './steps.js';

/**
 * The profile as a short stepper: onboarding (`mode: 'onboarding'`, forward with Next) and later
 * edits (`'edit'`: any step, saved from any step). The draft survives steps and reloads of the tab
 * (sessionStorage); each step is checked with the contract before the next, and the server's field
 * errors lead back to the step that owns the field.
 */
export function ProfileStepper({
  mode,
  userId,
  initial,
  testedLevel,
  onSaved,
}: {
  mode: 'onboarding' | 'edit';
  userId: string;
  initial: Draft;
  testedLevel?: string | null;
  onSaved?: () => void;
}) {
  const { t } = useT();
  const api = useApi<LanguagematePaths>();
  const toast = useToast();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const issueText = useIssueText();
  const storageKey = draftKey(userId, mode);
  const [state, setState] = useState(() => {
    const stored = loadDraft(storageKey);
    return stored ?? { draft: initial, step: 0 };
  });
  const { draft, step } = state;
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [formError, setFormError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  useEffect(() => saveDraft(storageKey, draft, step), [storageKey, draft, step]);
  // A new step takes the focus to its heading, so a screen reader starts there (not on first render).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes
  useEffect(() => {
    if (moved.current) heading.current?.focus();
  }, [step]);

  const set = (patch: Partial<Draft>) => {
    setState((current) => ({ ...current, draft: { ...current.draft, ...patch } }));
    setFormError(undefined);
    const touched = Object.keys(patch);
    setErrors((current) =>
      Object.fromEntries(
        Object.entries(current).filter(([path]) => !touched.includes(path.split('.')[0] ?? '')),
      ),
    );
  };
  const goTo = (next: number) => {
    moved.current = true;
    setErrors({});
    setFormError(undefined);
    setState((current) => ({ ...current, step: next }));
  };
  /** Checks one step with the contract; shows its problems and says whether it passed. */
  const check = (index: number): boolean => {
    const issues = stepIssues(draft, index);
    if (issues.size === 0) return true;
    setErrors(Object.fromEntries([...issues].map(([path, issue]) => [path, issueText.issue(path, issue)])));
    setFormError(t('onboarding.fixBelow'));
    return false;
  };
  const save = async () => {
    for (let index = 0; index < steps.length; index++) {
      if (!check(index)) {
        if (index !== step) {
          goTo(index);
          // goTo clears errors; show them again on the step it opened.
          const issues = stepIssues(draft, index);
          setErrors(
            Object.fromEntries([...issues].map(([path, issue]) => [path, issueText.issue(path, issue)])),
          );
          setFormError(t('onboarding.fixBelow'));
        }
        return;
      }
    }
    setSaving(true);
    try {
      const profile = await call(api.PUT('/api/v1/languagemate/profile', { body: draft }));
      queryClient.setQueryData(keys.profile, { profile });
      void queryClient.invalidateQueries({ queryKey: keys.suggestions });
      clearDraft(storageKey);
      toast(mode === 'onboarding' ? t('onboarding.done') : t('onboarding.saved'));
      onSaved?.();
    } catch (error) {
      showServerError(error);
    } finally {
      setSaving(false);
    }
  };
  const showServerError = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') {
      const fields = Object.entries(error.fieldErrors);
      const first = fields.map(([path]) => stepOfField(path)).find((index) => index >= 0);
      if (first !== undefined) {
        if (first !== step) goTo(first);
        setErrors(
          Object.fromEntries(fields.map(([path, message]) => [path, issueText.server(path, message)])),
        );
        setFormError(t('onboarding.fixBelow'));
        return;
      }
    }
    if (error instanceof ApiError && (error.code === 'SAFETY_HOLD' || error.code === 'SAFETY_WARNING')) {
      if (step !== steps.length - 1) goTo(steps.length - 1);
      setErrors({ bio: t('onboarding.errors.bioHeld') });
      return;
    }
    setFormError(errorText(error));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    if (step < steps.length - 1) {
      if (check(step)) goTo(step + 1);
      return;
    }
    void save();
  };

  const current = steps[step] ?? steps[0];
  const props = { draft, set, errors };
  const last = step === steps.length - 1;
  return (
    <>
      <PageHeader
        title={mode === 'onboarding' ? t('onboarding.title') : t('onboarding.editTitle')}
        lead={mode === 'onboarding' ? t('onboarding.lead') : t('onboarding.editLead')}
      />
      <Progress step={step} editable={mode === 'edit'} onJump={goTo} />
      <Card>
        <form onSubmit={submit} noValidate aria-labelledby="step-heading" className="flex flex-col gap-5">
          <div>
            <h2 id="step-heading" ref={heading} tabIndex={-1} className="text-xl font-bold outline-none">
              {t(`onboarding.steps.${current.id}`)}
            </h2>
            <p className="mt-1 text-fg-muted">{t(`onboarding.leads.${current.id}`)}</p>
          </div>
          {formError && <Notice tone="danger">{formError}</Notice>}
          {current.id === 'basics' && <BasicsStep {...props} />}
          {current.id === 'languages' && <LanguagesStep {...props} testedLevel={testedLevel ?? null} />}
          {current.id === 'interests' && <InterestsStep {...props} />}
          {current.id === 'availability' && (
            <AvailabilityEditor
              value={draft.availability}
              onChange={(availability) => set({ availability })}
              errors={errors}
              zone={draft.timeZone}
            />
          )}
          {current.id === 'about' && <AboutStep {...props} />}
          <div className="flex flex-wrap items-center gap-2 border-t border-border pt-4">
            {step > 0 && (
              <Button variant="secondary" onClick={() => goTo(step - 1)}>
                {t('onboarding.back')}
              </Button>
            )}
            <Button
              type="submit"
              variant={mode === 'edit' && !last ? 'secondary' : 'primary'}
              loading={last && saving}
              className="ml-auto"
            >
              {last
                ? mode === 'onboarding'
                  ? t('onboarding.finish')
                  : t('onboarding.save')
                : t('onboarding.next')}
            </Button>
            {mode === 'edit' && !last && (
              <Button loading={saving} onClick={() => void save()}>
                {t('onboarding.save')}
              </Button>
            )}
          </div>
        </form>
      </Card>
    </>
  );
}

/** "Step 2 of 5" with a bar; in edit mode the step names are buttons to jump with. */
function Progress({
  step,
  editable,
  onJump,
}: {
  step: number;
  editable: boolean;
  onJump: (step: number) => void;
}) {
  const { t } = useT();
  const percent = Math.round(((step + 1) / steps.length) * 100);
  return (
    <nav aria-label={t('onboarding.progressLabel')} className="mb-4 flex flex-col gap-2">
      <p className="text-sm font-semibold">
        {t('onboarding.stepOf', { n: step + 1, total: steps.length })}
        <span className="text-fg-muted"> · {t(`onboarding.steps.${steps[step]?.id ?? 'basics'}`)}</span>
      </p>
      <div className="h-2 overflow-hidden rounded-full bg-surface-muted" aria-hidden="true">
        <div className="h-full rounded-full bg-accent transition-all" style={{ width: `${percent}%` }} />
      </div>
      <ol className="hidden gap-1 text-sm sm:flex">
        {steps.map((s, index) => (
          <li key={s.id} className="flex-1">
            {editable ? (
              <button
                type="button"
                onClick={() => onJump(index)}
                aria-current={index === step ? 'step' : undefined}
                className={`min-h-11 w-full rounded-lg px-2 text-left hover:bg-surface-muted ${index === step ? 'font-semibold text-fg' : 'text-fg-muted'}`}
              >
                {index + 1}. {t(`onboarding.steps.${s.id}`)}
              </button>
            ) : (
              <span
                aria-current={index === step ? 'step' : undefined}
                className={`block px-2 py-2 ${index === step ? 'font-semibold text-fg' : 'text-fg-muted'}`}
              >
                {index + 1}. {t(`onboarding.steps.${s.id}`)}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
