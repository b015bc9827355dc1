import { call } from '@app/client';
import type { Material, StudymatePaths, Subject } from '@app/studymate-contracts';
import { Badge, Button, Card, ErrorState, LoadingState, useApi, useFormat } from '@app/ui';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { FailedStatus, isProcessing, ProcessingStatus } from '../materials/status.js';
import { useMaterialActions } from '../materials/use-material-actions.js';
import { ConfirmDialog } from '../shared/confirm-dialog.js';
import { keys } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';

/** A subject's materials, newest first; polls every 1.5 s while one is being read. */
export function MaterialList({ subject }: { subject: Subject }) {
  const { t } = useT();
  const api = useApi<StudymatePaths>();
  const errorText = useErrorText();
  const materials = useInfiniteQuery({
    queryKey: keys.materials(subject.id),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/studymate/materials', {
          params: {
            query: { subjectId: subject.id, limit: 20, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.items.some(isProcessing)) ? 1500 : false,
  });
  const items = materials.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card className="flex flex-col gap-3">
      <h2 className="text-lg font-semibold">{t('subjects.materials')}</h2>
      {materials.isPending ? (
        <LoadingState />
      ) : materials.isError ? (
        <ErrorState message={errorText(materials.error)} onRetry={() => void materials.refetch()} />
      ) : items.length === 0 ? (
        <p className="text-fg-muted">{t('subjects.noMaterials')}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-border">
          {items.map((material) => (
            <li key={material.id} className="py-3 first:pt-0 last:pb-0">
              <MaterialRow material={material} />
            </li>
          ))}
        </ul>
      )}
      {materials.hasNextPage && (
        <Button
          variant="secondary"
          loading={materials.isFetchingNextPage}
          onClick={() => void materials.fetchNextPage()}
        >
          {t('subjects.more')}
        </Button>
      )}
    </Card>
  );
}

function MaterialRow({ material }: { material: Material }) {
  const { t } = useT();
  const format = useFormat();
  const { retry, remove } = useMaterialActions(material);
  const [deleting, setDeleting] = useState(false);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Link
          to={`/materials/${material.id}`}
          className="min-w-0 font-semibold break-words text-accent underline underline-offset-4"
        >
          {material.title}
        </Link>
        <span className="flex items-center gap-2 text-sm text-fg-muted">
          <Badge>{t(`material.kind.${material.kind}`)}</Badge>
          {material.pageCount !== null && t('material.pages', { count: material.pageCount })}
          {material.status === 'ready' && <span>{format.date(material.createdAt)}</span>}
        </span>
      </div>
      {isProcessing(material) && <ProcessingStatus material={material} />}
      {material.status === 'failed' && (
        <FailedStatus
          material={material}
          onRetry={() => retry.mutate()}
          retrying={retry.isPending}
          onDelete={() => setDeleting(true)}
        />
      )}
      <ConfirmDialog
        open={deleting}
        title={t('material.deleteTitle', { title: material.title })}
        body={t('material.deleteBody')}
        confirmLabel={t('material.delete')}
        onConfirm={remove}
        onClose={() => setDeleting(false)}
      />
    </div>
  );
}
