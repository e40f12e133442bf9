// The store's interview actions: add, change, remove. Kept apart from progressStore.ts, which
// hands them its state and its commit. A removal leaves a record with no value behind, so that
// a merge with another tab's or a file's older copy cannot bring the interview back.
import type { Interview, InterviewRecord } from './persisted.ts';

export type InterviewInput = Pick<Interview, 'name' | 'at' | 'scope'>;
export type InterviewPatch = Partial<Omit<Interview, 'id' | 'createdAt'>>;

export interface InterviewActions {
  /** Adds an interview; returns its id. */
  addInterview: (input: InterviewInput) => string;
  /** Changes an interview (also records readinessAtPast); nothing for an unknown id. */
  updateInterview: (id: string, patch: InterviewPatch) => void;
  /** Removes an interview (the screen asks first). */
  removeInterview: (id: string) => void;
}

interface Deps {
  now: () => number;
  interviews: () => Readonly<Record<string, InterviewRecord>>;
  commit: (interviews: Record<string, InterviewRecord>) => void;
}

/** Live interviews, soonest first (ties by id). */
export function listInterviews(records: Readonly<Record<string, InterviewRecord>>): Interview[] {
  const out: Interview[] = [];
  for (const r of Object.values(records)) if (r.value !== null) out.push(r.value);
  return out.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function interviewActions({ now, interviews, commit }: Deps): InterviewActions {
  /** Later than the record's last change even if the clock went back: the change must win. */
  const put = (id: string, value: Interview | null) => {
    const records = interviews();
    const rev = Math.max(now(), (records[id]?.rev ?? 0) + 1);
    commit({ ...records, [id]: { rev, value } });
  };
  return {
    addInterview(input) {
      const at = now();
      const records = interviews();
      // Time-based, unique among the records (removed ones too: their ids stay taken).
      const base = `iv-${at.toString(36)}`;
      let id = base;
      for (let n = 1; records[id] !== undefined; n++) id = `${base}-${n}`;
      const name = input.name.trim();
      put(id, { id, name, at: input.at, scope: copyScope(input.scope), createdAt: at });
      return id;
    },
    updateInterview(id, patch) {
      const was = interviews()[id]?.value;
      if (!was) return;
      const next: Interview = { ...was, ...patch, id, createdAt: was.createdAt };
      if (patch.scope) next.scope = copyScope(patch.scope);
      if (patch.name !== undefined) next.name = patch.name.trim();
      put(id, next);
    },
    removeInterview(id) {
      if (interviews()[id]?.value) put(id, null);
    },
  };
}

const copyScope = (scope: Interview['scope']): Interview['scope'] => ({
  decks: [...scope.decks],
  tags: [...scope.tags],
});
