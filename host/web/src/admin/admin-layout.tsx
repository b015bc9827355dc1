import { EmptyState, PageHeader, useSession, useTitle } from '@app/ui';
import { clsx } from 'clsx';
import { Link, NavLink, Outlet } from 'react-router';
import { useConsoleText } from './text.js';

const tabClass = ({ isActive }: { isActive: boolean }) =>
  clsx(
    'flex min-h-11 shrink-0 items-center border-b-2 px-3 text-sm font-semibold',
    isActive ? 'border-accent text-fg' : 'border-transparent text-fg-muted hover:text-fg',
  );

/**
 * `/admin` (platform admins): the console's frame, its sections as links (Users, Audit log, System;
 * Billing is its own page) and the section below. Anyone else sees that it is for administrators;
 * the server refuses them anyway (`platform:admin` on every `/api/v1/admin` route).
 */
export function AdminLayout() {
  const t = useConsoleText();
  useTitle(t('title'));
  const { user } = useSession();
  if (user?.platformRole !== 'admin')
    return (
      <EmptyState title={t('adminsOnlyTitle')}>
        <p>{t('adminsOnlyBody')}</p>
      </EmptyState>
    );
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')} />
      <nav
        aria-label={t('sections')}
        className="mb-6 flex flex-wrap gap-x-1 overflow-x-auto border-b border-border"
      >
        <NavLink to="/admin" end className={tabClass}>
          {t('users')}
        </NavLink>
        <NavLink to="/admin/audit" className={tabClass}>
          {t('audit')}
        </NavLink>
        <NavLink to="/admin/system" className={tabClass}>
          {t('system')}
        </NavLink>
        <Link to="/admin/billing" className={tabClass({ isActive: false })}>
          {t('billing')}
        </Link>
      </nav>
      <Outlet />
    </>
  );
}
