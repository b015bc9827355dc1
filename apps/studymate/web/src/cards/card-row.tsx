import { call } from '@app/client';
import type { Card as StudyCard, StudymatePaths, Subject } from '@app/studymate-contracts';
import { Badge, Button, useApi, useFormat, useToast } from '@app/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ConfirmDialog } from '../shared/confirm-dialog.js';
import { keys } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { MarkdownText } from '../shared/markdown-text.js';

type Action = 'suspend' | 'unsuspend' | 'bury' | 'reset';

/** One card with its state and its actions. */
export function CardRow({
  card,
  subjects,
  onEdit,
}: {
  card: StudyCard;
  subjects: Subject[];
  onEdit: () => void;
}) {
  const { t } = useT();
  const api = useApi<StudymatePaths>();
  const toast = useToast();
  const format = useFormat();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [deleting, setDeleting] = useState(false);
  const subject = subjects.find((s) => s.id === card.subjectId);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.cards }),
      queryClient.invalidateQueries({ queryKey: keys.review }),
      queryClient.invalidateQueries({ queryKey: keys.dashboard }),
    ]);
  const act = useMutation({
    mutationFn: (action: Action) =>
      call(
        api.PATCH('/api/v1/studymate/cards/{id}', { params: { path: { id: card.id } }, body: { action } }),
      ),
    onSuccess: (_, action) => toast(t(`cards.done.${action}`)),
    onError: (error) => toast(errorText(error), 'danger'),
    onSettled: refresh,
  });
  const buried = card.buriedUntil !== null && new Date(card.buriedUntil).getTime() > Date.now();
  const button = (action: Action) => (
    <Button
      variant="ghost"
      className="min-h-9 px-2"
      onClick={() => act.mutate(action)}
      loading={act.isPending && act.variables === action}
      disabled={act.isPending}
    >
      {t(`cards.action.${action}`)}
    </Button>
  );
  return (
    <article className="flex flex-col gap-2 rounded-xl border border-border bg-surface p-4">
      <div className="flex flex-wrap items-center gap-2 text-xs">
        {subject && (
          <span className="flex items-center gap-1.5 font-semibold">
            <span
              aria-hidden="true"
              className="size-2.5 rounded-full"
              style={{ background: subject.color }}
            />
            {subject.name}
          </span>
        )}
        <Badge>{t(`review.state.${card.state}`)}</Badge>
        {card.suspended && <Badge tone="danger">{t('cards.suspended')}</Badge>}
        {buried && <Badge>{t('cards.buried')}</Badge>}
        <span className="text-fg-muted">{t(`cards.source.${card.source}`)}</span>
        {!card.suspended && card.state !== 'new' && (
          <span className="text-fg-muted">
            {new Date(card.due).getTime() <= Date.now()
              ? t('cards.dueNow')
              : t('cards.due', {
                  date: card.state === 'review' ? format.date(card.due) : format.dateTime(card.due),
                })}
          </span>
        )}
      </div>
      <h2 className="font-semibold break-words">
        <MarkdownText text={card.front} inline />
      </h2>
      {card.back && (
        <p className="line-clamp-3 break-words text-fg-muted">
          <MarkdownText text={card.back} inline />
        </p>
      )}
      {card.tags.length > 0 && (
        <ul className="flex flex-wrap gap-1.5 text-xs" aria-label={t('cards.tags')}>
          {card.tags.map((tag) => (
            <li
              key={tag}
              title={tag}
              className="max-w-48 truncate rounded-full border border-border px-2 py-0.5"
            >
              #{tag}
            </li>
          ))}
        </ul>
      )}
      <div className="-mx-2 flex flex-wrap items-center gap-1">
        <Button variant="ghost" className="min-h-9 px-2" onClick={onEdit}>
          {t('cards.action.edit')}
        </Button>
        {card.suspended ? button('unsuspend') : button('suspend')}
        {!card.suspended && !buried && button('bury')}
        {card.state !== 'new' && button('reset')}
        <Button variant="ghost" className="min-h-9 px-2 text-danger" onClick={() => setDeleting(true)}>
          {t('cards.action.delete')}
        </Button>
        {card.materialId && (
          <Link
            to={`/materials/${card.materialId}${card.passage !== null ? `?passage=${card.passage}` : ''}`}
            className="ml-auto px-2 text-sm font-semibold text-accent underline underline-offset-4"
          >
            {t('review.source')}
          </Link>
        )}
      </div>
      <ConfirmDialog
        open={deleting}
        title={t('cards.deleteTitle')}
        body={t('cards.deleteBody')}
        confirmLabel={t('cards.action.delete')}
        onClose={() => setDeleting(false)}
        onConfirm={async () => {
          await call(api.DELETE('/api/v1/studymate/cards/{id}', { params: { path: { id: card.id } } }));
          toast(t('cards.deleted'));
          await refresh();
        }}
      />
    </article>
  );
}
