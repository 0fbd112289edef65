/**
 * What component tests need before rendering: the browser APIs jsdom lacks that the UI and
 * its libraries use at import time (matchMedia for Svelte's motion, ResizeObserver for the
 * virtual table and the chart), then the English catalogue. Import this before components.
 */
import { setupI18n } from '../i18n';

class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

function matchNothing(query: string): MediaQueryList {
  const list = {
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  };
  return list as MediaQueryList;
}

if (!('ResizeObserver' in globalThis)) {
  Object.assign(globalThis, { ResizeObserver: NoopResizeObserver });
}
if (typeof window.matchMedia !== 'function') {
  Object.assign(window, { matchMedia: matchNothing });
}

// jsdom does no layout: every box measures 0, so a virtual list would show no rows. Give
// elements a window-sized box (what the virtualizer reads) so tests see the first screenful.
for (const [property, size] of [
  ['offsetHeight', 600],
  ['offsetWidth', 1000],
] as const) {
  if (navigator.userAgent.includes('jsdom')) {
    Object.defineProperty(HTMLElement.prototype, property, { configurable: true, get: () => size });
  }
}

export function setupComponentTests(): void {
  setupI18n('en');
}
