import { call } from '@app/client';
import { Badge, Button, Card, CursorTable, Form, TextField, useApi, useFormat, useZodForm } from '@app/ui';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';
import type { AdminUserSummary } from './admin-data.js';
import { useConsoleText } from './text.js';

const searchSchema = z.object({ q: z.string().trim().max(320) });

/** `/admin`: accounts whose email or name starts with the search (in the address, so Back keeps it). */
export function UsersPage() {
  const t = useConsoleText();
  const api = useApi();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const form = useZodForm(searchSchema, { q });
  const submit = form.onSubmit(async (data) => setParams(data.q ? { q: data.q } : {}));
  return (
    <div className="flex flex-col gap-6">
      <Card>
        <Form onSubmit={submit} error={form.formError} label={t('search')}>
          <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
            <div className="flex-1">
              <TextField
                label={t('searchLabel')}
                hint={t('searchHint')}
                type="search"
                autoComplete="off"
                {...form.field('q')}
              />
            </div>
            <Button type="submit">{t('search')}</Button>
          </div>
        </Form>
      </Card>
      <CursorTable<AdminUserSummary>
        caption={t('users')}
        queryKey={['admin', 'users', q]}
        fetchPage={(cursor) =>
          call(
            api.GET('/api/v1/admin/users', { params: { query: { ...(q ? { q } : {}), cursor, limit: 20 } } }),
          )
        }
        rowKey={(user) => user.id}
        empty={{ title: t('noUsers'), body: t('noUsersBody') }}
        columns={[
          {
            header: t('name'),
            cell: (user) => (
              <Link
                to={`/admin/users/${user.id}`}
                className="font-semibold underline"
                aria-label={t('openUser', { name: user.name })}
              >
                {user.name}
                <span className="block break-all text-sm font-normal text-fg-muted md:hidden">
                  {user.email}
                </span>
              </Link>
            ),
          },
          { header: t('email'), cell: (user) => <span className="break-all">{user.email}</span>, wide: true },
          {
            header: t('status'),
            cell: (user) => (
              <span className="flex flex-wrap gap-1">
                {user.suspended ? (
                  <Badge tone="danger">{t('suspended')}</Badge>
                ) : (
                  <Badge tone="success">{t('active')}</Badge>
                )}
                {user.platformRole === 'admin' && <Badge tone="accent">{t('platformAdmin')}</Badge>}
              </span>
            ),
          },
          { header: t('joined'), cell: (user) => format.date(user.createdAt), wide: true },
        ]}
      />
    </div>
  );
}
