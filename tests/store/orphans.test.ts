import { describe, expect, it } from 'vitest';
import {
  CARRY_OVER_SIMILARITY,
  SEEN_TEXT_LENGTH,
  findOrphans,
  similarity,
  type DeckCardRef,
  type SeenCard,
} from '../../src/store/orphans.ts';
import { decodeChunk, logChunkKey, weekOf } from '../../src/store/codec.ts';
import { STORAGE_KEY, logKey } from '../../src/store/persisted.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';
import { DAY, MIN, T0, openStore } from './fixtures.ts';

const Q_OLD = '循环神经网络和卷积神经网络的区别是什么？';
const Q_TYPO_FIXED = '循环神经网络与卷积神经网络的区别是什么？';
const Q_OTHER = 'LSTM 为什么能缓解梯度消失？';
const Q_GRU = 'GRU 有几个门？';

describe('similarity', () => {
  it('is 1 for the same text, whatever its width, case and spacing', () => {
    expect(similarity(Q_OLD, Q_OLD)).toBe(1);
    expect(similarity('What is an LSTM?', 'ＷＨＡＴ  IS  an lstm？')).toBe(1);
    expect(similarity('RNN 和 CNN', 'rnn和cnn')).toBe(1);
    expect(similarity('', '')).toBe(1);
    expect(similarity('a', 'A')).toBe(1);
  });

  it('is at least the carry-over threshold for a one-character fix in a Chinese question', () => {
    expect(CARRY_OVER_SIMILARITY).toBe(0.7);
    expect(similarity(Q_OLD, Q_TYPO_FIXED)).toBeCloseTo(17 / 19, 10);
    expect(similarity(Q_OLD, Q_TYPO_FIXED)).toBeGreaterThanOrEqual(0.7);
    expect(
      similarity('RNN 和 CNN 的区别是什么？', 'RNN 与 CNN 的区别是什么？'),
    ).toBeGreaterThanOrEqual(0.7);
    expect(similarity(Q_OTHER, 'LSTM 为什么能够缓解梯度消失？')).toBeGreaterThanOrEqual(0.7);
  });

  it('is low for unrelated questions, and symmetric', () => {
    expect(similarity(Q_OTHER, Q_GRU)).toBe(0);
    expect(
      similarity('What is the difference between an RNN and a CNN?', 'Explain beam search.'),
    ).toBeLessThan(0.4);
    expect(similarity(Q_OLD, Q_OTHER)).toBeLessThan(0.4);
    expect(similarity('a', 'b')).toBe(0);
    expect(similarity(Q_OLD, Q_OTHER)).toBe(similarity(Q_OTHER, Q_OLD));
    // A different question that shares most words is suggested at most, never carried over.
    const s = similarity('什么是梯度爆炸？', '什么是梯度消失？');
    expect(s).toBeGreaterThanOrEqual(0.4);
    expect(s).toBeLessThan(0.7);
  });
});

const card = (id: string, file: string, index: number, text: string): DeckCardRef => ({
  id,
  file,
  index,
  text,
});
const seenAt = (file: string, index: number, text: string): SeenCard => ({ file, index, text });

