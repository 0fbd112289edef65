/**
 * The renderer's Content-Security-Policy. The same text is in src/renderer/index.html (a
 * test keeps them equal) and is sent as a header by the app:// protocol and by browser mode,
 * where the header also carries `frame-ancestors`, which a <meta> policy cannot express.
 *
 * Scripts come only from the app itself: no inline script, no eval, no remote code.
 * Inline styles stay allowed because Svelte and chart libraries set style attributes, and a
 * style cannot run code.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

export const RENDERER_CSP_HEADER = `${RENDERER_CSP}; frame-ancestors 'none'`;
