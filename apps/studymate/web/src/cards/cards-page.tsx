import { call } from '@app/client';
import type { Card as StudyCard, StudymatePaths } from '@app/studymate-contracts';
import {
  Button,
  EmptyState,
  ErrorState,
  LoadingState,
  PageHeader,
  SelectField,
  TextField,
  useApi,
  useTitle,
} from '@app/ui';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { keys, useSubjects } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { CardDialog } from './card-dialog.js';
import { CardRow } from './card-row.js';
import { ExportButtons } from './export-buttons.js';
import { ImportDialog } from './import-dialog.js';

/** Every card: search, filter by subject, load more; write, edit, suspend, bury, reset, delete; import and export. */
export function CardsPage() {
  const { t } = useT();
  useTitle(t('cards.title'));
  const api = useApi<StudymatePaths>();
  const errorText = useErrorText();
  const subjects = useSubjects();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [subjectId, setSubjectId] = useState('');
  const [editing, setEditing] = useState<StudyCard | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  // The search runs when typing pauses.
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);
  const cards = useInfiniteQuery({
    queryKey: [...keys.cards, { q, subjectId }],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/studymate/cards', {
          params: {
            query: {
              limit: 30,
              ...(q ? { q } : {}),
              ...(subjectId ? { subjectId } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = cards.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = q !== '' || subjectId !== '';
  const subjectOptions = [
    { value: '', label: t('cards.allSubjects') },
    ...(subjects.data?.items ?? []).map((subject) => ({ value: subject.id, label: subject.name })),
  ];
  return (
    <>
      <PageHeader title={t('cards.title')} lead={t('cards.lead')} />
      <div className="mb-4 flex flex-wrap gap-2">
        <Button onClick={() => setEditing('new')}>{t('cards.new')}</Button>
        <Button variant="secondary" onClick={() => setImporting(true)}>
          {t('cards.import')}
        </Button>
        <ExportButtons subjectId={subjectId} />
      </div>
      <search className="mb-4 grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <TextField
          label={t('cards.search')}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          maxLength={200}
        />
        <SelectField
          label={t('cards.subject')}
          options={subjectOptions}
          value={subjectId}
          onChange={(event) => setSubjectId(event.target.value)}
        />
      </search>
      {cards.isPending ? (
        <LoadingState />
      ) : cards.isError ? (
        <ErrorState message={errorText(cards.error)} onRetry={() => void cards.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={filtered ? t('cards.noMatchTitle') : t('cards.emptyTitle')}>
          {filtered ? t('cards.noMatchBody') : t('cards.emptyBody')}
        </EmptyState>
      ) : (
        <div className="flex flex-col gap-3">
          <ul className="flex flex-col gap-3">
            {items.map((card) => (
              <li key={card.id}>
                <CardRow card={card} subjects={subjects.data?.items ?? []} onEdit={() => setEditing(card)} />
              </li>
            ))}
          </ul>
          {cards.hasNextPage && (
            <Button
              variant="secondary"
              loading={cards.isFetchingNextPage}
              onClick={() => void cards.fetchNextPage()}
            >
              {t('cards.more')}
            </Button>
          )}
        </div>
      )}
      <CardDialog
        card={editing === 'new' ? null : editing}
        open={editing !== null}
        subjects={subjects.data?.items ?? []}
        defaultSubject={subjectId}
        onClose={() => setEditing(null)}
      />
      <ImportDialog
        open={importing}
        subjects={subjects.data?.items ?? []}
        defaultSubject={subjectId}
        onClose={() => setImporting(false)}
      />
    </>
  );
}