describe('findOrphans', () => {
  it('carries an edited card over to the new card at the same file and position', () => {
    const deck = [
      card('rnn/x', 'rnn.md', 0, Q_OTHER),
      card('rnn/new', 'rnn.md', 1, Q_TYPO_FIXED),
      card('rnn/y', 'rnn.md', 2, Q_GRU),
    ];
    const r = findOrphans(deck, ['rnn/x', 'rnn/old'], { 'rnn/old': seenAt('rnn.md', 1, Q_OLD) });
    expect(r).toEqual({
      moves: [{ from: 'rnn/old', to: 'rnn/new', similarity: similarity(Q_OLD, Q_TYPO_FIXED) }],
      orphans: [],
    });
  });

  it('does not carry over when the text is far, but lists it with the closest suggestion', () => {
    const deck = [
      card('rnn/new', 'rnn.md', 1, Q_GRU),
      card('rnn/close', 'other.md', 7, 'RNN 和 CNN 的不同是什么？'),
      card('rnn/far', 'other.md', 8, 'Explain beam search.'),
    ];
    const seen = { 'rnn/old': seenAt('rnn.md', 1, 'RNN 和 CNN 的区别是什么？') };
    const r = findOrphans(deck, ['rnn/old'], seen);
    expect(r.moves).toEqual([]);
    expect(r.orphans).toEqual([
      {
        id: 'rnn/old',
        seen: seen['rnn/old'],
        suggestion: {
          id: 'rnn/close',
          similarity: similarity('RNN 和 CNN 的区别是什么？', 'RNN 和 CNN 的不同是什么？'),
        },
      },
    ]);
    // Nothing close at all: listed without a suggestion.
    const none = findOrphans([card('rnn/new', 'rnn.md', 1, Q_GRU)], ['rnn/old'], {
      'rnn/old': seenAt('rnn.md', 1, Q_OLD),
    });
    expect(none.orphans).toEqual([
      { id: 'rnn/old', seen: seenAt('rnn.md', 1, Q_OLD), suggestion: undefined },
    ]);
  });

  it('never carries over onto a card that already has progress', () => {
    const deck = [card('rnn/new', 'rnn.md', 1, Q_TYPO_FIXED)];
    const r = findOrphans(deck, ['rnn/old', 'rnn/new'], { 'rnn/old': seenAt('rnn.md', 1, Q_OLD) });
    expect(r.moves).toEqual([]);
    expect(r.orphans).toEqual([
      { id: 'rnn/old', seen: seenAt('rnn.md', 1, Q_OLD), suggestion: undefined },
    ]);
  });

  it('suggests, but does not move, a card that now sits elsewhere', () => {
    const deck = [
      card('rnn/inserted', 'rnn.md', 1, Q_GRU),
      card('rnn/new', 'rnn.md', 2, Q_TYPO_FIXED),
    ];
    const r = findOrphans(deck, ['rnn/old'], { 'rnn/old': seenAt('rnn.md', 1, Q_OLD) });
    expect(r.moves).toEqual([]);
    expect(r.orphans).toEqual([
      {
        id: 'rnn/old',
        seen: seenAt('rnn.md', 1, Q_OLD),
        suggestion: { id: 'rnn/new', similarity: similarity(Q_OLD, Q_TYPO_FIXED) },
      },
    ]);
  });

  it('gives one new card to one orphan only, and lists orphans never seen', () => {
    const deck = [card('rnn/new', 'rnn.md', 1, Q_TYPO_FIXED)];
    const seen = {
      'rnn/old1': seenAt('rnn.md', 1, Q_OLD),
      'rnn/old2': seenAt('rnn.md', 1, Q_OLD),
    };
    const r = findOrphans(deck, ['rnn/old1', 'rnn/old2', 'rnn/unseen'], seen);
    expect(r.moves).toEqual([
      { from: 'rnn/old1', to: 'rnn/new', similarity: similarity(Q_OLD, Q_TYPO_FIXED) },
    ]);
    expect(r.orphans).toEqual([
      { id: 'rnn/old2', seen: seen['rnn/old2'], suggestion: undefined },
      { id: 'rnn/unseen', seen: undefined, suggestion: undefined },
    ]);
  });

  it('reports nothing when every card with progress is in the content', () => {
    const deck = [card('rnn/a', 'rnn.md', 0, Q_OLD)];
    expect(findOrphans(deck, ['rnn/a'], {})).toEqual({ moves: [], orphans: [] });
  });
});

