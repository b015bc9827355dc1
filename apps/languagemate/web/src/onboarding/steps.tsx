import {
  type CefrLevel,
  cefrLevels,
  type Interest,
  interestKeys,
  type Language,
  languageCodes,
  practiceModes,
} from '@app/languagemate-contracts';
import { Button, CheckboxField, SelectField, TextField, useLocalized } from '@app/ui';
import { useId, useState } from 'react';
import { useT } from '../shared/i18n.js';
import { levelDescriptions, useLabels } from '../shared/labels.js';
import { ChipGroup } from './chips.js';
import type { Draft } from './draft.js';
import { ZoneSelect } from './zone-select.js';

/** What every step gets: the draft, a way to change it, and the messages to show by field path. */
export interface StepProps {
  draft: Draft;
  set: (patch: Partial<Draft>) => void;
  errors: Partial<Record<string, string>>;
}

/** Step 1: the name others see and the time zone every time is shown in. */
export function BasicsStep({ draft, set, errors }: StepProps) {
  const { t } = useT();
  return (
    <div className="flex flex-col gap-4">
      <TextField
        name="displayName"
        label={t('onboarding.basics.name')}
        hint={t('onboarding.basics.nameHint')}
        autoComplete="nickname"
        value={draft.displayName}
        error={errors.displayName}
        onChange={(event) => set({ displayName: event.target.value })}
      />
      <ZoneSelect value={draft.timeZone} error={errors.timeZone} onChange={(timeZone) => set({ timeZone })} />
    </div>
  );
}

/** Step 2: native languages, and languages learnt with a self-assessed level. */
export function LanguagesStep({
  draft,
  set,
  errors,
  testedLevel,
}: StepProps & { testedLevel?: string | null }) {
  const { t } = useT();
  const labels = useLabels();
  const options = languageCodes.map((code) => ({ value: code, label: labels.language(code) }));
  const toggleNative = (language: Language) =>
    set({
      nativeLanguages: draft.nativeLanguages.includes(language)
        ? draft.nativeLanguages.filter((l) => l !== language)
        : [...draft.nativeLanguages, language],
    });
  const free = languageCodes.filter(
    (code) =>
      !draft.nativeLanguages.includes(code) && !draft.targets.some((target) => target.language === code),
  );
  const addTarget = () => {
    const language = free[0];
    if (language) set({ targets: [...draft.targets, { language, level: 'A2' }] });
  };
  const targetError = errors.targets;
  return (
    <div className="flex flex-col gap-6">
      <ChipGroup
        label={t('onboarding.languages.native')}
        hint={t('onboarding.languages.nativeHint')}
        options={options}
        selected={draft.nativeLanguages}
        onToggle={toggleNative}
        max={3}
        error={errors.nativeLanguages}
      />
      <section className="flex flex-col gap-3" aria-labelledby="targets-heading">
        <h3 id="targets-heading" className="text-sm font-semibold">
          {t('onboarding.languages.targets')}
        </h3>
        <p className="text-sm text-fg-muted">{t('onboarding.languages.targetsHint')}</p>
        {testedLevel && <p className="text-sm">{t('onboarding.languages.tested', { level: testedLevel })}</p>}
        {draft.targets.map((target, index) => (
          <TargetEditor
            // biome-ignore lint/suspicious/noArrayIndexKey: a row keeps its place (and focus) while its language changes
            key={index}
            index={index}
            language={target.language}
            level={target.level}
            options={options.filter(
              (o) =>
                o.value === target.language || !draft.targets.some((other) => other.language === o.value),
            )}
            error={errors[`targets.${index}.language`] ?? errors[`targets.${index}`]}
            onChange={(next) =>
              set({ targets: draft.targets.map((t2, i) => (i === index ? { ...t2, ...next } : t2)) })
            }
            onRemove={() => set({ targets: draft.targets.filter((_, i) => i !== index) })}
          />
        ))}
        {targetError && <p className="text-sm font-medium text-danger">{targetError}</p>}
        {draft.targets.length < 3 && (
          <Button variant="secondary" onClick={addTarget} disabled={free.length === 0}>
            + {t('onboarding.languages.addTarget')}
          </Button>
        )}
      </section>
    </div>
  );
}

