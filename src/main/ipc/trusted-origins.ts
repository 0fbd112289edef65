/**
 * Which pages may call Reclaim's API: only its own renderer, served from the app:// scheme
 * (or, in development, from electron-vite's dev server). A frame from anywhere else — an
 * iframe, a page navigated to by accident — is refused even though it shares the process.
 */
export interface FrameLike {
  readonly url: string;
  /** null for a top-level frame. */
  readonly parent: unknown;
}

/**
 * `scheme://host[:port]`, computed by hand because WHATWG URL gives "null" as the origin of
 * custom schemes such as app://, which would make every custom-scheme page look alike.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (!parsed.host) return null;
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

export function isTrustedFrame(
  frame: FrameLike | null | undefined,
  trusted: readonly string[],
): boolean {
  if (!frame || frame.parent !== null) return false;
  const origin = originOf(frame.url);
  return origin !== null && trusted.includes(origin);
}
