import { TOKEN_PARAM } from '../../../shared/transport';

const STORAGE_KEY = 'reclaim.token';

/**
 * The browser-mode token: from `?token=` on first load, then from session storage, so an
 * in-app navigation that drops the query string keeps working in this tab only.
 */
export function readToken(location: Pick<Location, 'search'>, storage: Storage): string | null {
  const fromUrl = new URLSearchParams(location.search).get(TOKEN_PARAM);
  if (fromUrl) {
    storage.setItem(STORAGE_KEY, fromUrl);
    return fromUrl;
  }
  return storage.getItem(STORAGE_KEY);
}

/**
 * Takes `?token=` out of the address bar and this history entry once it is read, so the
 * secret is not left on screen, in the back/forward list or in a copied link. A reload still
 * works: the page's secret path prefix admits it, and session storage holds the token.
 */
export function removeTokenFromAddress(
  location: Pick<Location, 'href'>,
  history: Pick<History, 'replaceState' | 'state'>,
): void {
  const url = new URL(location.href);
  if (!url.searchParams.has(TOKEN_PARAM)) return;
  url.searchParams.delete(TOKEN_PARAM);
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
}
