import { call } from '@app/client';
import type { EduforumPaths } from '@app/eduforum-contracts';
import { createCourseSchema } from '@app/eduforum-contracts';
import { Button, Card, Form, TextAreaField, TextField, useApi, useSeededForm, useToast } from '@app/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useErrorText } from '../error-text.js';
import { useT } from '../i18n.js';
import { ConfirmDialog } from './bits.js';
import { type Course, keys } from './data.js';

const settingsSchema = createCourseSchema.pick({ title: true, description: true });
const settingsValues = (course: Course) => ({ title: course.title, description: course.description });

/** Settings (professor, admin): title and description; archive or bring back. */
export function SettingsTab({ course }: { course: Course }) {
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  const toast = useToast();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const path = { params: { path: { courseId: course.id } } };
  // The course is refetched under the form (reconnects, invite code, archive): a field being
  // edited keeps its input, the others follow, so a save never reverts someone else's change.
  const form = useSeededForm(settingsSchema, course, settingsValues);
  const submit = form.onSubmit(async (body) => {
    const updated = await call(api.PATCH('/api/v1/eduforum/courses/{courseId}', { ...path, body }));
    queryClient.setQueryData(keys.course(course.id), updated);
    await queryClient.invalidateQueries({ queryKey: keys.courses });
    toast(t('courses.settings.saved'));
  });
  const toggleArchive = async () => {
    try {
      const updated = await call(
        course.archived
          ? api.POST('/api/v1/eduforum/courses/{courseId}/unarchive', path)
          : api.POST('/api/v1/eduforum/courses/{courseId}/archive', path),
      );
      queryClient.setQueryData(keys.course(course.id), updated);
      await queryClient.invalidateQueries({ queryKey: keys.courses });
      toast(updated.archived ? t('courses.settings.archived') : t('courses.settings.unarchived'));
    } catch (error) {
      toast(errorText(error), 'danger');
      throw error;
    }
  };
  return (
    <div className="flex flex-col gap-6">
      <Card className="flex flex-col gap-3">
        <h2 className="text-lg font-semibold">{t('courses.settings.title')}</h2>
        <Form onSubmit={submit} error={form.formError} label={t('courses.settings.title')}>
          <TextField label={t('courses.fields.title')} autoComplete="off" {...form.field('title')} />
          <TextAreaField label={t('courses.fields.description')} {...form.field('description')} />
          <Button type="submit" loading={form.submitting} className="self-start">
            {t('courses.common.save')}
          </Button>
        </Form>
      </Card>
      <Card className="flex flex-col gap-3">
        <h2 className="text-lg font-semibold">
          {course.archived ? t('courses.settings.unarchiveTitle') : t('courses.settings.archiveTitle')}
        </h2>
        <p className="text-fg-muted">
          {course.archived ? t('courses.settings.unarchiveLead') : t('courses.settings.archiveLead')}
        </p>
        <Button
          variant={course.archived ? 'secondary' : 'danger'}
          className="self-start"
          onClick={() => setConfirming(true)}
        >
          {course.archived ? t('courses.settings.unarchive') : t('courses.settings.archive')}
        </Button>
      </Card>
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={course.archived ? t('courses.settings.unarchiveTitle') : t('courses.settings.archiveTitle')}
        body={course.archived ? t('courses.settings.unarchiveLead') : t('courses.settings.archiveLead')}
        confirmLabel={course.archived ? t('courses.settings.unarchive') : t('courses.settings.archive')}
        onConfirm={toggleArchive}
      />
    </div>
  );
}
