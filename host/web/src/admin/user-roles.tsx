import { ApiError, call } from '@app/client';
import type { AppManifest } from '@app/contracts';
import { Button, SelectField, useApi, useLocalized } from '@app/ui';
import { type FormEvent, useState } from 'react';
import type { AdminUser } from './admin-data.js';
import { useConsoleText } from './text.js';
import { useAccountChange } from './use-account-change.js';

const NONE = '';

/** The platform role (admin or none); the server refuses to take it from the last admin. */
export function PlatformRoleForm({ user }: { user: AdminUser }) {
  const t = useConsoleText();
  const api = useApi();
  const [role, setRole] = useState<string>(user.platformRole ?? NONE);
  const [error, setError] = useState<string>();
  const change = useAccountChange(
    user.id,
    (next: 'admin' | null) =>
      call(
        api.PUT('/api/v1/admin/users/{userId}/platform-role', {
          params: { path: { userId: user.id } },
          body: { role: next },
        }),
      ),
    () => t('roleSaved'),
    (message, cause) =>
      setError(cause instanceof ApiError && cause.code === 'CONFLICT' ? t('lastAdmin') : message),
  );
  return (
    <RoleForm
      label={t('platformRole')}
      value={role}
      onChange={(value) => {
        setRole(value);
        setError(undefined);
      }}
      options={[
        { value: NONE, label: t('noRole') },
        { value: 'admin', label: t('platformAdmin') },
      ]}
      dirty={role !== (user.platformRole ?? NONE)}
      busy={change.isPending}
      error={error}
      onSave={() => change.mutate(role === 'admin' ? 'admin' : null)}
    />
  );
}

/** A role in one app: the roles its manifest declares (only `admin` when it declares none). */
export function AppRoleForm({
  user,
  app,
  appTitle,
}: {
  user: AdminUser;
  app: AppManifest;
  appTitle: string;
}) {
  const t = useConsoleText();
  const api = useApi();
  const pick = useLocalized();
  const current = user.memberships.find((membership) => membership.app === app.name)?.role ?? NONE;
  const [role, setRole] = useState(current);
  const [error, setError] = useState<string>();
  const declared = app.appRoles?.map((entry) => ({ value: entry.role, label: pick(entry.label) })) ?? [
    { value: 'admin', label: t('appAdminRole') },
  ];
  // A role granted before the app declared its roles still shows as it is.
  const options = [
    { value: NONE, label: t('noRole') },
    ...declared,
    ...(current && !declared.some((option) => option.value === current)
      ? [{ value: current, label: current }]
      : []),
  ];
  const change = useAccountChange(
    user.id,
    (next: string | null) =>
      call(
        api.PUT('/api/v1/admin/users/{userId}/apps/{app}/role', {
          params: { path: { userId: user.id, app: app.name } },
          body: { role: next },
        }),
      ),
    () => t('roleSaved'),
    (message) => setError(message),
  );
  return (
    <RoleForm
      label={t('appRole', { app: appTitle })}
      value={role}
      onChange={(value) => {
        setRole(value);
        setError(undefined);
      }}
      options={options}
      dirty={role !== current}
      busy={change.isPending}
      error={error}
      onSave={() => change.mutate(role === NONE ? null : role)}
    />
  );
}

function RoleForm({
  label,
  value,
  onChange,
  options,
  dirty,
  busy,
  error,
  onSave,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  dirty: boolean;
  busy: boolean;
  error: string | undefined;
  onSave: () => void;
}) {
  const t = useConsoleText();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (dirty) onSave();
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-2 rounded-lg border border-border p-3">
      <div className="flex items-end gap-2">
        <div className="min-w-0 flex-1">
          <SelectField
            label={label}
            value={value}
            onChange={(event) => onChange(event.target.value)}
            options={options}
            {...(error ? { error } : {})}
          />
        </div>
        <Button type="submit" variant="secondary" disabled={!dirty} loading={busy}>
          {t('saveRole')}
        </Button>
      </div>
    </form>
  );
}
