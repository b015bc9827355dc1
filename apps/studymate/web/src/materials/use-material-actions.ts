import { call } from '@app/client';
import type { StudymatePaths } from '@app/studymate-contracts';
import { useApi, useToast } from '@app/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { keys } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';

/** Retry (a failed material) and delete, refreshing the lists that show it. */
export function useMaterialActions(material: { id: string; subjectId: string }) {
  const { t } = useT();
  const api = useApi<StudymatePaths>();
  const toast = useToast();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.materials(material.subjectId) }),
      queryClient.invalidateQueries({ queryKey: keys.material(material.id) }),
      queryClient.invalidateQueries({ queryKey: keys.subjects }),
    ]);
  const retry = useMutation({
    mutationFn: () =>
      call(api.POST('/api/v1/studymate/materials/{id}/retry', { params: { path: { id: material.id } } })),
    onError: (error) => toast(errorText(error), 'danger'),
    onSettled: refresh,
  });
  const remove = async () => {
    await call(api.DELETE('/api/v1/studymate/materials/{id}', { params: { path: { id: material.id } } }));
    queryClient.removeQueries({ queryKey: keys.material(material.id) });
    await refresh();
    toast(t('material.deleted'));
  };
  return { retry, remove };
}
