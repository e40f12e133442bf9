// The form's date and time: read as the local calendar says, years 0–99 included, and bounded.
import { describe, expect, it } from 'vitest';
import {
  MAX_YEARS_AHEAD,
  latestInterviewAt,
  localInputs,
  parseLocal,
  withinInterviewRange,
} from '../../../src/features/interview/InterviewForm.tsx';

// The tests' zone is Asia/Shanghai (UTC+8, no DST since 1991).
const NOW = Date.UTC(2026, 10, 27, 2, 0); // 10:00 local, 27 Nov 2026

describe('parseLocal', () => {
  it('reads years 0–99 as written, not as 1900–1999', () => {
    const at = parseLocal('0050-06-01', '09:00')!;
    expect(new Date(at).getFullYear()).toBe(50);
    expect(localInputs(at)).toEqual({ date: '0050-06-01', time: '09:00' });
  });

  it('reads a local date and time, and refuses one that does not exist', () => {
    expect(parseLocal('2026-11-28', '14:00')).toBe(Date.UTC(2026, 10, 28, 6, 0));
    expect(parseLocal('2026-02-30', '14:00')).toBeNull();
    expect(parseLocal('2026-11-28', '24:00')).toBeNull();
    expect(parseLocal('', '14:00')).toBeNull();
  });
});

describe('the dates an interview may take', () => {
  it('from 1970 (what storage holds) to five calendar years ahead', () => {
    expect(MAX_YEARS_AHEAD).toBe(5);
    expect(latestInterviewAt(NOW)).toBe(Date.UTC(2031, 10, 27, 2, 0));
    expect(withinInterviewRange(0, NOW)).toBe(true);
    expect(withinInterviewRange(-1, NOW)).toBe(false);
    expect(withinInterviewRange(parseLocal('1960-01-01', '09:00')!, NOW)).toBe(false);
    expect(withinInterviewRange(Date.UTC(2031, 10, 27, 2, 0), NOW)).toBe(true);
    expect(withinInterviewRange(Date.UTC(2031, 10, 27, 2, 1), NOW)).toBe(false);
  });
});
