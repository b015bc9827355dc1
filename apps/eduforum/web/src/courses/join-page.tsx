import { ApiError, call } from '@app/client';
import type { EduforumPaths } from '@app/eduforum-contracts';
import { inviteCodeSchema, joinCourseSchema } from '@app/eduforum-contracts';
import {
  Button,
  buttonClass,
  Card,
  Form,
  PageHeader,
  TextField,
  useApi,
  useTitle,
  useToast,
  useZodForm,
} from '@app/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useT } from '../i18n.js';
import { keys } from './data.js';
import { useSemesterLabel } from './semester.js';

/** `/join?code=`: enroll with an invite code, then open the course. */
export function JoinPage() {
  const { t } = useT();
  const semesterLabel = useSemesterLabel();
  const api = useApi<EduforumPaths>();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [unknownCode, setUnknownCode] = useState(false);
  useTitle(t('courses.join.title'));
  const linked = (params.get('code') ?? '').trim().toUpperCase();
  // An invite link names its course before anyone joins (and says when one is already in it).
  const preview = useQuery({
    queryKey: ['eduforum', 'invite', linked],
    enabled: inviteCodeSchema.safeParse(linked).success,
    retry: false,
    queryFn: () =>
      call(api.GET('/api/v1/eduforum/invites/{inviteCode}', { params: { path: { inviteCode: linked } } })),
  });
  const linkDead = preview.error instanceof ApiError && preview.error.code === 'NOT_FOUND';
  const form = useZodForm(joinCourseSchema, { inviteCode: linked });
  const submit = form.onSubmit(async ({ inviteCode }) => {
    try {
      const course = await call(api.POST('/api/v1/eduforum/enrollments', { body: { inviteCode } }));
      await queryClient.invalidateQueries({ queryKey: keys.courses });
      toast(
        t(course.alreadyMember ? 'courses.join.alreadyIn' : 'courses.join.joined', { title: course.title }),
      );
      navigate(`/courses/${course.id}`);
    } catch (error) {
      // 404 is the expected failure (a mistyped or rotated code): explain it at the field.
      if (error instanceof ApiError && error.code === 'NOT_FOUND') {
        setUnknownCode(true);
        return;
      }
      throw error;
    }
  });
  const field = form.field('inviteCode');
  return (
    <div className="mx-auto flex max-w-lg flex-col">
      <PageHeader title={t('courses.join.title')} lead={t('courses.join.lead')} />
      <Card>
        {preview.data && (
          <div className="mb-4 rounded-lg bg-surface-muted p-3" data-testid="invite-preview">
            <p className="text-sm text-fg-muted">{t('courses.join.invitedTo')}</p>
            <p className="text-lg font-semibold">{preview.data.title}</p>
            <p className="text-sm text-fg-muted">
              {preview.data.code} · {semesterLabel(preview.data.semester)}
            </p>
            {preview.data.alreadyMember && (
              <div className="mt-2 flex flex-wrap items-center gap-2">
                <span className="text-sm">{t('courses.join.alreadyInHint')}</span>
                <Link to={`/courses/${preview.data.courseId}`} className={buttonClass('secondary')}>
                  {t('courses.join.open')}
                </Link>
              </div>
            )}
          </div>
        )}
        <Form onSubmit={submit} error={form.formError} label={t('courses.join.title')}>
          <TextField
            label={t('courses.join.code')}
            hint={t('courses.join.codeHint')}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            className="font-mono tracking-widest uppercase"
            {...field}
            onChange={(event) => {
              setUnknownCode(false);
              field.onChange({ target: { value: event.target.value.toUpperCase() } });
            }}
            error={
              field.error ??
              (unknownCode || (linkDead && field.value === linked)
                ? t('courses.join.unknownCode')
                : undefined)
            }
          />
          <Button type="submit" loading={form.submitting} className="self-start">
            {t('courses.join.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
