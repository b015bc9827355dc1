import { ApiError, call } from '@app/client';
import type { EduforumPaths } from '@app/eduforum-contracts';
import { createCourseSchema } from '@app/eduforum-contracts';
import {
  Button,
  Dialog,
  Form,
  SelectField,
  TextAreaField,
  TextField,
  useApi,
  useToast,
  useZodForm,
} from '@app/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../i18n.js';

import { keys } from './data.js';
import { terms } from './semester.js';

/** This semester's name in the contract's form (`2026-fall`), a sensible default. */
export function currentSemester(now = new Date()): string {
  const month = now.getMonth() + 1;
  const season = month <= 2 ? 'winter' : month <= 6 ? 'spring' : month <= 8 ? 'summer' : 'fall';
  return `${now.getFullYear()}-${season}`;
}

/** "New course": title, code, semester, description, checked by the server's own schema. */
export function NewCourseDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [codeTaken, setCodeTaken] = useState(false);
  const form = useZodForm(createCourseSchema, {
    title: '',
    code: '',
    semester: currentSemester(),
    description: '',
  });
  const submit = form.onSubmit(async (body) => {
    try {
      const course = await call(api.POST('/api/v1/eduforum/courses', { body }));
      await queryClient.invalidateQueries({ queryKey: keys.courses });
      toast(t('courses.create.created'));
      onClose();
      navigate(`/courses/${course.id}`);
    } catch (error) {
      // The one conflict here is a code already used this semester: say so at the field.
      if (error instanceof ApiError && error.code === 'CONFLICT') {
        setCodeTaken(true);
        return;
      }
      throw error;
    }
  });
  const code = form.field('code');
  const semester = form.field('semester');
  const [year = '', term = ''] = semester.value.split('-');
  const thisYear = new Date().getFullYear();
  const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map(String);
  return (
    <Dialog open={open} onClose={onClose} title={t('courses.create.title')}>
      <Form onSubmit={submit} error={form.formError} label={t('courses.create.title')}>
        <TextField label={t('courses.fields.title')} autoComplete="off" {...form.field('title')} />
        <TextField
          label={t('courses.fields.code')}
          hint={t('courses.fields.codeHint')}
          autoComplete="off"
          {...code}
          onChange={(event) => {
            setCodeTaken(false);
            // "CS 330" is how people write it: spaces become the dash the code allows.
            code.onChange({ target: { value: event.target.value.replace(/\s+/g, '-') } });
          }}
          error={
            code.error ? t('courses.fields.codeRule') : codeTaken ? t('courses.create.codeTaken') : undefined
          }
        />
        <fieldset className="m-0 flex flex-wrap gap-3 border-0 p-0">
          <legend className="mb-1 text-sm font-semibold">{t('courses.fields.semester')}</legend>
          <SelectField
            label={t('courses.fields.semesterYear')}
            value={year}
            options={years.map((y) => ({ value: y, label: y }))}
            onChange={(event) => semester.onChange({ target: { value: `${event.target.value}-${term}` } })}
          />
          <SelectField
            label={t('courses.fields.semesterTerm')}
            value={term}
            error={semester.error}
            options={terms.map((x) => ({ value: x, label: t(`courses.fields.terms.${x}`) }))}
            onChange={(event) => semester.onChange({ target: { value: `${year}-${event.target.value}` } })}
          />
        </fieldset>
        <TextAreaField label={t('courses.fields.description')} {...form.field('description')} />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" loading={form.submitting}>
            {t('courses.create.submit')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('courses.common.cancel')}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
