import { describe, expect, it } from 'vitest';
import { decodeContent, firstInvalidUtf8Byte } from '../../src/deck/decode.ts';
import { DeckError, formatDiagnostic } from '../../src/deck/diagnostics.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (string | number[])[]) => {
  const chunks = parts.map((p) => (typeof p === 'string' ? utf8(p) : Uint8Array.from(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};

function decodeError(input: Uint8Array, file = 'content/x.md'): DeckError {
  try {
    decodeContent(input, file);
  } catch (e) {
    if (e instanceof DeckError) return e;
    throw e;
  }
  throw new Error('expected decodeContent to throw a DeckError');
}

describe('decodeContent', () => {
  it('decodes UTF-8 text, Chinese and astral characters included', () => {
    const text = '# RNN\n\nQ1：***RNN和CNN之间有什么区别？*** 😀\n';
    expect(decodeContent(utf8(text), 'content/x.md')).toBe(text);
  });

  it('drops a leading byte-order mark', () => {
    expect(decodeContent(bytes([0xef, 0xbb, 0xbf], 'Q1：a'), 'content/x.md')).toBe('Q1：a');
  });

  it('decodes an empty file to an empty string', () => {
    expect(decodeContent(new Uint8Array(0), 'content/x.md')).toBe('');
  });

  it('rejects a 0xff byte at the start of the file at 1:1', () => {
    const e = decodeError(bytes([0xff], 'Q1：a\n'));
    expect(e.diagnostics).toEqual([
      {
        severity: 'error',
        file: 'content/x.md',
        line: 1,
        column: 1,
        message: 'file is not valid UTF-8 (byte 0xff at offset 0); save it as UTF-8',
      },
    ]);
  });

  it('locates a bad sequence on line 3 by the characters before it, not the bytes', () => {
    // Line 3 holds "Q1：问" (4 UTF-16 units, 9 bytes) before a lead byte with no continuation.
    const input = bytes('# T\n\nQ1：问', [0xe4, 0x41], '\n\nanswer\n');
    const e = decodeError(input);
    expect(e.diagnostics.map(formatDiagnostic)).toEqual([
      'content/x.md:3:5: file is not valid UTF-8 (byte 0xe4 at offset 13); save it as UTF-8',
    ]);
    expect(e.message).toBe(
      'content/x.md:3:5: file is not valid UTF-8 (byte 0xe4 at offset 13); save it as UTF-8',
    );
  });

  it('counts an astral character before the bad byte as two columns, like editors do', () => {
    const e = decodeError(bytes('a\n😀', [0x80]));
    expect(e.diagnostics[0]).toMatchObject({ line: 2, column: 3 });
  });

  it('rejects a file saved as Latin-1', () => {
    // "café" in ISO-8859-1 on line 2.
    const e = decodeError(bytes('Q1：a\n', [0x63, 0x61, 0x66, 0xe9], '\n'));
    expect(e.diagnostics.map(formatDiagnostic)).toEqual([
      'content/x.md:2:4: file is not valid UTF-8 (byte 0xe9 at offset 10); save it as UTF-8',
    ]);
  });
});

describe('firstInvalidUtf8Byte', () => {
  it('returns -1 for valid UTF-8 of every length', () => {
    expect(firstInvalidUtf8Byte(utf8('a é 问 😀'))).toBe(-1);
    expect(firstInvalidUtf8Byte(new Uint8Array(0))).toBe(-1);
  });

  it.each([
    ['a lone continuation byte', [0x61, 0x80], 1],
    ['an overlong two-byte form', [0xc0, 0x80], 0],
    ['an overlong two-byte form with 0xc1', [0xc1, 0xbf], 0],
    ['an overlong three-byte form', [0xe0, 0x80, 0x80], 0],
    ['an overlong four-byte form', [0xf0, 0x80, 0x80, 0x80], 0],
    ['a UTF-16 surrogate', [0x61, 0xed, 0xa0, 0x80], 1],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a lead byte 0xf5 and above', [0xf5, 0x80, 0x80, 0x80], 0],
    ['a sequence cut off by the end of the file', [0x61, 0x62, 0xe4, 0xbd], 2],
    ['a lead byte followed by ASCII', [0xe4, 0xbd, 0x41], 0],
  ])('finds %s', (_name, input, offset) => {
    expect(firstInvalidUtf8Byte(Uint8Array.from(input))).toBe(offset);
  });

  it('accepts the largest code point and the last one before the surrogates', () => {
    expect(firstInvalidUtf8Byte(Uint8Array.from([0xf4, 0x8f, 0xbf, 0xbf]))).toBe(-1);
    expect(firstInvalidUtf8Byte(Uint8Array.from([0xed, 0x9f, 0xbf]))).toBe(-1);
  });
});
