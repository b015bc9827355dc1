/** Pages an old-style `#/path` address may name. */
const known = /^\/(subjects|review|cards|settings|materials\/[\w-]+|quizzes\/[\w-]+)(\?.*)?$/;

/**
 * The page of a hash address (`/studymate/#/review` -> `/review`), as mails and notifications
 * may link (the weekly report's links to `#/stats`); unknown ones land on the dashboard. Null when
 * the hash is not such an address.
 */
export function hashRoute(hash: string): string | null {
  if (!hash.startsWith('#/')) return null;
  const path = hash.slice(1);
  return known.test(path) ? path : '/';
}
