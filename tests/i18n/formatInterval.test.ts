import { describe, expect, it } from 'vitest';
import { formatInterval } from '../../src/i18n/format.ts';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('formatInterval', () => {
  it.each<[number, string]>([
    [Number.NaN, '<1m'],
    [-5 * M, '<1m'],
    [0, '<1m'],
    [59 * S, '<1m'],
    [M, '1m'],
    [89 * S, '1m'],
    [90 * S, '2m'],
    [6 * M, '6m'],
    [10 * M, '10m'],
    [59 * M, '59m'],
    [59 * M + 29 * S, '59m'],
    [59 * M + 30 * S, '1h'],
    [H, '1h'],
    [90 * M, '2h'],
    [3 * H, '3h'],
    [23 * H, '23h'],
    [23 * H + 29 * M, '23h'],
    [23 * H + 30 * M, '1d'],
    [D, '1d'],
    [3 * D, '3d'],
    [29 * D, '29d'],
    [29 * D + 11 * H, '29d'],
    [29 * D + 12 * H, '1mo'],
    [30 * D, '1mo'],
    [45 * D, '1.5mo'],
    [63 * D, '2.1mo'],
    [364 * D, '12.1mo'],
    [365 * D, '1y'],
    [475 * D, '1.3y'],
    [36500 * D, '100y'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatInterval(ms)).toBe(text);
  });
});
