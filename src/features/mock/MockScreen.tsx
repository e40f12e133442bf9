// Mock interview (#/mock, or #/mock/<interviewId> from an interview): a start screen with the
// scope, the settings and past mock interviews; the session, one question at a time; its
// summary. The session in progress lives in the mock store (src/store/mockSessions.ts), so it
// survives a reload or a closed tab; recordings live in this screen's memory only.
import { useState } from 'react';
import { useStore } from 'zustand';
import type { DeckContent } from '../../content/deckContent.ts';
import { useHash } from '../../navigation/location.ts';
import { routeParams } from '../../navigation/routes.ts';
import { now as clockNow } from '../../platform/clock.ts';
import { useProgress } from '../../store/context.tsx';
import { appMockStore, type MockStore } from '../../store/mockSessions.ts';
import type { MockScope } from '../../study/mockInterview.ts';
import { MockRun } from './MockRun.tsx';
import { MockStart } from './MockStart.tsx';
import { MockSummaryView } from './MockSummary.tsx';
import './mock.css';

/** An interview's scope, when the mock interview rehearses one (the interviews screen passes it). */
export interface MockInterviewTarget {
  id: string;
  name: string;
  scope: MockScope;
}

export interface MockScreenProps {
  content: DeckContent;
  /** The interview rehearsed; by default the one the address names (#/mock/<interviewId>). */
  interview?: MockInterviewTarget | undefined;
  store?: MockStore;
  now?: () => number;
}

export function MockScreen({
  content,
  interview,
  store = appMockStore(),
  now = clockNow,
}: MockScreenProps) {
  const interviewId = routeParams(useHash())[0];
  const named = useProgress((s) =>
    interviewId === undefined ? undefined : (s.interviews[interviewId]?.value ?? undefined),
  );
  const target =
    interview ?? (named ? { id: named.id, name: named.name, scope: named.scope } : undefined);
  const active = useStore(store, (s) => s.active);
  const history = useStore(store, (s) => s.history);
  const [viewing, setViewing] = useState<string | null>(null);
  const shown = viewing === null ? undefined : history.find((h) => h.id === viewing);

  if (active) {
    return (
      <MockRun
        key={active.id}
        content={content}
        session={active}
        now={now}
        onAbandon={() => store.getState().setActive(null)}
        onChange={(next) => {
          if (next.finishedAt !== null) setViewing(next.id);
          store.getState().setActive(next);
        }}
      />
    );
  }
  if (shown) {
    return <MockSummaryView content={content} session={shown} onClose={() => setViewing(null)} />;
  }
  return (
    <MockStart content={content} interview={target} store={store} now={now} onOpen={setViewing} />
  );
}
