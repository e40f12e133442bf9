import { describe, expect, it } from 'vitest';
import { detectLocale } from '../../src/i18n/locale.ts';

describe('the first interface language', () => {
  it.each([
    [['zh-CN'], 'zh'],
    [['zh'], 'zh'],
    [['zh-TW', 'en'], 'zh'],
    [['zh-Hans-SG'], 'zh'],
    [['ZH_cn'], 'zh'],
    [['fr-FR', 'zh-CN', 'en'], 'zh'],
    [['en-US', 'zh-CN'], 'en'],
    [['en-GB'], 'en'],
    [['fr-FR', 'de'], 'en'],
    [[], 'en'],
    [['zhx'], 'en'],
  ] as const)('%j → %s', (languages, locale) => {
    expect(detectLocale(languages)).toBe(locale);
  });
});
