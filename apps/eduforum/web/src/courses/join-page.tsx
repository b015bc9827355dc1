import { ApiError, call } from '@app/client';
import type { EduforumPaths } from '@app/eduforum-contracts';
import { joinCourseSchema } from '@app/eduforum-contracts';
import { Button, Card, Form, PageHeader, TextField, useApi, useTitle, useToast, useZodForm } from '@app/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useT } from '../i18n.js';
import { keys } from './data.js';

/** `/join?code=`: enroll with an invite code, then open the course. */
export function JoinPage() {
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [unknownCode, setUnknownCode] = useState(false);
  useTitle(t('courses.join.title'));
  const form = useZodForm(joinCourseSchema, { inviteCode: (params.get('code') ?? '').toUpperCase() });
  const submit = form.onSubmit(async ({ inviteCode }) => {
    try {
      const course = await call(api.POST('/api/v1/eduforum/enrollments', { body: { inviteCode } }));
      await queryClient.invalidateQueries({ queryKey: keys.courses });
      toast(t('courses.join.joined', { title: course.title }));
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
            error={field.error ?? (unknownCode ? t('courses.join.unknownCode') : undefined)}
          />
          <Button type="submit" loading={form.submitting} className="self-start">
            {t('courses.join.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
