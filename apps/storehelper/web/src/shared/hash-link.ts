/**
 * Where a notification's `/storehelper/#/stores/:id/...` link leads in the app: a review opens in
 * its store's inbox, anything else is the same path. Null for no (or another kind of) hash.
 */
export function hashTarget(hash: string): string | null {
  if (!hash.startsWith('#/')) return null;
  const path = hash.slice(1);
  const review = /^\/stores\/([\w-]+)\/reviews\/([\w-]+)\/?$/.exec(path);
  if (review) return `/stores/${review[1]}?review=${review[2]}`;
  return path;
}