describe('store: noting the deck, moving and discarding progress', () => {
  const deck = [
    card('rnn/a', 'rnn.md', 0, Q_OLD),
    card('rnn/b', 'rnn.md', 1, Q_OTHER),
    card('rnn/c', 'rnn.md', 2, Q_GRU),
  ];

  function studied(storage = new MemoryStorage()) {
    const tab = openStore(storage);
    tab.state().rate('rnn/a', 'good', T0 - 3 * DAY);
    tab.state().rate('rnn/b', 'again', T0 - 3 * DAY + MIN);
    tab.state().rate('rnn/a', 'good', T0 - 2 * DAY);
    tab.state().rate('rnn/a', 'hard', T0 - DAY);
    return { storage, tab };
  }

  it('notes where cards with progress sit, cut to a short text, and saves it', () => {
    const { storage, tab } = studied();
    const long = 'x'.repeat(SEEN_TEXT_LENGTH + 50);
    tab.state().noteDeck([...deck, card('rnn/long', 'b.md', 0, long)]);
    expect(tab.state().seen).toEqual({
      'rnn/a': seenAt('rnn.md', 0, Q_OLD),
      'rnn/b': seenAt('rnn.md', 1, Q_OTHER),
    });
    const seen = tab.state().seen;
    tab.state().noteDeck(deck);
    expect(tab.state().seen).toBe(seen); // nothing changed: same object, no write
    tab.state().rate('rnn/long', 'good', T0);
    tab.state().noteDeck([card('rnn/long', 'b.md', 3, long)]);
    expect(tab.state().seen['rnn/long']).toEqual(
      seenAt('b.md', 3, long.slice(0, SEEN_TEXT_LENGTH)),
    );
    expect(openStore(storage).state().seen).toEqual(tab.state().seen);
  });

  it('moves progress and every review to the new id, for good', async () => {
    const { storage, tab } = studied();
    tab.state().noteDeck(deck);
    const stale = openStore(storage); // another tab, loaded before the move
    const progress = tab.state().progress['rnn/a'];
    const reviews = tab.state().log.filter((e) => e.cardId === 'rnn/a');
    expect(reviews).toHaveLength(3);

    tab.state().moveProgress('rnn/a', 'rnn/a2');
    const check = (s: ReturnType<typeof tab.state>) => {
      expect(s.progress['rnn/a2']).toEqual(progress);
      expect(s.progress['rnn/a']).toBeUndefined();
      expect(s.log.filter((e) => e.cardId === 'rnn/a')).toEqual([]);
      expect(s.log.filter((e) => e.cardId === 'rnn/a2')).toEqual(
        reviews.map((e) => ({ ...e, cardId: 'rnn/a2' })),
      );
      expect(s.log.filter((e) => e.cardId === 'rnn/b')).toHaveLength(1);
    };
    check(tab.state());
    expect(tab.state().seen['rnn/a2']).toEqual(seenAt('rnn.md', 0, Q_OLD));
    expect(tab.state().seen['rnn/a']).toBeUndefined();
    check(openStore(storage).state());

    // The stale tab still holds the old id's reviews: it saves something, then syncs.
    stale.state().rate('rnn/c', 'good', T0);
    await stale.store.syncFromStorage();
    check(stale.state());
    await tab.store.syncFromStorage();
    check(tab.state());
    check(openStore(storage).state());
    expect(openStore(storage).state().log).toHaveLength(5);
  });

  it('moving back and forth keeps every review (re-attached to the wrong card, then fixed)', async () => {
    const { storage, tab } = studied();
    const reviews = tab.state().log.filter((e) => e.cardId === 'rnn/a');
    tab.state().moveProgress('rnn/a', 'rnn/wrong');
    tab.state().moveProgress('rnn/wrong', 'rnn/a');
    const after = (s: ReturnType<typeof tab.state>) => {
      expect(s.progress['rnn/a']).toBeDefined();
      expect(s.progress['rnn/wrong']).toBeUndefined();
      expect(s.log.filter((e) => e.cardId === 'rnn/wrong')).toEqual([]);
      const mine = s.log.filter((e) => e.cardId === 'rnn/a');
      expect(mine.map((e) => [e.grade, e.state, e.scheduledDays])).toEqual(
        reviews.map((e) => [e.grade, e.state, e.scheduledDays]),
      );
      // Times move by at most a millisecond or two (a taken-back review's key is never reused).
      mine.forEach((e, i) => {
        expect(e.reviewedAt - reviews[i]!.reviewedAt).toBeGreaterThanOrEqual(0);
        expect(e.reviewedAt - reviews[i]!.reviewedAt).toBeLessThan(5);
      });
    };
    after(tab.state());
    after(openStore(storage).state());
    await tab.store.syncFromStorage();
    after(tab.state());
  });

  it('does not move progress onto a card that has progress of its own', () => {
    const { storage, tab } = studied();
    const before = structuredClone(tab.state().progress);
    const log = tab.state().log;
    tab.state().moveProgress('rnn/a', 'rnn/b');
    expect(tab.state().progress).toEqual(before);
    expect(tab.state().log).toBe(log);
    expect(openStore(storage).state().progress).toEqual(before);
    // And moving a card that has no progress, or onto itself, does nothing.
    tab.state().moveProgress('rnn/none', 'rnn/c');
    tab.state().moveProgress('rnn/a', 'rnn/a');
    expect(tab.state().progress).toEqual(before);
  });

  it('discards progress and reviews for good, across reloads and stale tabs', async () => {
    const { storage, tab } = studied();
    const stale = openStore(storage);
    tab.state().discardProgress('rnn/a');
    const gone = (s: ReturnType<typeof tab.state>) => {
      expect(s.progress['rnn/a']).toBeUndefined();
      expect(s.log.map((e) => e.cardId)).toEqual(['rnn/b']);
    };
    gone(tab.state());
    gone(openStore(storage).state());
    // The reviews are gone from the log chunks themselves, and recorded as removed there.
    for (const week of [weekOf(T0 - 3 * DAY), weekOf(T0 - DAY)]) {
      const chunk = decodeChunk(storage.getItem(logChunkKey(STORAGE_KEY, week))!);
      if (!chunk.ok) throw new Error(chunk.reason);
      expect(chunk.value.entries.filter((e) => e.cardId === 'rnn/a')).toEqual([]);
    }
    stale.state().rate('rnn/b', 'good', T0);
    await stale.store.syncFromStorage();
    expect(stale.state().progress['rnn/a']).toBeUndefined();
    expect(stale.state().log.map((e) => e.cardId)).toEqual(['rnn/b', 'rnn/b']);
    expect(
      openStore(storage)
        .state()
        .log.map((e) => e.cardId),
    ).toEqual(['rnn/b', 'rnn/b']);
    expect(openStore(storage).state().removed).toEqual(
      expect.arrayContaining(
        [T0 - 3 * DAY, T0 - 2 * DAY, T0 - DAY].map((t) =>
          logKey({ cardId: 'rnn/a', reviewedAt: t }),
        ),
      ),
    );
  });

  it('carries over an edited card from start to finish, as the app does on start', () => {
    const { storage, tab } = studied();
    tab.state().noteDeck(deck);
    const edited = [card('rnn/a-fixed', 'rnn.md', 0, Q_TYPO_FIXED), deck[1]!, deck[2]!];
    const { moves, orphans } = findOrphans(
      edited,
      Object.keys(tab.state().progress),
      tab.state().seen,
    );
    expect(orphans).toEqual([]);
    expect(moves.map((m) => [m.from, m.to])).toEqual([['rnn/a', 'rnn/a-fixed']]);
    for (const m of moves) tab.state().moveProgress(m.from, m.to);
    tab.state().noteDeck(edited);
    const reloaded = openStore(storage).state();
    expect(reloaded.log.filter((e) => e.cardId === 'rnn/a-fixed')).toHaveLength(3);
    expect(reloaded.seen['rnn/a-fixed']).toEqual(seenAt('rnn.md', 0, Q_TYPO_FIXED));
    // Nothing left to report afterwards.
    expect(findOrphans(edited, Object.keys(reloaded.progress), reloaded.seen)).toEqual({
      moves: [],
      orphans: [],
    });
  });
});
