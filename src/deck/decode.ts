// Bytes → text, refusing anything that is not UTF-8 with the place of the first bad byte.
import { DeckError } from './diagnostics.ts';

/** Offset of the first byte that breaks UTF-8, or -1 when the whole buffer is valid. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + need >= bytes.length) return i; // truncated sequence at the end
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8 either.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

/** Decodes a content file. Throws a located DeckError on bytes that are not UTF-8. */
export function decodeContent(bytes: Uint8Array, file: string): string {
  const bad = firstInvalidUtf8Byte(bytes);
  if (bad >= 0) {
    // Locate the bad byte by the valid text before it.
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const lines = before.split('\n');
    throw new DeckError([
      {
        severity: 'error',
        file,
        line: lines.length,
        column: (lines[lines.length - 1] ?? '').length + 1,
        message: `file is not valid UTF-8 (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at offset ${bad}); save it as UTF-8`,
      },
    ]);
  }
  // TextDecoder drops a leading byte-order mark by default.
  return new TextDecoder('utf-8').decode(bytes);
}
