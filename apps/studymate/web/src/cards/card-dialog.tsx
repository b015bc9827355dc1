import { call } from '@app/client';
import type { Card as StudyCard, StudymatePaths, Subject } from '@app/studymate-contracts';
import { Button, Dialog, Form, SelectField, TextAreaField, TextField, useApi, useToast } from '@app/ui';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { keys } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { parseTags } from './tags.js';

/** Write a card (card null) or edit one: front, back, tags, and the subject of a new card. */
export function CardDialog({
  card,
  open,
  subjects,
  defaultSubject,
  onClose,
}: {
  card: StudyCard | null;
  open: boolean;
  subjects: Subject[];
  defaultSubject: string;
  onClose: () => void;
}) {
  const { t } = useT();
  return (
    <Dialog open={open} onClose={onClose} title={card ? t('cards.editTitle') : t('cards.newTitle')}>
      {open && (
        <CardForm
          key={card?.id ?? 'new'}
          card={card}
          subjects={subjects}
          defaultSubject={defaultSubject}
          onDone={onClose}
        />
      )}
    </Dialog>
  );
}

function CardForm({
  card,
  subjects,
  defaultSubject,
  onDone,
}: {
  card: StudyCard | null;
  subjects: Subject[];
  defaultSubject: string;
  onDone: () => void;
}) {
  const { t } = useT();
  const api = useApi<StudymatePaths>();
  const toast = useToast();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [front, setFront] = useState(card?.front ?? '');
  const [back, setBack] = useState(card?.back ?? '');
  const [tags, setTags] = useState(card?.tags.join(', ') ?? '');
  const [subjectId, setSubjectId] = useState(card?.subjectId ?? defaultSubject);
  const [error, setError] = useState<string>();
  const [frontError, setFrontError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!front.trim()) {
      setFrontError(t('cards.frontRequired'));
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      const body = { front: front.trim(), back: back.trim(), tags: parseTags(tags) };
      if (card)
        await call(api.PATCH('/api/v1/studymate/cards/{id}', { params: { path: { id: card.id } }, body }));
      else
        await call(api.POST('/api/v1/studymate/cards', { body: { ...body, subjectId: subjectId || null } }));
      toast(card ? t('cards.saved') : t('cards.created'));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.cards }),
        queryClient.invalidateQueries({ queryKey: keys.review }),
        queryClient.invalidateQueries({ queryKey: keys.dashboard }),
        queryClient.invalidateQueries({ queryKey: keys.subjects }),
      ]);
      onDone();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form onSubmit={(event) => void submit(event)} error={error}>
      <TextAreaField
        label={t('cards.front')}
        rows={3}
        maxLength={10_000}
        value={front}
        error={frontError}
        onChange={(event) => {
          setFront(event.target.value);
          setFrontError(undefined);
        }}
      />
      <TextAreaField
        label={t('cards.back')}
        rows={4}
        maxLength={10_000}
        value={back}
        onChange={(event) => setBack(event.target.value)}
      />
      <TextField
        label={t('cards.tags')}
        hint={t('cards.tagsHint')}
        value={tags}
        onChange={(event) => setTags(event.target.value)}
      />
      {!card && (
        <SelectField
          label={t('cards.subject')}
          options={[
            { value: '', label: t('cards.noSubject') },
            ...subjects.map((subject) => ({ value: subject.id, label: subject.name })),
          ]}
          value={subjectId}
          onChange={(event) => setSubjectId(event.target.value)}
        />
      )}
      <p className="text-sm text-fg-muted">{t('cards.plainText')}</p>
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          {t('subjects.cancel')}
        </Button>
        <Button type="submit" loading={saving}>
          {card ? t('cards.save') : t('cards.create')}
        </Button>
      </div>
    </Form>
  );
}
