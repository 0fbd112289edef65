import { describe, expect, it } from 'vitest';
import { NdjsonLines, parseLines } from './ndjson-lines';

describe('NdjsonLines', () => {
  it('holds a partial line until its end arrives', () => {
    const lines = new NdjsonLines();
    expect(lines.push('{"a":1}\n{"b"')).toEqual(['{"a":1}']);
    expect(lines.push(':2}\n')).toEqual(['{"b":2}']);
  });

  it('splits several lines in one chunk and skips blank ones', () => {
    expect(new NdjsonLines().push('{"a":1}\n\n{"b":2}\r\n')).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('decodes a multi-byte character split across two chunks', () => {
    const bytes = Buffer.from('{"name":"镜像"}\n', 'utf8');
    const lines = new NdjsonLines();
    expect(lines.push(bytes.subarray(0, 11))).toEqual([]);
    expect(parseLines<{ name: string }>(lines.push(bytes.subarray(11)))).toEqual([
      { name: '镜像' },
    ]);
  });
});

describe('parseLines', () => {
  it('skips a line that is not JSON and keeps the rest', () => {
    expect(parseLines(['{"a":1}', 'garbage', '{"b":2}'])).toEqual([{ a: 1 }, { b: 2 }]);
  });
});
