import { call } from '@app/client';
import type { StudymatePaths, Subject } from '@app/studymate-contracts';
import { useApi, useToast } from '@app/ui';
import { useQueryClient } from '@tanstack/react-query';
import { ConfirmDialog } from '../shared/confirm-dialog.js';
import { keys } from '../shared/data.js';
import { useT } from '../shared/i18n.js';

/** "Delete Biology?": its materials go, its cards stay. */
export function DeleteSubjectDialog({ subject, onClose }: { subject: Subject | null; onClose: () => void }) {
  const { t } = useT();
  const api = useApi<StudymatePaths>();
  const toast = useToast();
  const queryClient = useQueryClient();
  return (
    <ConfirmDialog
      open={subject !== null}
      title={t('subjects.deleteTitle', { name: subject?.name ?? '' })}
      body={t('subjects.deleteBody', { count: subject?.materials ?? 0 })}
      confirmLabel={t('subjects.delete')}
      onClose={onClose}
      onConfirm={async () => {
        if (!subject) return;
        await call(api.DELETE('/api/v1/studymate/subjects/{id}', { params: { path: { id: subject.id } } }));
        toast(t('subjects.deleted', { name: subject.name }));
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: keys.subjects }),
          queryClient.invalidateQueries({ queryKey: keys.dashboard }),
          queryClient.invalidateQueries({ queryKey: keys.cards }),
        ]);
      }}
    />
  );
}
