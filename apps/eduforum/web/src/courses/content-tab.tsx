import { call } from '@app/client';
import type { contentSchema, EduforumPaths } from '@app/eduforum-contracts';
import {
  Badge,
  Button,
  Card,
  EmptyState,
  ErrorState,
  LoadingState,
  Notice,
  SelectField,
  TextField,
  useApi,
  useFormat,
  useToast,
} from '@app/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import type { z } from 'zod';
import { useErrorText } from '../error-text.js';
import { useT } from '../i18n.js';
import { ConfirmDialog } from './bits.js';
import { type Course, can, keys } from './data.js';
import { useFiles } from './files.js';

type Content = z.infer<typeof contentSchema>;

/** Course content: everyone downloads what they may see; professors and admins upload and delete. */
export function ContentTab({ course }: { course: Course }) {
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  const errorText = useErrorText();
  const courseId = course.id;
  const query = useQuery({
    queryKey: keys.content(courseId),
    queryFn: () =>
      call(api.GET('/api/v1/eduforum/courses/{courseId}/content', { params: { path: { courseId } } })),
  });
  return (
    <div className="flex flex-col gap-6">
      {can(course, 'course.edit') && <UploadCard courseId={courseId} />}
      <section aria-labelledby="content-heading" className="flex flex-col gap-3">
        <h2 id="content-heading" className="text-xl font-semibold">
          {t('courses.content.title')}
        </h2>
        {query.isPending ? (
          <LoadingState />
        ) : query.isError ? (
          <ErrorState message={errorText(query.error)} onRetry={() => query.refetch()} />
        ) : query.data.items.length === 0 ? (
          <EmptyState title={t('courses.content.emptyTitle')}>
            <p>
              {can(course, 'course.edit')
                ? t('courses.content.emptyBodyStaff')
                : t('courses.content.emptyBody')}
            </p>
          </EmptyState>
        ) : (
          <ul className="flex flex-col gap-2" aria-label={t('courses.content.title')}>
            {query.data.items.map((item) => (
              <li key={item.id}>
                <ContentRow
                  item={item}
                  courseId={courseId}
                  manage={can(course, 'course.edit')}
                  staff={can(course, 'grade.view')}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function ContentRow({
  item,
  courseId,
  manage,
  staff,
}: {
  item: Content;
  courseId: string;
  manage: boolean;
  staff: boolean;
}) {
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  const files = useFiles();
  const format = useFormat();
  const toast = useToast();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [downloading, setDownloading] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const download = async () => {
    setDownloading(true);
    try {
      await files.download(item.fileId, item.title);
    } catch (error) {
      toast(errorText(error), 'danger');
    } finally {
      setDownloading(false);
    }
  };
  const remove = async () => {
    try {
      await call(
        api.DELETE('/api/v1/eduforum/courses/{courseId}/content/{contentId}', {
          params: { path: { courseId, contentId: item.id } },
        }),
      );
      toast(t('courses.content.deleted'));
      await queryClient.invalidateQueries({ queryKey: keys.content(courseId) });
    } catch (error) {
      toast(errorText(error), 'danger');
      throw error;
    }
  };
  return (
    <article className="flex flex-col gap-3 rounded-xl border border-border bg-surface p-4 sm:flex-row sm:items-center sm:justify-between">
      <div className="flex flex-col gap-1">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="font-semibold">{item.title}</h3>
          {staff && (
            <Badge tone={item.visibility === 'staff' ? 'accent' : 'neutral'}>
              {t(`courses.content.visibility.${item.visibility}`)}
            </Badge>
          )}
        </div>
        <p className="text-sm text-fg-muted">{format.date(item.createdAt)}</p>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          loading={downloading}
          onClick={download}
          aria-label={`${t('courses.content.download')}: ${item.title}`}
        >
          {t('courses.content.download')}
        </Button>
        {manage && (
          <Button
            variant="danger"
            onClick={() => setConfirming(true)}
            aria-label={`${t('courses.content.delete')}: ${item.title}`}
          >
            {t('courses.content.delete')}
          </Button>
        )}
      </div>
      {manage && (
        <ConfirmDialog
          open={confirming}
          onClose={() => setConfirming(false)}
          title={t('courses.content.deleteTitle')}
          body={t('courses.content.deleteBody', { title: item.title })}
          confirmLabel={t('courses.content.delete')}
          onConfirm={remove}
        />
      )}
    </article>
  );
}

/** Upload a file to the files module, then attach it to the course with a title and visibility. */
function UploadCard({ courseId }: { courseId: string }) {
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  const files = useFiles();
  const toast = useToast();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const fileId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File>();
  const [title, setTitle] = useState('');
  const [visibility, setVisibility] = useState<Content['visibility']>('everyone');
  const [errors, setErrors] = useState<{ title?: string; file?: string }>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next = {
      ...(title.trim() ? {} : { title: t('courses.content.titleRequired') }),
      ...(file ? {} : { file: t('courses.content.fileRequired') }),
    };
    setErrors(next);
    setFormError(undefined);
    if (!file || next.title) return;
    setBusy(true);
    try {
      const uploaded = await files.upload(file);
      await call(
        api.POST('/api/v1/eduforum/courses/{courseId}/content', {
          params: { path: { courseId } },
          body: { title: title.trim(), fileId: uploaded.id, visibility },
        }),
      );
      toast(t('courses.content.added', { title: title.trim() }));
      // Ready for the next file, unless the person already started on it during the upload.
      setTitle((current) => (current === title ? '' : current));
      if (fileInput.current?.files?.[0] === file) {
        setFile(undefined);
        fileInput.current.value = '';
      }
      await queryClient.invalidateQueries({ queryKey: keys.content(courseId) });
    } catch (error) {
      setFormError(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className="flex flex-col gap-3">
      <h2 className="text-lg font-semibold">{t('courses.content.uploadTitle')}</h2>
      <form
        onSubmit={submit}
        noValidate
        aria-label={t('courses.content.uploadTitle')}
        className="flex flex-col gap-4"
      >
        {formError && <Notice tone="danger">{formError}</Notice>}
        <div className="flex flex-col gap-1.5">
          <label htmlFor={fileId} className="text-sm font-semibold">
            {t('courses.content.file')}
          </label>
          <input
            id={fileId}
            ref={fileInput}
            type="file"
            accept=".pdf,.docx,.xlsx,.pptx,.hwp,.txt"
            aria-invalid={errors.file ? true : undefined}
            aria-describedby={`${fileId}-hint${errors.file ? ` ${fileId}-error` : ''}`}
            onChange={(event) => {
              const picked = event.target.files?.[0];
              setFile(picked);
              setErrors((current) => ({ ...current, file: undefined }));
              // The file's name is a good first title.
              if (picked && !title) setTitle(picked.name.replace(/\.[^.]+$/, ''));
            }}
            className="min-h-11 text-sm file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-border file:bg-surface file:px-4 file:font-semibold"
          />
          <p id={`${fileId}-hint`} className="text-sm text-fg-muted">
            {t('courses.content.fileHint')}
          </p>
          {errors.file && (
            <p id={`${fileId}-error`} className="text-sm font-medium text-danger">
              {errors.file}
            </p>
          )}
        </div>
        <TextField
          label={t('courses.content.name')}
          value={title}
          maxLength={200}
          onChange={(event) => {
            setTitle(event.target.value);
            setErrors((current) => ({ ...current, title: undefined }));
          }}
          error={errors.title}
        />
        <SelectField
          label={t('courses.content.visibilityLabel')}
          value={visibility}
          onChange={(event) => setVisibility(event.target.value as Content['visibility'])}
          options={[
            { value: 'everyone', label: t('courses.content.visibility.everyone') },
            { value: 'staff', label: t('courses.content.visibility.staff') },
          ]}
        />
        <Button type="submit" loading={busy} className="self-start">
          {t('courses.content.upload')}
        </Button>
      </form>
    </Card>
  );
}
