// Progress whose card left the content. Fixing a typo in a question changes its hashed id; the
// progress stays under the old id. When a new card with no progress sits where the old one was
// (same file, same position) and its text is close, the progress is carried over; everything else
// is listed for the learner to re-attach or discard. Pure.
import { normaliseQuestion } from '../deck/hash.ts';

/** Where a card with progress was last seen in the content, and its question text. */
export interface SeenCard {
  file: string;
  /** Position among the cards of its file, from 0. */
  index: number;
  text: string;
}

export interface DeckCardRef extends SeenCard {
  id: string;
}

/** Texts at least this similar (Dice coefficient of character bigrams) are the same card edited. */
export const CARRY_OVER_SIMILARITY = 0.7;
/** Below this, a card is not even suggested as a match. */
const SUGGEST_SIMILARITY = 0.4;
const MAX_SUGGESTIONS = 50;
/** Kept short: enough to recognise and compare a question. */
export const SEEN_TEXT_LENGTH = 200;

function bigrams(text: string): Map<string, number> {
  const s = normaliseQuestion(text).replace(/\s+/g, '');
  const out = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** 1 for the same text (ignoring width, case and spacing), 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let total = 0;
  for (const n of x.values()) total += n;
  for (const n of y.values()) total += n;
  if (total === 0) return normaliseQuestion(a) === normaliseQuestion(b) ? 1 : 0;
  let shared = 0;
  for (const [g, n] of x) shared += Math.min(n, y.get(g) ?? 0);
  return (2 * shared) / total;
}

export interface Orphan {
  id: string;
  seen: SeenCard | undefined;
  /** The closest card without progress, if any is close enough to suggest. */
  suggestion: { id: string; similarity: number } | undefined;
}

export interface OrphanReport {
  moves: { from: string; to: string; similarity: number }[];
  orphans: Orphan[];
}

export function findOrphans(
  cards: readonly DeckCardRef[],
  progressIds: readonly string[],
  seen: Readonly<Record<string, SeenCard>>,
): OrphanReport {
  const inDeck = new Set(cards.map((c) => c.id));
  const withProgress = new Set(progressIds);
  const free = cards.filter((c) => !withProgress.has(c.id));
  const byPlace = new Map(free.map((c) => [`${c.file}#${c.index}`, c]));
  const taken = new Set<string>();
  const moves: OrphanReport['moves'] = [];
  const orphans: Orphan[] = [];

  for (const id of progressIds) {
    if (inDeck.has(id)) continue;
    const last = seen[id];
    const there = last ? byPlace.get(`${last.file}#${last.index}`) : undefined;
    if (last && there && !taken.has(there.id)) {
      const score = similarity(last.text, there.text);
      if (score >= CARRY_OVER_SIMILARITY) {
        moves.push({ from: id, to: there.id, similarity: score });
        taken.add(there.id);
        continue;
      }
    }
    let suggestion: Orphan['suggestion'];
    // Suggestions cost a comparison with every free card: only for the first few orphans.
    if (last && orphans.length < MAX_SUGGESTIONS) {
      for (const c of free) {
        if (taken.has(c.id)) continue;
        const score = similarity(last.text, c.text);
        if (score >= SUGGEST_SIMILARITY && (!suggestion || score > suggestion.similarity)) {
          suggestion = { id: c.id, similarity: score };
        }
      }
    }
    orphans.push({ id, seen: last, suggestion });
  }
  return { moves, orphans };
}
