// The English text of the parts of the app that load on demand: Settings, the data notices and
// the first-run introduction. It loads with them (catalogues.ts: loadScreenText), so the first
// screen does not carry it. The Chinese catalogue (messages.zh.ts) has both parts.
import type { PluralMessage } from './messages.ts';

export const enScreens = {
  // Settings
  'settings.title': 'Settings',
  'settings.interface': 'Interface',
  'settings.language': 'Language',
  'settings.theme': 'Theme',
  'settings.theme.system': 'System',
  'settings.theme.light': 'Light',
  'settings.theme.dark': 'Dark',
  'settings.scheduling': 'Scheduling',
  'settings.scheduling.note':
    'Changes apply to the reviews you do from now on. Cards already scheduled keep their due dates.',
  'settings.retention': 'Desired retention',
  'settings.retention.help':
    'How likely you are to still remember a card when it comes due. Higher means less forgetting but more reviews every day; lower means fewer reviews but more cards forgotten. 0.90 suits most people.',
  'settings.newPerDay': 'New cards per day',
  'settings.maxReviews': 'Maximum reviews per day',
  'settings.maxReviews.help': 'Cards still in their learning steps are never limited.',
  'settings.rollover': 'Next day starts at',
  'settings.rollover.help':
    'Reviews after midnight and before this hour count towards the day before.',
  'settings.learningSteps': 'Learning steps',
  'settings.learningSteps.help':
    'Waits before a new card moves to longer intervals, separated by spaces: m for minutes, h for hours, d for days (e.g. 1m 10m).',
  'settings.relearningSteps': 'Relearning steps',
  'settings.relearningSteps.help': 'Waits after you forget a card (press Again), e.g. 10m.',
  'settings.save': 'Save',
  'settings.defaults': 'Restore defaults',
  'settings.saved': 'Saved. New settings apply from your next review.',
  'settings.reschedule.note':
    'Cards already scheduled keep their dates when you change the retention, unless you move them.',
  'settings.reschedule': 'Move review dates to this retention…',
  'settings.reschedule.title': 'Move review dates?',
  'settings.reschedule.body':
    '{cards} in review will get new due dates, computed for a retention of {retention}. Your review history stays as it is.',
  'settings.reschedule.confirm': 'Move them',
  'settings.reschedule.done': {
    one: '{count} card was moved.',
    other: '{count} cards were moved.',
  },
  'settings.unsaved': 'You have unsaved changes.',
  'settings.invalid': 'Nothing was saved: fix the fields marked above.',
  'settings.error.integer': 'Enter a whole number from {min} to {max}.',
  'settings.error.retention': 'Choose a value from {min} to {max}.',
  'settings.error.stepFormat':
    '“{step}” is not a step. Write numbers with m, h or d, separated by spaces, like 1m 10m 1d.',
  'settings.error.stepRange': '“{step}” is out of range: use 1 to {max} of a unit.',
  'settings.error.stepCount': 'Use at most {max} steps.',
  'settings.intro': 'Introduction',
  'settings.intro.help': 'How the review loop works, what the grades mean, keys and swipes.',
  'settings.intro.show': 'Show the introduction',
  'settings.progress': 'Progress',
  'settings.progress.summary': 'This browser holds {reviews} and the progress of {cards}.',
  'settings.progress.empty': 'No progress yet: there is nothing to reset.',
  'settings.reset': 'Reset all progress…',
  'settings.reset.title': 'Reset all progress?',
  'settings.reset.body':
    'This deletes {reviews} from your history and the progress of {cards}: every card becomes new again. Your settings are kept.',
  'settings.reset.warning': 'This cannot be undone.',
  'settings.reset.confirm': 'Delete all progress',
  'settings.reset.cancel': 'Cancel',
  'settings.reset.done': 'All progress was reset.',
  'count.reviews': { one: '{count} review', other: '{count} reviews' },
  'count.cards': { one: '{count} card', other: '{count} cards' },

  // Your data: export, import, backups, storage problems, edited cards
  'common.cancel': 'Cancel',
  'data.title': 'Your data',
  'data.where':
    'Progress is kept in this browser only (localStorage). Export it to back it up or to move it to another device.',
  'data.transfer': 'Export and import',
  'data.transfer.note':
    'An export holds all progress, the review log and settings; importing merges a file into what is here, card by card, without losing a review.',
  'data.export.button': 'Export progress',
  'data.import.button': 'Import progress…',
  'data.import.refused': 'Nothing was changed: {reason}',
  'data.import.unreadable': 'The file could not be read.',
  'data.import.done': 'Imported: {cards} updated, {reviews} added.',
  'data.import.title': 'Import this file?',
  'data.import.confirm': 'Import',
  'data.import.added': {
    one: '{count} card gets progress it did not have',
    other: '{count} cards get progress they did not have',
  },
  'data.import.replaced': {
    one: '{count} card takes the file’s longer history',
    other: '{count} cards take the file’s longer history',
  },
  'data.import.kept': {
    one: '{count} card keeps this browser’s history (as long or longer)',
    other: '{count} cards keep this browser’s history (as long or longer)',
  },
  'data.import.reviews': {
    one: '{count} review is added to the log',
    other: '{count} reviews are added to the log',
  },
  'data.import.unknown': {
    one: '{count} card is not in the current content; its progress is kept',
    other: '{count} cards are not in the current content; their progress is kept',
  },
  'data.import.settingsChanged': 'The file’s settings replace the current ones.',
  'data.import.settingsSame': 'Settings stay as they are.',
  'data.orphans.title': {
    one: '{count} card’s progress has no card',
    other: '{count} cards’ progress has no card',
  },
  'data.orphans.note':
    'These questions were edited or removed from the content. Attach each one’s progress to the card it became, or discard it.',
  'data.orphans.target': 'Card to attach this progress to',
  'data.orphans.choose': 'Choose a card…',
  'data.orphans.attach': 'Attach',
  'data.orphans.discard': 'Discard',
  'data.orphans.discardTitle': 'Discard this progress?',
  'data.orphans.discardBody':
    'Its {reviews} will be deleted for good. Export your progress first if you may want them back.',
  'data.backups.title': 'Backups',
  'data.backups.note':
    'Copies of saved data that could not be read, or that an earlier version wrote. Download one to keep it or to report a problem.',
  'data.backups.delete': 'Delete',
  'data.backups.deleteTitle': 'Delete this backup?',
  'data.backups.deleteBody':
    'The copy will be gone for good. Your current progress is not affected.',
  'data.notice.unavailable':
    'This browser does not let the app save anything (a private window?). Your reviews last only while this tab is open: export them before you close it.',
  'data.notice.unsaved':
    'Your latest reviews could not be saved: this browser has no room left. They are safe while this tab stays open. Export your progress now, then free some space.',
  'data.notice.unreadable':
    'Some saved progress could not be read, so the app started without it. A copy was kept as a backup; download it to keep it safe. (Details: {reason})',
  'data.notice.unreadableHeld':
    'Some saved progress could not be read, and there is no room for a backup copy. The app will not overwrite it: download it now, then discard it to free the space. (Details: {reason})',
  'data.notice.download': 'Download copy',
  'data.notice.discard': 'Discard damaged data',
  'data.notice.discardConfirm':
    'The damaged data will be deleted for good. Download it first if you may need it.',
  'data.notice.dismiss': 'Dismiss',
  'data.notice.carried': {
    one: 'You edited {count} question; its progress was carried over to the new wording.',
    other: 'You edited {count} questions; their progress was carried over to the new wording.',
  },

  // First run
  'intro.label': 'Introduction',
  'intro.step': 'Step {n} of {total}',
  'intro.loop.title': 'How it works',
  'intro.loop.ask': 'Each card asks one interview question. Answer it in your head or out loud.',
  'intro.loop.check': 'Then show the answer and compare it with yours.',
  'intro.loop.schedule':
    'Cards you know come back after longer and longer gaps, cards you miss come back soon. A few minutes a day is enough.',
  'intro.grades.title': 'Grade yourself honestly',
  'intro.grades.again': 'You forgot, or got it wrong. It comes back in a minute.',
  'intro.grades.hard': 'You got there, with real effort or only in part.',
  'intro.grades.good': 'You knew it after a moment’s thought. Most answers.',
  'intro.grades.easy': 'You knew it at once. It waits the longest.',
  'intro.controls.title': 'Keys and swipes',
  'intro.controls.keys': 'Keyboard: Space or Enter shows the answer, 1 to 4 grade, U undoes.',
  'intro.controls.swipe':
    'Phone: swipe the card sideways to show the answer, then swipe → for Good or ← for Again.',
  'intro.controls.undo':
    'Undo is always at the bottom of the screen. You can see this again in Settings.',
  'intro.skip': 'Skip',
  'intro.back': 'Back',
  'intro.next': 'Next',
  'intro.start': 'Start reviewing',

  // mock (mock interview screen, key points in review)
  'mock.title': 'Mock interview',
  'mock.intro':
    'Answer each question aloud against the clock, then tick the key points you said. Weak cards come up more often.',
  'mock.scope': 'Questions from',
  'mock.scope.decks': 'Decks',
  'mock.scope.tags': 'Tags',
  'mock.scope.help': 'Tick none to take every deck (or every tag).',
  'mock.scope.interview': 'The cards your interview covers.',
  'mock.count': 'Questions',
  'mock.seconds': 'Seconds per question',
  'mock.start': 'Start mock interview',
  'mock.empty': 'No cards match this choice. Tick other decks or tags.',
  'mock.loading': 'Loading the cards…',
  'mock.loadError': 'The cards could not be loaded. Check the connection and try again.',
  'mock.retry': 'Try again',
  'mock.history': 'Past mock interviews',
  'mock.history.empty': 'No mock interviews yet.',
  'mock.history.item': '{date}: {score} of the key points, {questions}',
  'mock.questions': { one: '{count} question', other: '{count} questions' },
  'mock.progress': 'Question {n} of {total}',
  'mock.timer': 'Answer time',
  'mock.timer.left': '{time} left',
  'mock.timer.over': 'Over time by {time}',
  'mock.record': 'Record my answer',
  'mock.record.stop': 'Stop recording',
  'mock.record.on': 'Recording…',
  'mock.record.failed': 'The microphone could not be used ({reason}). Answer without recording.',
  'mock.record.yours': 'Your answer',
  'mock.record.save': 'Save recording',
  'mock.record.note':
    'Recordings stay in this page and are never sent anywhere. They are gone when you leave unless you save them.',
  'mock.answer': 'Model answer',
  'mock.next': 'Next question',
  'mock.finish': 'See the summary',
  'mock.abandon': 'Stop this mock interview',
  'mock.summary': 'Summary',
  'mock.summary.overall': 'You recalled {score} of the key points.',
  'mock.summary.predicted': 'The app predicted {predicted} recall for these cards.',
  'mock.summary.question': 'Question',
  'mock.summary.score': 'Score',
  'mock.summary.time': 'Time',
  'mock.summary.missed': 'Missed points',
  'mock.summary.noneMissed': 'None',
  'mock.summary.noPoints': 'No points',
  'mock.summary.star': 'Star missed cards',
  'mock.summary.starred': {
    one: 'Starred {count} card: it counts as weak.',
    other: 'Starred {count} cards: they count as weak.',
  },
  'mock.summary.again': 'New mock interview',
  'keyPoints.legend': 'Key points: tick what you said',
  'keyPoints.score': '{ticked} of {total} points',
  'keyPoints.suggested': 'Suggested grade: {grade}',
  'settings.keyPoints': 'Key points in review',
  'settings.keyPoints.help':
    'After the answer is shown, tick the points you recalled and the matching grade is suggested.',
} as const satisfies Record<string, string | PluralMessage>;
