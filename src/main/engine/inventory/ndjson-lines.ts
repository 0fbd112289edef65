import { StringDecoder } from 'node:string_decoder';

/**
 * Splits a newline-delimited JSON stream into whole lines. Chunks from the socket end
 * anywhere, even inside a multi-byte character, so text is decoded across chunk boundaries
 * and a partial line waits for the rest.
 */
export class NdjsonLines {
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';

  push(chunk: Buffer | string): string[] {
    const text = this.partial + (typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
    const lines = text.split('\n');
    this.partial = lines.pop() ?? '';
    return lines.map((line) => line.trim()).filter((line) => line.length > 0);
  }
}

/** Parses each line; a line that is not JSON is skipped rather than ending the stream. */
export function parseLines<T>(lines: readonly string[]): T[] {
  const parsed: T[] = [];
  for (const line of lines) {
    try {
      parsed.push(JSON.parse(line) as T);
    } catch {
      // A garbled line from a proxy or a daemon bug: the next refresh repairs what it hid.
    }
  }
  return parsed;
}
