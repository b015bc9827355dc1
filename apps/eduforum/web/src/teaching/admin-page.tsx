import { call } from '@app/client';
import { type EduforumPaths, emailDomainSchema, type InstructorRequest } from '@app/eduforum-contracts';
import {
  Badge,
  Button,
  Card,
  CursorTable,
  Dialog,
  ErrorState,
  Form,
  LoadingState,
  PageHeader,
  SelectField,
  TextAreaField,
  TextField,
  useApi,
  useFormat,
  useTitle,
  useToast,
} from '@app/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { keys, useMe } from '../courses/data.js';
import { useErrorText } from '../error-text.js';
import { useT } from '../i18n.js';

const adminKeys = {
  settings: ['eduforum', 'admin', 'settings'] as const,
  requests: ['eduforum', 'admin', 'instructor-requests'] as const,
};
type Filter = 'pending' | 'approved' | 'declined' | 'all';

/** eduforum's own admin page (the portal's console links here): who may teach, requests to teach. */
export function AdminPage() {
  const { t } = useT();
  const me = useMe();
  useTitle(t('teaching.admin.title'));
  if (me.isPending) return <LoadingState />;
  if (me.data?.appRole !== 'admin') return <ErrorState message={t('teaching.admin.notAdmin')} />;
  return (
    <>
      <PageHeader title={t('teaching.admin.title')} lead={t('teaching.admin.lead')} />
      <div className="flex flex-col gap-6">
        <SettingsCard />
        <Requests />
      </div>
    </>
  );
}

function SettingsCard() {
  const errorText = useErrorText();
  const api = useApi<EduforumPaths>();
  const settings = useQuery({
    queryKey: adminKeys.settings,
    queryFn: () => call(api.GET('/api/v1/eduforum/admin/settings')),
  });
  if (settings.isPending) return <LoadingState />;
  if (settings.isError)
    return <ErrorState message={errorText(settings.error)} onRetry={() => void settings.refetch()} />;
  return <SettingsForm initial={settings.data} />;
}

function SettingsForm({
  initial,
}: {
  initial: { courseCreation: 'open' | 'approved'; instructorDomains: string[] };
}) {
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  const toast = useToast();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState(initial.courseCreation);
  const [domains, setDomains] = useState(initial.instructorDomains.join('\n'));
  const [domainError, setDomainError] = useState<string>();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setError(undefined);
    const lines = domains.split('\n').map((line) => line.trim());
    const parsed: string[] = [];
    for (const [index, value] of lines.entries()) {
      if (!value) continue;
      const domain = emailDomainSchema.safeParse(value);
      if (!domain.success) {
        setDomainError(t('teaching.admin.badDomain', { line: index + 1, value }));
        return;
      }
      parsed.push(domain.data.replace(/^@/, ''));
    }
    setDomainError(undefined);
    setSaving(true);
    try {
      const saved = await call(
        api.PUT('/api/v1/eduforum/admin/settings', {
          body: { courseCreation: mode, instructorDomains: parsed },
        }),
      );
      setDomains(saved.instructorDomains.join('\n'));
      toast(t('teaching.admin.saved'));
      await queryClient.invalidateQueries({ queryKey: keys.me });
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card className="flex flex-col gap-3">
      <h2 className="text-lg font-semibold">{t('teaching.admin.settingsTitle')}</h2>
      <Form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
        error={error}
        label={t('teaching.admin.settingsTitle')}
      >
        <SelectField
          label={t('teaching.admin.mode')}
          value={mode}
          onChange={(event) => setMode(event.target.value as typeof mode)}
          options={(['open', 'approved'] as const).map((value) => ({
            value,
            label: t(`teaching.admin.modes.${value}`),
          }))}
        />
        <TextAreaField
          label={t('teaching.admin.domains')}
          hint={t('teaching.admin.domainsHint')}
          error={domainError}
          rows={3}
          value={domains}
          onChange={(event) => setDomains(event.target.value)}
        />
        <Button type="submit" loading={saving} className="self-start">
          {t('courses.common.save')}
        </Button>
      </Form>
    </Card>
  );
}

