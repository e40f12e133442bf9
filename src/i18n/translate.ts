// A translator for one locale: typed keys, `{name}` placeholders, plurals by Intl.PluralRules.
import type { Locale } from './locale.ts';
import { languageTag } from './locale.ts';
import { catalogue as catalogueOf } from './catalogues.ts';
import type { MessageKey, PluralKey, PluralMessage, Placeholders, TextKey } from './messages.ts';

export type ParamValue = string | number;

/** No argument for a message without placeholders; an object naming each one otherwise. */
export type ParamsArg<K extends TextKey | PluralKey> = [Placeholders<K>] extends [never]
  ? []
  : [params: Record<Placeholders<K>, ParamValue>];

/** `Allowed`: the keys it offers (useT offers the first screen's; see i18n.tsx). */
export interface Translator<Allowed extends MessageKey = MessageKey> {
  readonly locale: Locale;
  /** The BCP 47 tag for `lang` attributes and `Intl`. */
  readonly tag: string;
  t<K extends TextKey & Allowed>(key: K, ...params: ParamsArg<K>): string;
  /** A plural message for `count` (also put in `{count}`, formatted for the locale). */
  plural<K extends PluralKey & Allowed>(key: K, count: number, ...params: ParamsArg<K>): string;
  /** Numbers in the locale's form. */
  number(value: number, options?: Intl.NumberFormatOptions): string;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** Replaces `{name}` with `params[name]`; numbers are formatted; unknown names stay as written. */
export function interpolate(
  message: string,
  params: Readonly<Record<string, ParamValue>>,
  formatNumber: (n: number) => string,
): string {
  return message.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

/** The placeholder names in a message, in order of appearance. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

export function createTranslator(locale: Locale): Translator {
  const tag = languageTag(locale);
  // A language not loaded yet reads as English (the app loads it before showing it).
  const catalogue = catalogueOf(locale) ?? catalogueOf('en')!;
  // Intl's formatters are made on first use: the first one a page makes costs some 15 ms (its
  // locale data), and the first screen needs none. Whole numbers below 1,000 read the same in
  // both languages with or without them (no grouping, ASCII digits).
  let numberFormat: Intl.NumberFormat | undefined;
  let pluralRules: Intl.PluralRules | undefined;
  const formatNumber = (n: number) =>
    Number.isInteger(n) && Math.abs(n) < 1000
      ? String(n)
      : (numberFormat ??= new Intl.NumberFormat(tag)).format(n);
  const paramsOf = (args: readonly unknown[]) =>
    (args[0] ?? {}) as Readonly<Record<string, ParamValue>>;

  return {
    locale,
    tag,
    t(key, ...args) {
      return interpolate(catalogue[key] as string, paramsOf(args), formatNumber);
    },
    plural(key, count, ...args) {
      const forms = catalogue[key] as PluralMessage;
      const form = forms[(pluralRules ??= new Intl.PluralRules(tag)).select(count)] ?? forms.other;
      return interpolate(form, { ...paramsOf(args), count }, formatNumber);
    },
    number(value, options) {
      return options ? new Intl.NumberFormat(tag, options).format(value) : formatNumber(value);
    },
  };
}
