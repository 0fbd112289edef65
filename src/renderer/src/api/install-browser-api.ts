/**
 * Runs before the app's own script. Under Electron the preload has already put window.api
 * in place and this does nothing; in browser mode it installs the HTTP client, using the
 * token from the URL the server printed, and then takes the token out of the address bar.
 */
import { createBrowserApi } from './browser-api';
import { readToken, removeTokenFromAddress } from './token';

// The global type says api always exists; at run time it is missing exactly in browser mode.
const preloadApi = (window as { api?: unknown }).api;
if (preloadApi === undefined) {
  const token = readToken(window.location, window.sessionStorage);
  removeTokenFromAddress(window.location, window.history);
  if (token) {
    Object.defineProperty(window, 'api', {
      value: createBrowserApi({ token }),
      writable: false,
      configurable: false,
    });
  }
}