function Requests() {
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  const format = useFormat();
  const toast = useToast();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<Filter>('pending');
  const [declining, setDeclining] = useState<InstructorRequest | null>(null);
  const [busy, setBusy] = useState<string>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: adminKeys.requests });

  const approve = async (request: InstructorRequest) => {
    setBusy(request.userId);
    try {
      await call(
        api.POST('/api/v1/eduforum/admin/instructor-requests/{userId}/approve', {
          params: { path: { userId: request.userId } },
        }),
      );
      toast(t('teaching.admin.approved', { name: request.name }));
      await refresh();
    } catch (caught) {
      toast(errorText(caught), 'danger');
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section aria-labelledby="requests-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="requests-heading" className="text-xl font-semibold">
          {t('teaching.admin.requestsTitle')}
        </h2>
        <SelectField
          label={t('teaching.admin.filter')}
          value={filter}
          onChange={(event) => setFilter(event.target.value as Filter)}
          options={(['pending', 'approved', 'declined', 'all'] as const).map((value) => ({
            value,
            label: t(`teaching.admin.filters.${value}`),
          }))}
        />
      </div>
      <CursorTable<InstructorRequest>
        caption={t('teaching.admin.requestsTitle')}
        queryKey={[...adminKeys.requests, filter]}
        fetchPage={(cursor) =>
          call(
            api.GET('/api/v1/eduforum/admin/instructor-requests', {
              params: {
                query: {
                  limit: 50,
                  ...(filter === 'all' ? {} : { status: filter }),
                  ...(cursor ? { cursor } : {}),
                },
              },
            }),
          )
        }
        rowKey={(request) => request.userId}
        empty={{ title: t('teaching.admin.empty') }}
        columns={[
          {
            header: t('teaching.admin.person'),
            cell: (request) => (
              <span className="flex flex-col">
                <span className="font-semibold">{request.name}</span>
                <span className="text-xs break-all text-fg-muted">{request.email}</span>
              </span>
            ),
          },
          {
            header: t('teaching.admin.note'),
            cell: (request) => <span className="whitespace-pre-wrap">{request.note || '—'}</span>,
            wide: true,
          },
          {
            header: t('teaching.admin.asked'),
            cell: (request) => format.date(request.createdAt),
            wide: true,
          },
          {
            header: t('teaching.admin.status'),
            cell: (request) => (
              <Badge
                tone={
                  request.status === 'approved'
                    ? 'success'
                    : request.status === 'declined'
                      ? 'danger'
                      : 'neutral'
                }
              >
                {t(`teaching.admin.statuses.${request.status}`)}
              </Badge>
            ),
          },
          {
            header: t('teaching.admin.actions'),
            cell: (request) =>
              request.status === 'approved' ? null : (
                <span className="flex flex-wrap gap-2">
                  <Button
                    className="whitespace-nowrap px-3"
                    loading={busy === request.userId}
                    onClick={() => void approve(request)}
                    aria-label={`${t('teaching.admin.approve')}: ${request.name}`}
                  >
                    {t('teaching.admin.approve')}
                  </Button>
                  {request.status === 'pending' && (
                    <Button
                      variant="danger"
                      className="whitespace-nowrap px-3"
                      onClick={() => setDeclining(request)}
                      aria-label={`${t('teaching.admin.decline')}: ${request.name}`}
                    >
                      {t('teaching.admin.decline')}
                    </Button>
                  )}
                </span>
              ),
          },
        ]}
      />
      <DeclineDialog request={declining} onClose={() => setDeclining(null)} onDone={refresh} />
    </section>
  );
}

function DeclineDialog({
  request,
  onClose,
  onDone,
}: {
  request: InstructorRequest | null;
  onClose: () => void;
  onDone: () => Promise<unknown>;
}) {
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  const toast = useToast();
  const errorText = useErrorText();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const decline = async () => {
    if (!request) return;
    setSending(true);
    setError(undefined);
    try {
      await call(
        api.POST('/api/v1/eduforum/admin/instructor-requests/{userId}/decline', {
          params: { path: { userId: request.userId } },
          body: { reason },
        }),
      );
      toast(t('teaching.admin.declined', { name: request.name }));
      setReason('');
      onClose();
      await onDone();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setSending(false);
    }
  };
  return (
    <Dialog
      open={request !== null}
      onClose={onClose}
      title={t('teaching.admin.declineTitle', { name: request?.name ?? '' })}
    >
      <Form
        onSubmit={(event) => {
          event.preventDefault();
          void decline();
        }}
        error={error}
      >
        <TextField
          label={t('teaching.admin.reason')}
          value={reason}
          maxLength={500}
          onChange={(event) => setReason(event.target.value)}
        />
        <div className="flex flex-wrap justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            {t('courses.common.cancel')}
          </Button>
          <Button type="submit" variant="danger" loading={sending}>
            {t('teaching.admin.decline')}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
