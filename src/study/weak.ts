// Which cards are weak, and why: a score built from a few signals, each kept as a reason the
// screen can put into words.
//
// Score = sum of points, each rounded to hundredths:
//   lapses         2 per lapse (times forgotten after being learned; CardProgress.lapses)
//   recentMisses   2 per Again + 1 per Hard among the card's last five REVIEW grades
//   difficulty     FSRS difficulty above 5 (D runs 1–10), i.e. max(0, D − 5): 0–5 points
//   recall         10 × how far predicted recall now is below 90%, i.e. 10 × max(0, 0.9 − R)
//   starred        3
//   leech          0 extra (its lapses already count); a flag: lapses ≥ threshold
// A reason is listed only when it adds points (the leech flag is always listed when it holds).
// Practice grades (drill, cram) are left out of recentMisses: they come massed within minutes of
// each other, so a single cram would outweigh weeks of spaced reviews; the spaced grades are
// what predicts the interview. Ties: score, then lapses, then card id.
import type { CardProgress, Grade } from '../scheduler/progress.ts';
import { recallOnDay, studyDayIndexer } from './days.ts';
import {
  DEFAULT_LEECH_LAPSES,
  isReview,
  type FlagsById,
  type ProgressById,
  type StudyLogEntry,
} from './types.ts';

export const RECENT_GRADES = 5;
/** Cards the drill takes from the top of the ranking, beside leeches and starred cards. */
export const DRILL_TOP = 20;

export type WeakReason =
  | { kind: 'lapses'; count: number; points: number }
  | { kind: 'recentMisses'; again: number; hard: number; of: number; points: number }
  | { kind: 'difficulty'; value: number; points: number }
  | { kind: 'recall'; value: number; points: number }
  | { kind: 'starred'; points: number }
  | { kind: 'leech'; lapses: number; threshold: number; points: 0 };

export interface WeakCard {
  cardId: string;
  score: number;
  leech: boolean;
  starred: boolean;
  suspended: boolean;
  reasons: WeakReason[];
}

export interface WeakOptions {
  now: number;
  rolloverHour: number;
  /** Lapses at which a card is a leech; default 4. */
  leechThreshold?: number;
}

const hundredths = (x: number): number => Math.round(x * 100) / 100;

/** The last `RECENT_GRADES` review grades of every card, oldest first, in one pass. */
function recentReviewGrades(log: readonly StudyLogEntry[]): Map<string, Grade[]> {
  const recent = new Map<string, Grade[]>();
  for (const entry of log) {
    if (!isReview(entry)) continue;
    let grades = recent.get(entry.cardId);
    if (grades === undefined) recent.set(entry.cardId, (grades = []));
    grades.push(entry.grade);
    if (grades.length > RECENT_GRADES) grades.shift();
  }
  return recent;
}

function weakCard(
  cardId: string,
  progress: CardProgress,
  grades: readonly Grade[],
  starred: boolean,
  suspended: boolean,
  options: WeakOptions,
  recall: number,
): WeakCard {
  const threshold = options.leechThreshold ?? DEFAULT_LEECH_LAPSES;
  const reasons: WeakReason[] = [];
  if (progress.lapses > 0) {
    reasons.push({ kind: 'lapses', count: progress.lapses, points: 2 * progress.lapses });
  }
  const again = grades.filter((g) => g === 'again').length;
  const hard = grades.filter((g) => g === 'hard').length;
  if (again + hard > 0) {
    reasons.push({
      kind: 'recentMisses',
      again,
      hard,
      of: grades.length,
      points: 2 * again + hard,
    });
  }
  if (progress.difficulty > 5) {
    const points = hundredths(progress.difficulty - 5);
    reasons.push({ kind: 'difficulty', value: progress.difficulty, points });
  }
  if (recall < 0.9)
    reasons.push({ kind: 'recall', value: recall, points: hundredths(10 * (0.9 - recall)) });
  if (starred) reasons.push({ kind: 'starred', points: 3 });
  const leech = progress.lapses >= threshold;
  if (leech) reasons.push({ kind: 'leech', lapses: progress.lapses, threshold, points: 0 });
  const score = hundredths(reasons.reduce((sum, r) => sum + r.points, 0));
  return { cardId, score, leech, starred, suspended, reasons };
}

/**
 * Every card that has been reviewed (progress with a last review), weakest first. Suspended
 * cards are ranked too (and marked); drillSet leaves them out. `log` in time order.
 */
export function rankWeak(
  progress: ProgressById,
  log: readonly StudyLogEntry[],
  flags: FlagsById,
  options: WeakOptions,
): WeakCard[] {
  const recent = recentReviewGrades(log);
  const dayOf = studyDayIndexer(options.rolloverHour);
  const today = dayOf(options.now);
  const ranked: WeakCard[] = [];
  for (const [cardId, p] of Object.entries(progress)) {
    if (p === undefined || p.lastReview === null) continue;
    const f = flags[cardId];
    ranked.push(
      weakCard(
        cardId,
        p,
        recent.get(cardId) ?? [],
        f?.starred === true,
        f?.suspended === true,
        options,
        recallOnDay(p, today, dayOf),
      ),
    );
  }
  const lapses = (c: WeakCard): number => progress[c.cardId]!.lapses;
  return ranked.sort(
    (a, b) =>
      b.score - a.score ||
      lapses(b) - lapses(a) ||
      (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0),
  );
}

/**
 * The cards of a "drill weak" session: every leech, every starred card (reviewed or not), and
 * the top `top` (default 20) of the ranking with a score above 0; never a suspended card; each
 * once; shuffled with `random` (values in [0, 1), e.g. seededRandom).
 */
export function drillSet(
  ranking: readonly WeakCard[],
  flags: FlagsById,
  random: () => number,
  top: number = DRILL_TOP,
): string[] {
  const chosen = new Set<string>();
  const suspended = (id: string): boolean => flags[id]?.suspended === true;
  for (const c of ranking) if (c.leech && !suspended(c.cardId)) chosen.add(c.cardId);
  for (const [id, f] of Object.entries(flags)) if (f?.starred && !suspended(id)) chosen.add(id);
  let taken = 0;
  for (const c of ranking) {
    if (taken >= top || c.score <= 0) break;
    if (suspended(c.cardId)) continue;
    chosen.add(c.cardId);
    taken++;
  }
  return shuffle([...chosen], random);
}

/** Fisher–Yates; `random` gives values in [0, 1). Returns the array it was given. */
export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** A small seeded generator (mulberry32) for reproducible shuffles. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
