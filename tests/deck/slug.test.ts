// Slugs for any file name (src/deck/slug.ts): non-empty, stable, and making ids that an exported
// file can be imported with.
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/deck/parse.ts';
import { slugFromPath } from '../../src/deck/slug.ts';
import { initialPersistedState } from '../../src/store/persisted.ts';
import { buildExport, parseImport } from '../../src/store/transfer.ts';

/** Whether an export holding a time for `id` is accepted by the app's import. */
function importAccepts(id: string): boolean {
  const file = { ...buildExport(initialPersistedState(), 0), revs: { [id]: 1 } };
  return parseImport(JSON.stringify(file)).ok;
}

describe('slugFromPath', () => {
  it('keeps the slugs of ASCII and Chinese names as they were', () => {
    expect(slugFromPath('rnn.md')).toBe('rnn');
    expect(slugFromPath('ml/RNN Basics.md')).toBe('ml/rnn-basics');
    expect(slugFromPath('循环网络.md')).toBe('循环网络');
  });

  it('keeps letters and digits of any script, lowercased and NFKC-normalised', () => {
    expect(slugFromPath('リカレント.md')).toBe('リカレント');
    expect(slugFromPath('Рекуррентные сети.md')).toBe('рекуррентные-сети');
    expect(slugFromPath('ＲＮＮ①.md')).toBe('rnn1');
    expect(slugFromPath('한국어/셀.md')).toBe('한국어/셀');
    // Combining marks cannot be in an id: Devanagari keeps its letters.
    expect(slugFromPath('हिन्दी.md')).toBe('हनद');
  });

  it('falls back to a hash of the name when no letter or digit is left', () => {
    expect(slugFromPath('🙂.md')).toMatch(/^deck-[0-9a-z]{11}$/);
    expect(slugFromPath('🙂.md')).toBe(slugFromPath('🙂.md'));
    expect(slugFromPath('🙂.md')).not.toBe(slugFromPath('🙃.md'));
    expect(slugFromPath('---/rnn.md')).toBe('rnn');
  });

  it('cuts very long names and keeps them apart with a hash', () => {
    const a = slugFromPath(`${'長'.repeat(300)}a.md`);
    const b = slugFromPath(`${'長'.repeat(300)}b.md`);
    expect(a.length).toBeLessThanOrEqual(120);
    expect(a).not.toBe(b);
  });

  it('makes card ids that the import accepts, for non-Latin file names', () => {
    for (const name of [
      'リカレント.md',
      'हिन्दी.md',
      '🙂.md',
      'Ελληνικά/ΣΣ.md',
      `${'長'.repeat(300)}.md`,
    ]) {
      const { deck } = parseDeck('Q1：q\n\na\n', { file: name, slug: slugFromPath(name) });
      const id = deck.cards[0]!.id;
      expect(id).toMatch(/^[^/]+(\/[^/]+)*\/[0-9a-z]{11}$/);
      expect(importAccepts(id), id).toBe(true);
    }
    expect(importAccepts('/0grityxeyfp')).toBe(false);
  });
});
