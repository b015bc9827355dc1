import type { Subject } from '@app/studymate-contracts';
import {
  Button,
  Card,
  EmptyState,
  ErrorState,
  LoadingState,
  PageHeader,
  usePlanLimit,
  useTitle,
} from '@app/ui';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSubjects } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { AddMaterial } from './add-material.js';
import { DeleteSubjectDialog } from './delete-subject.js';
import { MaterialList } from './material-list.js';
import { SubjectDialog } from './subject-dialog.js';

/** Subjects (create, edit, delete) and the chosen subject's materials, with "add a material". */
export function SubjectsPage() {
  const { t } = useT();
  useTitle(t('subjects.title'));
  const errorText = useErrorText();
  const subjects = useSubjects();
  const [params, setParams] = useSearchParams();
  const upgrade = usePlanLimit();
  const [editing, setEditing] = useState<Subject | 'new' | null>(params.get('new') ? 'new' : null);
  const [deleting, setDeleting] = useState<Subject | null>(null);
  const items = subjects.data?.items ?? [];
  const selected = items.find((subject) => subject.id === params.get('subject')) ?? items[0];
  const closeEditor = () => {
    setEditing(null);
    if (!params.get('new')) return;
    setParams(
      (current) => {
        current.delete('new');
        return current;
      },
      { replace: true },
    );
  };
  return (
    <>
      <PageHeader title={t('subjects.title')} lead={t('subjects.lead')} />
      {upgrade.prompt && <div className="mb-6">{upgrade.prompt}</div>}
      {subjects.isPending ? (
        <LoadingState />
      ) : subjects.isError ? (
        <ErrorState message={errorText(subjects.error)} onRetry={() => void subjects.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          title={t('subjects.emptyTitle')}
          action={<Button onClick={() => setEditing('new')}>{t('subjects.new')}</Button>}
        >
          {t('subjects.emptyBody')}
        </EmptyState>
      ) : (
        <div className="grid gap-6 lg:grid-cols-[18rem_minmax(0,1fr)]">
          <section aria-labelledby="subject-list" className="flex flex-col gap-3">
            <div className="flex items-center justify-between gap-2">
              <h2 id="subject-list" className="text-lg font-semibold">
                {t('subjects.list')}
              </h2>
              <Button variant="secondary" onClick={() => setEditing('new')}>
                {t('subjects.new')}
              </Button>
            </div>
            <ul className="flex flex-col gap-2">
              {items.map((subject) => (
                <li key={subject.id}>
                  <Link
                    to={`?subject=${subject.id}`}
                    replace
                    aria-current={subject.id === selected?.id ? 'true' : undefined}
                    className={`flex min-h-11 items-center gap-3 rounded-lg border px-3 py-2 hover:bg-surface-muted ${
                      subject.id === selected?.id ? 'border-accent bg-surface' : 'border-border'
                    }`}
                  >
                    <span
                      aria-hidden="true"
                      className="size-3 shrink-0 rounded-full"
                      style={{ background: subject.color }}
                    />
                    <span className="flex min-w-0 flex-col">
                      <span className="truncate font-semibold">{subject.name}</span>
                      <span className="text-sm text-fg-muted">
                        {t('subjects.materialCount', { count: subject.materials })} ·{' '}
                        {t('subjects.cardCount', { count: subject.cards })}
                      </span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
          {selected && (
            <div className="flex min-w-0 flex-col gap-6">
              <Card className="flex flex-col gap-3">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="flex min-w-0 items-center gap-3">
                    <span
                      aria-hidden="true"
                      className="size-4 shrink-0 rounded-full"
                      style={{ background: selected.color }}
                    />
                    <h2 className="text-xl font-bold break-words">{selected.name}</h2>
                  </div>
                  <div className="flex gap-2">
                    <Button variant="secondary" onClick={() => setEditing(selected)}>
                      {t('subjects.edit')}
                    </Button>
                    <Button variant="danger" onClick={() => setDeleting(selected)}>
                      {t('subjects.delete')}
                    </Button>
                  </div>
                </div>
                <p className={selected.goal ? '' : 'text-fg-muted'}>
                  {selected.goal || t('subjects.noGoal')}
                </p>
              </Card>
              <MaterialList subject={selected} />
              <AddMaterial subject={selected} />
            </div>
          )}
        </div>
      )}
      <SubjectDialog
        subject={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={closeEditor}
        onPlanLimit={(error) => {
          if (!upgrade.handle(error)) return false;
          closeEditor();
          return true;
        }}
        onSaved={(subject) => {
          upgrade.clear();
          setParams({ subject: subject.id }, { replace: true });
        }}
      />
      <DeleteSubjectDialog subject={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}
