import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatDueTime,
  formatInterval,
  formatHour,
  formatIntervalLong,
  formatIntervalShort,
  intervalParts,
} from '../../src/i18n/format.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('intervals for the locale', () => {
  it('keep the compact English form of the scheduler on the buttons', () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 40 * 365 * DAY, noNaN: true }), (ms) => {
        expect(formatIntervalShort(ms, 'en')).toBe(formatInterval(ms));
      }),
    );
  });

  it('use the same units and rounding as the English form', () => {
    const abbreviation = { minute: 'm', hour: 'h', day: 'd', month: 'mo', year: 'y' } as const;
    fc.assert(
      fc.property(fc.double({ min: 0, max: 40 * 365 * DAY, noNaN: true }), (ms) => {
        const { lessThanOne, value, unit } = intervalParts(ms);
        const compact = lessThanOne ? '<1m' : `${value}${abbreviation[unit]}`;
        expect(compact).toBe(formatInterval(ms));
      }),
    );
  });

  it("write Intl's words without asking it, up to 10,000 years", () => {
    const intl = (value: number, unit: string, display: 'short' | 'long', tag: string) =>
      new Intl.NumberFormat(tag, {
        style: 'unit',
        unit,
        unitDisplay: display,
        maximumFractionDigits: 1,
      }).format(value);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 1, max: 2 * 365 * 24 * 60 }).map((minutes) => minutes * MIN),
          fc.double({ min: 60_000, max: 10_000 * 365 * DAY, noNaN: true }),
        ),
        (ms) => {
          const { value, unit } = intervalParts(ms);
          expect(formatIntervalLong(ms, 'en')).toBe(intl(value, unit, 'long', 'en'));
          expect(formatIntervalLong(ms, 'zh')).toBe(intl(value, unit, 'long', 'zh-CN'));
          expect(formatIntervalShort(ms, 'zh')).toBe(intl(value, unit, 'short', 'zh-CN'));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it.each([
    [1_234 * 365 * DAY, '1,234年', '1,234 years', '1,234年'],
    [30_000, '<1分钟', 'less than a minute', '不到1分钟'],
    [MIN, '1分钟', '1 minute', '1分钟'],
    [10 * MIN, '10分钟', '10 minutes', '10分钟'],
    [3 * HOUR, '3小时', '3 hours', '3小时'],
    [3 * DAY, '3天', '3 days', '3天'],
    [64 * DAY, '2.1个月', '2.1 months', '2.1个月'],
    [475 * DAY, '1.3年', '1.3 years', '1.3年'],
  ])('%d ms: zh "%s"; long en "%s", zh "%s"', (ms, zhShort, enLong, zhLong) => {
    expect(formatIntervalShort(ms, 'zh')).toBe(zhShort);
    expect(formatIntervalLong(ms, 'en')).toBe(enLong);
    expect(formatIntervalLong(ms, 'zh')).toBe(zhLong);
  });
});

describe('times for the locale', () => {
  // 10:00 on Friday 27 Nov 2026 in Asia/Shanghai (the unit tests' time zone).
  const now = Date.UTC(2026, 10, 27, 2, 0);

  it('show a time today, a weekday within the week, a date beyond', () => {
    expect(formatDueTime(now + 10 * MIN, now, 'en')).toBe('10:10 AM');
    expect(formatDueTime(now + 10 * MIN, now, 'zh')).toBe('10:10');
    expect(formatDueTime(now + 3 * DAY, now, 'en')).toMatch(/^Mon,? 10:00 AM$/);
    expect(formatDueTime(now + 3 * DAY, now, 'zh')).toMatch(/^周一\s?10:00$/);
    expect(formatDueTime(now + 30 * DAY, now, 'en')).toMatch(/Dec 27/);
    expect(formatDueTime(now + 30 * DAY, now, 'zh')).toMatch(/12月27日/);
  });

  it('write the rollover hour as a time of day', () => {
    expect(formatHour(4, 'en')).toBe('4:00 AM');
    expect(formatHour(0, 'en')).toBe('12:00 AM');
    expect(formatHour(4, 'zh')).toBe('04:00');
    expect(formatHour(23, 'zh')).toBe('23:00');
  });
});
