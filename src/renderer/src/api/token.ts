const STORAGE_KEY = 'reclaim.token';

/**
 * The browser-mode token: from `?token=` on first load, then from session storage, so an
 * in-app navigation that drops the query string keeps working in this tab only.
 */
export function readToken(location: Pick<Location, 'search'>, storage: Storage): string | null {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) {
    storage.setItem(STORAGE_KEY, fromUrl);
    return fromUrl;
  }
  return storage.getItem(STORAGE_KEY);
}
