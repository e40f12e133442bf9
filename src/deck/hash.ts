import { stripInvisible } from './invisible.ts';

// A stable, fast, non-cryptographic 53-bit string hash (cyrb53, public domain, by bryc).
// 53 bits keep the chance of two questions colliding negligible for decks of many thousands of
// cards, and a collision would still be caught: duplicate ids fail validation.
export function hash53(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return n.toString(36).padStart(11, '0');
}

/**
 * The form of a question that its id is computed from: width, case, spacing and invisible
 * characters (see invisible.ts) do not matter.
 */
export function normaliseQuestion(text: string): string {
  return stripInvisible(text).text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}
