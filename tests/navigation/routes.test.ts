// The screen table: every route has a screen, a label and its text in both languages.
import { describe, expect, it } from 'vitest';
import { SCREENS } from '../../src/app/screens.tsx';
import { enFirstScreen } from '../../src/i18n/messages.ts';
import { zh } from '../../src/i18n/messages.zh.ts';
import {
  DEFAULT_ROUTE,
  hrefFor,
  hrefWith,
  labelOf,
  NAV_ROUTES,
  routeFromHash,
  routeNameOf,
  routeParams,
  ROUTES,
  SCREEN_ROUTES,
} from '../../src/navigation/routes.ts';

describe('the screen table', () => {
  it('lists the screens of today, Review first (the default, built into the page)', () => {
    expect(ROUTES).toEqual([
      'review',
      'browse',
      'weak',
      'stats',
      'interview',
      'settings',
      'decks',
      'practice',
      'mock',
    ]);
    expect(DEFAULT_ROUTE).toBe('review');
    expect(NAV_ROUTES.map((s) => s.route)).toEqual([
      'review',
      'browse',
      'weak',
      'stats',
      'interview',
      'settings',
    ]);
  });

  it('gives every route a screen, and no screen without a route', () => {
    expect(Object.keys(SCREENS).sort()).toEqual([...ROUTES].sort());
    for (const route of ROUTES) {
      expect(SCREENS[route].component, route).toBeTruthy();
      expect(SCREENS[route].icon, route).toBeTruthy();
    }
    // The default screen is drawn at once (the page built at build time holds it).
    expect(SCREENS[DEFAULT_ROUTE].lazy).toBe(false);
  });

  it('has one entry per route, each with a label in English and Chinese', () => {
    expect(new Set(ROUTES).size).toBe(ROUTES.length);
    for (const { route, label } of SCREEN_ROUTES) {
      expect(route, route).toMatch(/^[a-z][a-z-]*$/);
      expect(label in enFirstScreen, `${route}: ${label} in English`).toBe(true);
      expect(String(enFirstScreen[label]).trim(), label).not.toBe('');
      expect(String(zh[label] ?? '').trim(), `${route}: ${label} in Chinese`).not.toBe('');
      expect(labelOf(route)).toBe(label);
    }
    expect(labelOf('review')).toBe('nav.review');
    expect(labelOf('settings')).toBe('nav.settings');
  });

  it('keeps the navigation labels apart in each language', () => {
    const labels = NAV_ROUTES.map((s) => s.label);
    expect(new Set(labels.map((k) => enFirstScreen[k])).size).toBe(labels.length);
    expect(new Set(labels.map((k) => zh[k])).size).toBe(labels.length);
  });
});

describe('links and hashes', () => {
  it('link each route to itself', () => {
    expect(hrefFor('settings')).toBe('#/settings');
    for (const route of ROUTES) expect(routeFromHash(hrefFor(route))).toBe(route);
  });

  it('read the first part of the hash, and fall back to the default', () => {
    expect(routeNameOf('#/settings?x=1')).toBe('settings');
    expect(routeNameOf('#settings/deep')).toBe('settings');
    expect(routeNameOf('')).toBe('');
    expect(routeFromHash('#/settings/data')).toBe('settings');
    expect(routeFromHash('')).toBe('review');
    expect(routeFromHash('#/')).toBe('review');
    expect(routeFromHash('#/nowhere')).toBe('review');
    expect(routeFromHash('#/Settings')).toBe('review');
  });

  it('read the parameters after the route, decoded, without the query', () => {
    expect(routeFromHash('#/practice/deck/rnn')).toBe('practice');
    expect(routeParams('#/practice/deck/rnn')).toEqual(['deck', 'rnn']);
    expect(routeParams('#/practice/tag/%E6%A2%AF%E5%BA%A6?x=1')).toEqual(['tag', '梯度']);
    expect(routeParams('#practice//random/12/')).toEqual(['random', '12']);
    expect(routeParams('#/practice/tag/%E0%A4%A')).toEqual(['tag', '%E0%A4%A']);
    expect(routeParams('#/weak')).toEqual([]);
    expect(routeParams('')).toEqual([]);
  });

  it('link to a route with parameters, each encoded', () => {
    expect(hrefWith('practice', 'tag', 'a/b c')).toBe('#/practice/tag/a%2Fb%20c');
    expect(routeParams(hrefWith('practice', 'tag', 'a/b c'))).toEqual(['tag', 'a/b c']);
    expect(hrefWith('weak')).toBe('#/weak');
  });
});
