import { describe, expect, it } from 'vitest';
import {
  UNSEEN_WEIGHT,
  answerMsOf,
  newMockSession,
  nextQuestion,
  pickMockQuestions,
  revealAnswer,
  scoreOf,
  showQuestion,
  suggestedGrade,
  summarise,
  togglePoint,
} from '../../src/study/mockInterview.ts';
import { seededRandom, type WeakCard } from '../../src/study/weak.ts';

const weak = (cardId: string, score: number): WeakCard => ({
  cardId,
  score,
  leech: false,
  starred: false,
  suspended: false,
  reasons: [],
});

describe('suggestedGrade', () => {
  it('all points: Good; at least half: Hard; fewer: Again; never Easy', () => {
    expect(suggestedGrade(3, 3)).toBe('good');
    expect(suggestedGrade(2, 4)).toBe('hard');
    expect(suggestedGrade(2, 3)).toBe('hard');
    expect(suggestedGrade(1, 3)).toBe('again');
    expect(suggestedGrade(0, 1)).toBe('again');
    expect(suggestedGrade(0, 0)).toBeNull();
  });
  it('the score is the share ticked', () => {
    expect(scoreOf(1, 4)).toBe(0.25);
    expect(scoreOf(0, 0)).toBeNull();
  });
});

describe('pickMockQuestions', () => {
  const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
  it('takes distinct cards from the set, as many as asked or as there are', () => {
    const picked = pickMockQuestions(ids, [], 4, seededRandom(7));
    expect(new Set(picked).size).toBe(4);
    for (const id of picked) expect(ids).toContain(id);
    expect(pickMockQuestions(['a', 'a', 'b'], [], 5, seededRandom(1)).sort()).toEqual(['a', 'b']);
  });
  it('is the same for the same seed', () => {
    expect(pickMockQuestions(ids, [], 3, seededRandom(42))).toEqual(
      pickMockQuestions(ids, [], 3, seededRandom(42)),
    );
  });
  it('favours weak cards: over 2000 draws a score-20 card comes first far more often', () => {
    const ranking = [weak('a', 20), weak('b', 0), weak('c', 0)];
    const random = seededRandom(3);
    const firsts = { a: 0, b: 0, c: 0 } as Record<string, number>;
    for (let i = 0; i < 2000; i++)
      firsts[pickMockQuestions(['a', 'b', 'c'], ranking, 1, random)[0]!]!++;
    // Weights 21 : 1 : 1 → a first with probability 21/23 ≈ 0.913.
    expect(firsts.a! / 2000).toBeGreaterThan(0.88);
    expect(firsts.a! / 2000).toBeLessThan(0.95);
  });
  it('an unseen card weighs UNSEEN_WEIGHT, more than a reviewed card with no problem', () => {
    const random = seededRandom(9);
    let unseenFirst = 0;
    for (let i = 0; i < 2000; i++) {
      if (pickMockQuestions(['new', 'fine'], [weak('fine', 0)], 1, random)[0] === 'new')
        unseenFirst++;
    }
    const expected = UNSEEN_WEIGHT / (UNSEEN_WEIGHT + 1);
    expect(Math.abs(unseenFirst / 2000 - expected)).toBeLessThan(0.03);
  });
});

describe('a mock session', () => {
  const T = Date.UTC(2026, 10, 29, 2, 0);
  const start = () =>
    newMockSession(
      {
        id: 'm1',
        interviewId: null,
        scope: { decks: [], tags: [] },
        questionSeconds: 90,
        predicted: 0.5,
      },
      ['x', 'y'],
      T,
    );

  it('runs show → reveal → tick → next to a summary with times, scores and missed points', () => {
    let s = showQuestion(start(), T + 1000);
    s = showQuestion(s, T + 5000); // a reload shows it again: the timer keeps its start
    expect(s.questions[0]!.shownAt).toBe(T + 1000);
    expect(answerMsOf(s.questions[0]!, T + 31_000)).toBe(30_000);
    s = revealAnswer(s, 3, T + 101_000);
    s = togglePoint(togglePoint(togglePoint(s, 2), 0), 2);
    expect(s.questions[0]!.ticked).toEqual([0]);
    s = nextQuestion(s, T + 102_000);
    expect(s.current).toBe(1);
    expect(s.finishedAt).toBeNull();
    s = togglePoint(s, 0); // ticks before the reveal count too
    s = revealAnswer(showQuestion(s, T + 110_000), 2, T + 130_000);
    s = togglePoint(s, 1);
    s = nextQuestion(s, T + 131_000);
    expect(s.finishedAt).toBe(T + 131_000);
    expect(summarise(s)).toEqual({
      questions: [
        { cardId: 'x', score: 1 / 3, answerMs: 100_000, missed: [1, 2] },
        { cardId: 'y', score: 1, answerMs: 20_000, missed: [] },
      ],
      overall: (1 / 3 + 1) / 2,
      missedCards: ['x'],
    });
  });

  it('does not move on before the reveal, and a finished question no longer changes', () => {
    const s = showQuestion(start(), T);
    expect(nextQuestion(s, T + 1)).toBe(s);
    const done = nextQuestion(revealAnswer(s, 1, T + 2), T + 3);
    const again = { ...done, current: 0 };
    expect(togglePoint(again, 0)).toBe(again);
  });
});
