// Practice (`#/practice/…`, not in the navigation): a drill or cram session over the set the
// address names (src/study/practiceSet.ts practiceSessionFrom), or, with no set, the cram
// chooser. A new address starts a new session.
import type { DeckContent } from '../../content/deckContent.ts';
import { useHash } from '../../navigation/location.ts';
import { routeParams } from '../../navigation/routes.ts';
import { practiceSessionFrom } from '../../study/practiceSet.ts';
import { CramChooser } from './CramChooser.tsx';
import { PracticeSession } from './PracticeSession.tsx';
import './practice.css';

export interface PracticeScreenProps {
  content: DeckContent;
}

export function PracticeScreen({ content }: PracticeScreenProps) {
  const hash = useHash();
  const session = practiceSessionFrom(routeParams(hash));
  return session === null ? (
    <CramChooser content={content} />
  ) : (
    <PracticeSession key={hash} content={content} session={session} />
  );
}
