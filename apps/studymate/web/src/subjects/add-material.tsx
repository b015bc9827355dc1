import { call } from '@app/client';
import {
  createMaterialBodySchema,
  type Material,
  PASTE_MAX_CHARS,
  type StudymatePaths,
  type Subject,
} from '@app/studymate-contracts';
import {
  Button,
  Card,
  Form,
  Tabs,
  TextAreaField,
  TextField,
  useApi,
  usePlanLimit,
  useZodForm,
} from '@app/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { keys } from '../shared/data.js';
import { useT } from '../shared/i18n.js';
import { UploadZone } from './upload-zone.js';

/** The pasted-text branch of `POST /materials`. */
const pasteSchema = createMaterialBodySchema.options[0];

/** Add a material to a subject: upload a document or paste text; then its reader opens. */
export function AddMaterial({ subject }: { subject: Subject }) {
  const { t } = useT();
  const upgrade = usePlanLimit();
  const opened = useOpenMaterial(subject.id);
  return (
    <Card className="flex flex-col gap-3">
      <h2 className="text-lg font-semibold">{t('add.title')}</h2>
      {upgrade.prompt}
      <Tabs
        label={t('add.title')}
        tabs={[
          {
            value: 'upload',
            label: t('add.upload'),
            content: <UploadZone subjectId={subject.id} onCreated={opened} onPlanLimit={upgrade.handle} />,
          },
          {
            value: 'paste',
            label: t('add.paste'),
            content: <PasteForm subjectId={subject.id} onCreated={opened} onPlanLimit={upgrade.handle} />,
          },
        ]}
      />
    </Card>
  );
}

/** After a material is created: refresh the lists and open its reader (which shows the progress). */
function useOpenMaterial(subjectId: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (material: Material) => {
    void queryClient.invalidateQueries({ queryKey: keys.materials(subjectId) });
    void queryClient.invalidateQueries({ queryKey: keys.subjects });
    void queryClient.invalidateQueries({ queryKey: keys.dashboard });
    navigate(`/materials/${material.id}`);
  };
}

function PasteForm({
  subjectId,
  onCreated,
  onPlanLimit,
}: {
  subjectId: string;
  onCreated: (material: Material) => void;
  onPlanLimit: (error: unknown) => boolean;
}) {
  const { t } = useT();
  const api = useApi<StudymatePaths>();
  const form = useZodForm(pasteSchema, { subjectId, title: '', text: '' });
  const submit = form.onSubmit(async (body) => {
    try {
      onCreated(await call(api.POST('/api/v1/studymate/materials', { body })));
    } catch (error) {
      if (onPlanLimit(error)) return;
      throw error;
    }
  });
  const text = form.values.text;
  return (
    <Form onSubmit={submit} error={form.formError} label={t('add.paste')}>
      <TextField label={t('add.titleField')} maxLength={200} autoComplete="off" {...form.field('title')} />
      <TextAreaField
        label={t('add.text')}
        hint={t('add.textHint', { count: text.length, max: PASTE_MAX_CHARS })}
        rows={10}
        maxLength={PASTE_MAX_CHARS}
        {...form.field('text')}
      />
      <Button type="submit" loading={form.submitting} className="self-start">
        {t('add.pasteSubmit')}
      </Button>
    </Form>
  );
}