function TargetEditor({
  index,
  language,
  level,
  options,
  error,
  onChange,
  onRemove,
}: {
  index: number;
  language: Language;
  level: CefrLevel;
  options: { value: Language; label: string }[];
  error: string | undefined;
  onChange: (next: { language?: Language; level?: CefrLevel }) => void;
  onRemove: () => void;
}) {
  const { t } = useT();
  const pick = useLocalized();
  const labels = useLabels();
  const groupId = useId();
  return (
    <div className="flex flex-col gap-3 rounded-xl border border-border p-3">
      <SelectField
        name={`targets.${index}.language`}
        label={t('onboarding.languages.targetLanguage', { n: index + 1 })}
        value={language}
        error={error}
        options={options}
        onChange={(event) => {
          const next = options.find((o) => o.value === event.target.value);
          if (next) onChange({ language: next.value });
        }}
      />
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-sm font-semibold">
          {t('onboarding.languages.level', { language: labels.language(language) })}
        </legend>
        {cefrLevels.map((value) => (
          <label
            key={value}
            className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg px-2 has-[:checked]:bg-surface-muted"
          >
            <input
              type="radio"
              name={`${groupId}-level`}
              value={value}
              checked={level === value}
              onChange={() => onChange({ level: value })}
              className="size-5 accent-accent"
            />
            <span className="w-8 shrink-0 font-semibold">{value}</span>
            <span className="text-sm text-fg-muted">{pick(levelDescriptions[value])}</span>
          </label>
        ))}
      </fieldset>
      <Button variant="ghost" onClick={onRemove} className="self-start">
        {t('onboarding.languages.removeTarget', { language: labels.language(language) })}
      </Button>
    </div>
  );
}

/** Step 3: interests from the fixed list, free tags, and how they like to practise. */
export function InterestsStep({ draft, set, errors }: StepProps) {
  const { t } = useT();
  const labels = useLabels();
  const [tag, setTag] = useState('');
  const [tagError, setTagError] = useState<string>();
  const toggle = (interest: Interest) =>
    set({
      interests: draft.interests.includes(interest)
        ? draft.interests.filter((i) => i !== interest)
        : [...draft.interests, interest],
    });
  const addTag = () => {
    const value = tag.trim();
    if (!value) return;
    if (!/^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u.test(value)) return setTagError(t('onboarding.errors.tagFormat'));
    if (value.length > 30) return setTagError(t('onboarding.errors.tagTooLong'));
    if (draft.tags.length >= 10) return setTagError(t('onboarding.errors.tooManyTags'));
    if (!draft.tags.some((existing) => existing.toLowerCase() === value.toLowerCase()))
      set({ tags: [...draft.tags, value] });
    setTag('');
    setTagError(undefined);
  };
  const toggleMode = (mode: (typeof practiceModes)[number]) =>
    set({
      preferences: {
        ...draft.preferences,
        modes: draft.preferences.modes.includes(mode)
          ? draft.preferences.modes.filter((m) => m !== mode)
          : [...draft.preferences.modes, mode],
      },
    });
  const tagsError =
    tagError ?? errors.tags ?? Object.entries(errors).find(([path]) => path.startsWith('tags.'))?.[1];
  return (
    <div className="flex flex-col gap-6">
      <ChipGroup
        label={t('onboarding.interests.interests')}
        hint={t('onboarding.interests.interestsHint')}
        options={interestKeys.map((key) => ({ value: key, label: labels.interest(key) }))}
        selected={draft.interests}
        onToggle={toggle}
        max={10}
        error={errors.interests}
      />
      <div className="flex flex-col gap-2">
        <div className="flex items-end gap-2">
          <div className="flex-1">
            <TextField
              label={t('onboarding.interests.tags')}
              hint={t('onboarding.interests.tagsHint')}
              value={tag}
              maxLength={30}
              error={tagsError}
              onChange={(event) => {
                setTag(event.target.value);
                setTagError(undefined);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  addTag();
                }
              }}
            />
          </div>
        </div>
        <Button variant="secondary" onClick={addTag} className="self-start">
          + {t('onboarding.interests.addTag')}
        </Button>
        {draft.tags.length > 0 && (
          <ul className="flex flex-wrap gap-2" aria-label={t('onboarding.interests.tagList')}>
            {draft.tags.map((value) => (
              <li key={value}>
                <button
                  type="button"
                  onClick={() => set({ tags: draft.tags.filter((t2) => t2 !== value) })}
                  className="min-h-11 rounded-full border border-border px-3 text-sm hover:bg-surface-muted"
                  aria-label={t('onboarding.interests.removeTag', { tag: value })}
                >
                  #{value} <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <ChipGroup
        label={t('onboarding.interests.modes')}
        options={practiceModes.map((mode) => ({ value: mode, label: t(`modes.${mode}`) }))}
        selected={draft.preferences.modes}
        onToggle={toggleMode}
        error={errors['preferences.modes'] ?? errors.preferences}
      />
      <CheckboxField
        label={t('onboarding.interests.similarLevel')}
        checked={draft.preferences.similarLevel}
        onChange={(event) =>
          set({ preferences: { ...draft.preferences, similarLevel: event.target.checked } })
        }
      />
    </div>
  );
}
