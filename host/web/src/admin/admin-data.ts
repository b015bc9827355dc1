import type { paths } from '@app/client';

type Json<P extends keyof paths, M extends 'get' | 'post' | 'put'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

/** An account in the search results. */
export type AdminUserSummary = Json<'/api/v1/admin/users', 'get'>['items'][number];
/** An account as its console page shows it. */
export type AdminUser = Json<'/api/v1/admin/users/{userId}', 'get'>;
/** One audit entry. */
export type AuditEntry = Json<'/api/v1/admin/audit', 'get'>['items'][number];
/** The system page's figures. */
export type SystemHealth = Json<'/api/v1/admin/system', 'get'>;

/** React Query keys of the console (a change invalidates the account and the lists). */
export const consoleKeys = {
  user: (userId: string) => ['admin', 'user', userId] as const,
  users: ['admin', 'users'] as const,
  audit: ['admin', 'audit'] as const,
};
