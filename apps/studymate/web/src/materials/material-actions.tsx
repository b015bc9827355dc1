import { call } from '@app/client';
import type { Difficulty, StudymatePaths } from '@app/studymate-contracts';
import { Button, Card, Notice, SelectField, useApi, usePlanLimit, useToast } from '@app/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { keys } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';

/** "Make cards from key terms" and "Generate quiz" (with a difficulty), for a ready material. */
export function MaterialActions({ materialId }: { materialId: string }) {
  const { t } = useT();
  const api = useApi<StudymatePaths>();
  const toast = useToast();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const upgrade = usePlanLimit();
  const [difficulty, setDifficulty] = useState<'auto' | Difficulty>('auto');
  const path = { params: { path: { id: materialId } } };
  const cards = useMutation({
    mutationFn: () => call(api.POST('/api/v1/studymate/materials/{id}/cards', path)),
    onSuccess: ({ created }) => {
      toast(created > 0 ? t('reader.cardsCreated', { count: created }) : t('reader.cardsNone'));
      void queryClient.invalidateQueries({ queryKey: keys.cards });
      void queryClient.invalidateQueries({ queryKey: keys.review });
      void queryClient.invalidateQueries({ queryKey: keys.dashboard });
      void queryClient.invalidateQueries({ queryKey: keys.subjects });
    },
    onError: (error) => upgrade.handle(error) || toast(errorText(error), 'danger'),
  });
  const quiz = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/studymate/materials/{id}/quizzes', {
          ...path,
          body: difficulty === 'auto' ? {} : { difficulty },
        }),
      ),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: keys.quizzesOf(materialId) });
      queryClient.setQueryData(keys.quiz(created.id), created);
      navigate(`/quizzes/${created.id}`);
    },
    onError: (error) => {
      upgrade.handle(error);
    },
  });
  return (
    <Card className="flex flex-col gap-4">
      <h2 className="text-lg font-semibold">{t('reader.study')}</h2>
      {upgrade.prompt}
      <div className="flex flex-col gap-2">
        <Button variant="secondary" onClick={() => cards.mutate()} loading={cards.isPending}>
          {t('reader.makeCards')}
        </Button>
        <p className="text-sm text-fg-muted">{t('reader.makeCardsHint')}</p>
      </div>
      <div className="flex flex-col gap-3 border-t border-border pt-4">
        <SelectField
          label={t('reader.difficulty')}
          hint={t('reader.difficultyHint')}
          value={difficulty}
          onChange={(event) => setDifficulty(event.target.value as 'auto' | Difficulty)}
          options={[
            { value: 'auto', label: t('reader.difficultyAuto') },
            { value: 'easy', label: t('difficulty.easy') },
            { value: 'medium', label: t('difficulty.medium') },
            { value: 'hard', label: t('difficulty.hard') },
          ]}
        />
        {quiz.isError && !upgrade.limit && <Notice tone="danger">{errorText(quiz.error)}</Notice>}
        <Button onClick={() => quiz.mutate()} loading={quiz.isPending}>
          {t('reader.generateQuiz')}
        </Button>
      </div>
    </Card>
  );
}
