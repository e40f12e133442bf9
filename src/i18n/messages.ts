// Every piece of interface text, in English and Simplified Chinese. Card content is not here: it
// is shown as written.
//
// - `{name}` is a placeholder, filled by `t(key, { name })`; TypeScript checks the names.
// - An object is a plural message, chosen with Intl.PluralRules by `plural(key, count)`;
//   `{count}` is the count, formatted for the locale. Chinese has only `other`.
// - `zh` must have exactly the keys of `en`, each of the same kind (text or plural): the type
//   `Catalogue` enforces it, and tests/i18n/messages.test.ts checks the placeholders match.

export interface PluralMessage {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

const enMessages = {
  // Shell
  'app.name': 'RNN flashcards',
  'app.documentTitle': 'RNN interview flashcards',
  'app.pageTitle': '{page} · RNN flashcards',
  'nav.label': 'Main',
  'nav.review': 'Review',
  'nav.settings': 'Settings',

  // Review
  'review.label': 'Review',
  'review.counts': 'Cards left today',
  'review.count.new': 'New',
  'review.count.learning': 'Learning',
  'review.count.review': 'Review',
  'review.answer': 'Answer',
  'review.sources': 'Sources',
  'review.showAnswer': 'Show answer',
  'review.key.space': 'Space',
  'review.grades': 'Grade your answer',
  'review.undo': 'Undo',
  'review.swipeHint.question': 'Swipe the card sideways to show the answer',
  'review.swipeHint.answer': 'Swipe ← Again · → Good',
  'review.graded': '{grade} · back in {interval}',
  'review.undone': 'Grade undone',
  'review.picture': 'Picture',
  'review.closePicture': 'Close',
  'grade.again': 'Again',
  'grade.hard': 'Hard',
  'grade.good': 'Good',
  'grade.easy': 'Easy',

  // Review: empty states
  'done.soon': 'Nothing due right now',
  'done.today': 'Done for today',
  'done.emptyTitle': 'No cards yet',
  'done.next': 'The next card is due in {interval} ({time}).',
  'done.keepOpen': 'Keep this tab open and it will appear by itself.',
  'done.comeBack': 'Come back then.',
  'done.moreNew': 'To learn more new cards today, raise the new cards per day in {settings}.',
  'done.newOff':
    'New cards are set to 0 a day, so nothing new will come. Raise the limit in {settings}.',
  'done.limitsOff':
    'Your daily limits are set to 0, so nothing is scheduled. Raise them in {settings}.',
  'done.settingsLink': 'Settings',
  'done.noCards':
    'There are no cards yet. Add a Markdown file of questions to the content folder and rebuild.',

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
} as const satisfies Record<string, string | PluralMessage>;

export type MessageKey = keyof typeof enMessages;

/** A catalogue: the keys of `en`, each a string where `en` has one, a plural where `en` has one. */
export type Catalogue = {
  readonly [K in MessageKey]: (typeof enMessages)[K] extends string ? string : PluralMessage;
};

/** Keys of plain text messages. */
export type TextKey = {
  [K in MessageKey]: (typeof enMessages)[K] extends string ? K : never;
}[MessageKey];

/** Keys of plural messages. */
export type PluralKey = Exclude<MessageKey, TextKey>;

type PlaceholdersOf<S> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholdersOf<Rest>
  : never;

/** The placeholder names of a message, as written in English (`count` excluded for plurals). */
export type Placeholders<K extends MessageKey> = (typeof enMessages)[K] extends string
  ? PlaceholdersOf<(typeof enMessages)[K]>
  : Exclude<PlaceholdersOf<(typeof enMessages)[K][keyof (typeof enMessages)[K]]>, 'count'>;

export const en: Catalogue = enMessages;

export const zh: Catalogue = {
  'app.name': 'RNN 面试卡片',
  'app.documentTitle': 'RNN 面试卡片',
  'app.pageTitle': '{page} · RNN 面试卡片',
  'nav.label': '主导航',
  'nav.review': '复习',
  'nav.settings': '设置',

  'review.label': '复习',
  'review.counts': '今天剩余的卡片',
  'review.count.new': '新卡片',
  'review.count.learning': '学习中',
  'review.count.review': '待复习',
  'review.answer': '答案',
  'review.sources': '参考来源',
  'review.showAnswer': '显示答案',
  'review.key.space': '空格',
  'review.grades': '为你的回答评分',
  'review.undo': '撤销',
  'review.swipeHint.question': '左右滑动卡片显示答案',
  'review.swipeHint.answer': '滑动：← 重来 · → 良好',
  'review.graded': '{grade} · {interval}后再见',
  'review.undone': '已撤销评分',
  'review.picture': '图片',
  'review.closePicture': '关闭',
  'grade.again': '重来',
  'grade.hard': '困难',
  'grade.good': '良好',
  'grade.easy': '简单',

  'done.soon': '现在没有到期的卡片',
  'done.today': '今天的复习完成了',
  'done.emptyTitle': '还没有卡片',
  'done.next': '下一张卡片在{interval}后到期（{time}）。',
  'done.keepOpen': '保持此页面打开，卡片到期时会自动出现。',
  'done.comeBack': '到时再来吧。',
  'done.moreNew': '想今天多学新卡片，可以在{settings}里调高每天新卡片数量。',
  'done.newOff': '每天新卡片数量设为 0，所以不会出现新卡片。请在{settings}里调高。',
  'done.limitsOff': '每天的数量上限都设为 0，所以没有安排任何复习。请在{settings}里调高。',
  'done.settingsLink': '设置',
  'done.noCards': '还没有卡片。在 content 文件夹里添加一个 Markdown 问答文件，然后重新构建。',

  'settings.title': '设置',
  'settings.interface': '界面',
  'settings.language': '语言',
  'settings.theme': '主题',
  'settings.theme.system': '跟随系统',
  'settings.theme.light': '浅色',
  'settings.theme.dark': '深色',
  'settings.scheduling': '复习安排',
  'settings.scheduling.note': '更改只影响今后的复习，已经安排好的卡片保持原来的到期时间。',
  'settings.retention': '目标记忆保持率',
  'settings.retention.help':
    '卡片到期时你仍然记得它的概率。调高会忘得更少，但每天要复习更多；调低则复习更少，但会忘记更多卡片。大多数人用 0.90 就合适。',
  'settings.newPerDay': '每天新卡片数量',
  'settings.maxReviews': '每天最多复习数',
  'settings.maxReviews.help': '仍在学习步骤中的卡片不受此限制。',
  'settings.rollover': '新的一天开始于',
  'settings.rollover.help': '午夜之后、这个时间之前的复习算作前一天。',
  'settings.learningSteps': '学习步骤',
  'settings.learningSteps.help':
    '新卡片进入较长间隔之前的等待时间，用空格分隔：m 表示分钟，h 表示小时，d 表示天（例如 1m 10m）。',
  'settings.relearningSteps': '重学步骤',
  'settings.relearningSteps.help': '忘记一张卡片（按“重来”）之后的等待时间，例如 10m。',
  'settings.save': '保存',
  'settings.defaults': '恢复默认值',
  'settings.saved': '已保存。新设置从下一次复习起生效。',
  'settings.unsaved': '有尚未保存的更改。',
  'settings.invalid': '没有保存：请先修正上面标出的字段。',
  'settings.error.integer': '请输入 {min} 到 {max} 之间的整数。',
  'settings.error.retention': '请选择 {min} 到 {max} 之间的值。',
  'settings.error.stepFormat':
    '“{step}”不是有效的步骤。请写数字加 m、h 或 d，用空格分隔，例如 1m 10m 1d。',
  'settings.error.stepRange': '“{step}”超出范围：每个步骤应为 1 到 {max} 个单位。',
  'settings.error.stepCount': '最多 {max} 个步骤。',
  'settings.intro': '使用说明',
  'settings.intro.help': '复习流程如何运作、各个评分的含义、按键和滑动手势。',
  'settings.intro.show': '查看使用说明',
  'settings.progress': '学习进度',
  'settings.progress.summary': '此浏览器保存了 {reviews}，以及 {cards}的进度。',
  'settings.progress.empty': '还没有学习进度，无需重置。',
  'settings.reset': '重置全部进度…',
  'settings.reset.title': '确定重置全部进度吗？',
  'settings.reset.body':
    '这会删除历史中的 {reviews}和 {cards}的进度：所有卡片都会重新变成新卡片。你的设置会保留。',
  'settings.reset.warning': '此操作无法撤销。',
  'settings.reset.confirm': '删除全部进度',
  'settings.reset.cancel': '取消',
  'settings.reset.done': '已重置全部进度。',
  'count.reviews': { other: '{count} 次复习记录' },
  'count.cards': { other: '{count} 张卡片' },

  // Your data: export, import, backups, storage problems, edited cards
  'common.cancel': '取消',
  'data.title': '你的数据',
  'data.where': '学习进度只保存在这个浏览器里（localStorage）。导出它来备份，或搬到另一台设备。',
  'data.transfer': '导出与导入',
  'data.transfer.note':
    '导出文件包含全部进度、复习记录和设置；导入会按卡片合并到现有数据中，不会丢失任何一次复习。',
  'data.export.button': '导出进度',
  'data.import.button': '导入进度…',
  'data.import.refused': '没有做任何更改：{reason}',
  'data.import.done': '已导入：更新 {cards}，新增 {reviews}。',
  'data.import.title': '导入这个文件？',
  'data.import.confirm': '导入',
  'data.import.added': { other: '{count} 张卡片获得原本没有的进度' },
  'data.import.replaced': { other: '{count} 张卡片采用文件中更长的记录' },
  'data.import.kept': { other: '{count} 张卡片保留本浏览器的记录（一样长或更长）' },
  'data.import.reviews': { other: '复习记录新增 {count} 条' },
  'data.import.unknown': { other: '{count} 张卡片不在当前内容中，它们的进度会被保留' },
  'data.import.settingsChanged': '文件中的设置将替换当前设置。',
  'data.import.settingsSame': '设置保持不变。',
  'data.orphans.title': { other: '{count} 张卡片的进度找不到对应的卡片' },
  'data.orphans.note': '这些问题已在内容中被修改或删除。把进度关联到它变成的那张卡片，或者丢弃它。',
  'data.orphans.target': '要关联此进度的卡片',
  'data.orphans.choose': '选择卡片…',
  'data.orphans.attach': '关联',
  'data.orphans.discard': '丢弃',
  'data.orphans.discardTitle': '丢弃这份进度？',
  'data.orphans.discardBody': '它的 {reviews} 将被永久删除。如果以后可能还需要，请先导出进度。',
  'data.backups.title': '备份',
  'data.backups.note':
    '无法读取的已保存数据，或旧版本写下的数据的副本。可以下载保存，或用来报告问题。',
  'data.backups.delete': '删除',
  'data.backups.deleteTitle': '删除这个备份？',
  'data.backups.deleteBody': '这个副本将被永久删除。当前进度不受影响。',
  'data.notice.unavailable':
    '这个浏览器不允许应用保存任何数据（是无痕窗口吗？）。复习进度只在此标签页打开期间有效：关闭前请先导出。',
  'data.notice.unsaved':
    '最近的复习没能保存：浏览器的存储空间已满。只要此标签页不关闭，它们就是安全的。请立即导出进度，然后释放一些空间。',
  'data.notice.unreadable':
    '有一部分已保存的进度无法读取，应用已在没有它的情况下启动。它的副本已作为备份保留，下载下来妥善保存。（详情：{reason}）',
  'data.notice.unreadableHeld':
    '有一部分已保存的进度无法读取，而且没有空间保存备份副本。应用不会覆盖它：请立即下载，然后丢弃以释放空间。（详情：{reason}）',
  'data.notice.download': '下载副本',
  'data.notice.discard': '丢弃损坏的数据',
  'data.notice.discardConfirm': '损坏的数据将被永久删除。如果可能还需要，请先下载。',
  'data.notice.dismiss': '关闭',
  'data.notice.carried': { other: '你修改了 {count} 个问题，它们的进度已转到新的措辞上。' },

  'intro.label': '使用说明',
  'intro.step': '第 {n} 步，共 {total} 步',
  'intro.loop.title': '怎么用',
  'intro.loop.ask': '每张卡片是一道面试题。先在心里（或说出声）回答。',
  'intro.loop.check': '然后显示答案，和你的回答对照。',
  'intro.loop.schedule': '记得的卡片，间隔会越来越长；忘了的卡片，很快会再出现。每天几分钟就够了。',
  'intro.grades.title': '如实给自己评分',
  'intro.grades.again': '忘了或答错了。一分钟后再出现。',
  'intro.grades.hard': '答出来了，但很吃力或只答对一部分。',
  'intro.grades.good': '稍想一下就答出来了。大多数时候选它。',
  'intro.grades.easy': '一看就会。下次间隔最长。',
  'intro.controls.title': '按键与滑动',
  'intro.controls.keys': '键盘：空格或回车显示答案，1 到 4 评分，U 撤销。',
  'intro.controls.swipe': '手机：左右滑动卡片显示答案，然后向右滑 → 选“良好”，向左滑 ← 选“重来”。',
  'intro.controls.undo': '“撤销”按钮一直在屏幕底部。以后可以在设置里再次查看这些说明。',
  'intro.skip': '跳过',
  'intro.back': '上一步',
  'intro.next': '下一步',
  'intro.start': '开始复习',
};

export const CATALOGUES: Readonly<Record<'en' | 'zh', Catalogue>> = { en, zh };
