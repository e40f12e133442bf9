// The English text of the Stats screen; part of the screens' catalogue (messages.screens.ts).
import type { PluralMessage } from './messages.ts';

export const enStats = {
  'stats.title': 'Statistics',
  'stats.loading': 'Reading your review history…',
  'stats.empty.title': 'No reviews yet',
  'stats.empty.body':
    'Your statistics appear here once you have graded a few cards: reviews per day, what is coming due, how much you remember and how far the predictions hold.',
  'stats.empty.link': 'Start reviewing',
  'stats.reviews': 'Reviews',
  'stats.practice': 'Practice',
  'stats.streak.current': 'Current streak',
  'stats.streak.longest': 'Longest streak',
  'stats.days': { one: '{count} day', other: '{count} days' },
  'stats.table': 'Show the figures as a table',
  'stats.today': 'Today',
  'stats.less': 'Less',
  'stats.more': 'More',
  'stats.share': '{percent} of {count}',
  'stats.col.month': 'Month',
  'stats.col.days': 'Days studied',
  'stats.col.day': 'Day',
  'stats.col.due': 'Cards due',
  'stats.col.week': 'Week',
  'stats.col.young': 'Young',
  'stats.col.mature': 'Mature',
  'stats.col.time': 'Time answering',
  'stats.col.timed': 'Timed grades',
  'stats.col.range': 'Predicted recall',
  'stats.col.predicted': 'Mean predicted',
  'stats.col.actual': 'Recalled',
  'stats.heatmap.title': 'Reviews per day',
  'stats.heatmap.cell': '{date}: reviews {reviews}, practice {practice}',
  'stats.heatmap.summary':
    'Last 12 months: reviews {reviews}, practice {practice}, days studied {days}.',
  'stats.heatmap.note':
    'Practice (drilled cards that were not due) keeps a streak going but does not count towards retention or the predictions below.',
  'stats.forecast.title': 'Due in the next 30 days',
  'stats.forecast.summary':
    'Cards due in the next 30 days: {total}. Today: {today}, of which {overdue} overdue.',
  'stats.retention.title': 'True retention per week',
  'stats.retention.summary':
    'Share of reviews not answered Again, in the weeks with reviews (up to the last 12): young cards {young}, mature cards {mature}.',
  'stats.retention.help':
    'Young cards were on an interval under 21 days, mature ones on 21 days or more. Only cards already in review count; practice does not.',
  'stats.retention.none':
    'No reviews of cards in review yet: retention shows once cards come back a day or more after you learned them.',
  'stats.states.title': 'Cards by state',
  'stats.state.new': 'New',
  'stats.state.learning': 'Learning',
  'stats.state.relearning': 'Relearning',
  'stats.state.review': 'Review',
  'stats.state.suspended': 'Suspended',
  'stats.state.leech': 'Leeches',
  'stats.state.starred': 'Starred',
  'stats.states.note':
    'Of {total} cards. Suspended cards, leeches and starred cards are counted in their state too.',
  'stats.time.title': 'Time spent per day',
  'stats.time.summary':
    'Last 30 days: {total} answering, over {timed} timed grades ({average} each on average).',
  'stats.time.none': 'No answer times recorded in the last 30 days.',
  'stats.time.untimed': {
    one: '{count} grade in these days has no answer time (it was recorded before times were, or imported without one).',
    other:
      '{count} grades in these days have no answer time (they were recorded before times were, or imported without one).',
  },
  'stats.calibration.title': 'How far the predictions hold',
  'stats.calibration.rmse': 'RMSE over bins: {rmse}.',
  'stats.calibration.explain':
    'Each dot groups reviews by the recall the scheduler predicted for them (across) and shows the share you actually recalled (up); on the dashed diagonal the predictions hold exactly. The RMSE is the typical gap between the two (0.05 means 5 percentage points): FSRS-6 averages about 0.05 on the srs-benchmark data set, so a figure near it means the readiness estimate can be trusted. With few reviews it is noisy.',
  'stats.calibration.count':
    'Reviews scored: {count}. Not scored: {sameDay} taken on the day of the card’s previous review, {other} with no earlier review in the log.',
  'stats.calibration.none':
    'Nothing to check yet: predictions are checked on reviews taken a day or more after the card’s previous one.',
  'stats.axis.predicted': 'Predicted recall',
  'stats.axis.actual': 'Actually recalled',
} as const satisfies Record<string, string | PluralMessage>;
