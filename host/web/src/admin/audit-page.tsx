import { call } from '@app/client';
import {
  Button,
  Card,
  CursorTable,
  Form,
  SelectField,
  TextField,
  useApi,
  useFormat,
  useZodForm,
} from '@app/ui';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';
import { type AuditEntry, consoleKeys } from './admin-data.js';
import { useConsoleText } from './text.js';

const day = z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/);
const filterSchema = z.object({ action: z.string().max(60), from: day, to: day });
/** Actions the filter offers (each has a name in `actions`, its dots written as underscores). */
const ACTIONS = [
  'user.suspended',
  'user.unsuspended',
  'user.signed_out_everywhere',
  'role.changed',
  'user.registered',
  'user.email_verified',
  'user.deleted',
  'identity.linked',
  'password.changed',
  'password.reset',
  'session.revoked',
  'session.reuse_detected',
  'two_factor.enabled',
  'two_factor.disabled',
  'api_key.created',
  'api_key.revoked',
  'billing.plan_assigned',
  'billing.credits_adjusted',
] as const satisfies readonly `${string}.${string}`[];

/** The start of a chosen day, and the start of the day after `to`, in the admin's time zone. */
const startOf = (date: string) => new Date(`${date}T00:00:00`).toISOString();
const afterDay = (date: string) =>
  new Date(new Date(`${date}T00:00:00`).getTime() + 86_400_000).toISOString();

/** `/admin/audit`: the audit log, newest first; filters live in the address (links can open one account's). */
export function AuditPage() {
  const t = useConsoleText();
  const api = useApi();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const filters = {
    action: params.get('action') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    targetId: params.get('targetId') ?? '',
    actorId: params.get('actorId') ?? '',
  };
  const form = useZodForm(filterSchema, { action: filters.action, from: filters.from, to: filters.to });
  const submit = form.onSubmit(async (data) => {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...filters, ...data })) if (value) next.set(key, value);
    setParams(next);
  });
  const actionName = (action: string) =>
    t(`actions.${action.replaceAll('.', '_')}`, { defaultValue: action });
  const query = {
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.from ? { from: startOf(filters.from) } : {}),
    ...(filters.to ? { to: afterDay(filters.to) } : {}),
    ...(filters.targetId ? { targetId: filters.targetId } : {}),
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
  };
  return (
    <div className="flex flex-col gap-6">
      <Card>
        <Form onSubmit={submit} error={form.formError} label={t('filters')}>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
            <SelectField
              label={t('action')}
              options={[
                { value: '', label: t('anyAction') },
                ...ACTIONS.map((action) => ({ value: action, label: actionName(action) })),
              ]}
              {...form.field('action')}
            />
            <TextField type="date" label={t('from')} {...form.field('from')} />
            <TextField type="date" label={t('to')} {...form.field('to')} />
            <div className="flex gap-2">
              <Button type="submit">{t('apply')}</Button>
              <Button
                variant="secondary"
                onClick={() => {
                  form.reset({ action: '', from: '', to: '' });
                  setParams({});
                }}
              >
                {t('clear')}
              </Button>
            </div>
          </div>
        </Form>
        {(filters.targetId || filters.actorId) && (
          <p className="mt-3 text-sm">
            {t('onlyUser')} ·{' '}
            <Link
              to={`/admin/users/${filters.targetId || filters.actorId}`}
              className="font-semibold underline"
            >
              {t('open')}
            </Link>
          </p>
        )}
      </Card>
      <CursorTable<AuditEntry>
        caption={t('audit')}
        queryKey={[...consoleKeys.audit, query]}
        fetchPage={(cursor) =>
          call(api.GET('/api/v1/admin/audit', { params: { query: { ...query, cursor, limit: 50 } } }))
        }
        rowKey={(entry) => entry.id}
        empty={{ title: t('noAudit'), body: t('noAuditBody') }}
        columns={[
          {
            header: t('when'),
            cell: (entry) => <span className="whitespace-nowrap">{format.dateTime(entry.createdAt)}</span>,
          },
          {
            header: t('action'),
            cell: (entry) => (
              <>
                <span className="font-semibold">{actionName(entry.action)}</span>
                {entry.targetName && entry.targetId !== entry.actor?.id && (
                  <span className="block text-fg-muted md:hidden">→ {entry.targetName}</span>
                )}
              </>
            ),
          },
          {
            header: t('actor'),
            cell: (entry) =>
              entry.actor ? (
                <Link to={`/admin/users/${entry.actor.id}`} className="underline">
                  {entry.actor.name}
                </Link>
              ) : (
                <span className="text-fg-muted">{t('systemActor')}</span>
              ),
          },
          {
            header: t('target'),
            cell: (entry) =>
              entry.targetId && entry.targetName ? (
                <Link to={`/admin/users/${entry.targetId}`} className="underline">
                  {entry.targetName}
                </Link>
              ) : (
                '—'
              ),
            wide: true,
          },
          { header: t('details'), cell: (entry) => <Details data={entry.data} />, wide: true },
        ]}
      />
    </div>
  );
}

/** The entry's data as short `key: value` pairs (reasons, roles, plans). */
function Details({ data }: { data: Record<string, unknown> }) {
  const pairs = Object.entries(data).filter(([, value]) => value !== undefined);
  if (pairs.length === 0) return <span className="text-fg-muted">—</span>;
  return (
    <span className="block max-w-md break-words text-sm">
      {pairs
        .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
        .join(' · ')}
    </span>
  );
}
