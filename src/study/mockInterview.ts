// A mock interview, as plain data: which questions, how a question is scored from the key points
// ticked, the grade that score suggests, and the steps of a session (show, reveal, tick, next)
// as functions over the session with `now` passed in. The screen draws it; a store keeps it.
import type { Grade } from '../scheduler/progress.ts';
import type { WeakCard } from './weak.ts';

export const DEFAULT_MOCK_QUESTIONS = 5;
export const DEFAULT_QUESTION_SECONDS = 90;
/**
 * Weight of a card never reviewed. A reviewed card weighs 1 + its weak score (0 for a card that
 * is fine, 10+ for a leech); an unseen one is unknown, so it weighs like a card with a mild
 * problem (a star's 3 points): weak cards first, but new ones still come up.
 */
export const UNSEEN_WEIGHT = 4;

/** What an interview covers: no decks means every deck; no tags means every tag. */
export interface MockScope {
  decks: string[];
  tags: string[];
}

export interface MockQuestion {
  cardId: string;
  /** When the question was first shown (its timer runs from here); null before. */
  shownAt: number | null;
  /** When the answer was shown; null before. */
  revealedAt: number | null;
  /** How many key points the answer has (known once it is shown). */
  points: number;
  /** Indexes of the key points the learner said. */
  ticked: number[];
  /** Graded and left: the question's result is final. */
  done: boolean;
}

export interface MockSession {
  id: string;
  /** The interview it rehearses, if started from one. */
  interviewId: string | null;
  scope: MockScope;
  startedAt: number;
  questionSeconds: number;
  questions: MockQuestion[];
  /** The question on screen (questions.length once all are done). */
  current: number;
  /** Mean predicted recall of the questions' cards when the session started (null: none). */
  predicted: number | null;
  finishedAt: number | null;
}

/**
 * `count` distinct cards from `cardIds`, drawn with probability by weight without replacement
 * (Efraimidis–Spirakis: the largest u^(1/w)), with `random` (values in [0, 1), seeded in tests).
 */
export function pickMockQuestions(
  cardIds: readonly string[],
  ranking: readonly WeakCard[],
  count: number,
  random: () => number,
): string[] {
  const score = new Map(ranking.map((c) => [c.cardId, c.score]));
  const keyed = [...new Set(cardIds)].map((id) => {
    const s = score.get(id);
    const weight = s === undefined ? UNSEEN_WEIGHT : 1 + s;
    return { id, key: Math.pow(random(), 1 / weight) };
  });
  keyed.sort((a, b) => b.key - a.key || (a.id < b.id ? -1 : 1));
  return keyed.slice(0, Math.max(0, count)).map((k) => k.id);
}

/** Share of the points ticked, in [0, 1]; null for an answer without points. */
export function scoreOf(ticked: number, points: number): number | null {
  return points > 0 ? Math.min(ticked, points) / points : null;
}

/** All points: Good; at least half: Hard; fewer: Again. Easy is only ever the learner's call. */
export function suggestedGrade(ticked: number, points: number): Grade | null {
  const score = scoreOf(ticked, points);
  if (score === null) return null;
  return score >= 1 ? 'good' : score >= 0.5 ? 'hard' : 'again';
}

export function newMockSession(
  fields: Pick<MockSession, 'id' | 'interviewId' | 'scope' | 'questionSeconds' | 'predicted'>,
  cardIds: readonly string[],
  now: number,
): MockSession {
  return {
    ...fields,
    startedAt: now,
    questions: cardIds.map((cardId) => ({
      cardId,
      shownAt: null,
      revealedAt: null,
      points: 0,
      ticked: [],
      done: false,
    })),
    current: 0,
    finishedAt: null,
  };
}

function withCurrent(session: MockSession, change: (q: MockQuestion) => MockQuestion): MockSession {
  const q = session.questions[session.current];
  if (q === undefined || q.done) return session;
  const questions = session.questions.slice();
  questions[session.current] = change(q);
  return { ...session, questions };
}

/** The current question is on screen: its timer starts (once; a reload keeps the start). */
export const showQuestion = (s: MockSession, now: number): MockSession =>
  withCurrent(s, (q) => (q.shownAt === null ? { ...q, shownAt: now } : q));

/** The answer is shown, with this many key points. */
export const revealAnswer = (s: MockSession, points: number, now: number): MockSession =>
  withCurrent(s, (q) =>
    q.revealedAt === null
      ? { ...q, shownAt: q.shownAt ?? now, revealedAt: now, points }
      : { ...q, points },
  );

/** Ticks or unticks key point `index` of the current question. */
export const togglePoint = (s: MockSession, index: number): MockSession =>
  withCurrent(s, (q) => ({
    ...q,
    ticked: q.ticked.includes(index)
      ? q.ticked.filter((i) => i !== index)
      : [...q.ticked, index].sort((a, b) => a - b),
  }));

/** Time spent answering: from shown to revealed (or to `now` while unrevealed). */
export function answerMsOf(q: MockQuestion, now: number): number | null {
  if (q.shownAt === null) return null;
  return Math.max(0, (q.revealedAt ?? now) - q.shownAt);
}

/** Closes the current question and moves on; the session finishes after the last one. */
export function nextQuestion(s: MockSession, now: number): MockSession {
  const q = s.questions[s.current];
  if (q === undefined || q.revealedAt === null) return s;
  const questions = s.questions.slice();
  questions[s.current] = { ...q, done: true };
  const current = s.current + 1;
  return { ...s, questions, current, finishedAt: current >= questions.length ? now : null };
}

export interface MockSummary {
  /** Per question, in order: its score (null: no points) and answer time. */
  questions: { cardId: string; score: number | null; answerMs: number | null; missed: number[] }[];
  /** Mean score over the questions that have points; null if none. */
  overall: number | null;
  /** Cards where at least one point was missed. */
  missedCards: string[];
}

export function summarise(s: MockSession): MockSummary {
  const questions = s.questions.map((q) => ({
    cardId: q.cardId,
    score: scoreOf(q.ticked.length, q.points),
    answerMs: q.shownAt !== null && q.revealedAt !== null ? q.revealedAt - q.shownAt : null,
    missed: Array.from({ length: q.points }, (_, i) => i).filter((i) => !q.ticked.includes(i)),
  }));
  const scored = questions.flatMap((q) => (q.score === null ? [] : [q.score]));
  return {
    questions,
    overall: scored.length > 0 ? scored.reduce((a, b) => a + b, 0) / scored.length : null,
    missedCards: questions.filter((q) => q.missed.length > 0).map((q) => q.cardId),
  };
}

/** What scoping needs of a card: its deck (slug) and tags, with its deck's tags. */
export interface ScopedCard {
  id: string;
  deck: string;
  tags: readonly string[];
}

/**
 * The cards a scope covers, in the order given: in one of its decks (any, if none), carrying one
 * of its tags on the card or its deck (any, if none); never a suspended card.
 */
export function cardsInScope(
  cards: readonly ScopedCard[],
  deckTags: Readonly<Record<string, readonly string[]>>,
  scope: MockScope,
  suspended: (id: string) => boolean,
): string[] {
  const decks = new Set(scope.decks);
  const tags = new Set(scope.tags);
  return cards
    .filter(
      (c) =>
        !suspended(c.id) &&
        (decks.size === 0 || decks.has(c.deck)) &&
        (tags.size === 0 ||
          c.tags.some((t) => tags.has(t)) ||
          (deckTags[c.deck] ?? []).some((t) => tags.has(t))),
    )
    .map((c) => c.id);
}
