// Printing: plain-text tables, units, and the list of budgets with their verdicts.
// Sizes are in kB of 1,000 bytes (as Vite prints them); times in milliseconds.

export const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
export const ms = (t: number): string => (Number.isFinite(t) ? `${t.toFixed(1)} ms` : 'n/a');
export const seconds = (t: number): string => `${(t / 1000).toFixed(1)} s`;
export const count = (n: number): string => n.toLocaleString('en-US');
/** A series as "median (min–max)". */
export const spread = (s: { median: number; min: number; max: number }): string =>
  `${ms(s.median)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;
export const diff = (a: number, b: number): string =>
  `${a - b >= 0 ? '+' : ''}${(a - b).toFixed(1)} ms`;
export const chars = (n: number): string => `${count(Math.round(n))} chars`;

/** A table with a header row; numeric-looking cells are right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const right = (cell: string) => /^[-+≤<>~]?\s?[\d.,]+/.test(cell) || cell === 'n/a';
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (right(c) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export interface Budget {
  name: string;
  ok: boolean;
  detail: string;
  /** An aim (a timing figure on a noisy machine): reported MET or MISSED, never fails the run. */
  aim?: boolean;
}

export class Budgets {
  readonly list: Budget[] = [];

  check(name: string, ok: boolean, detail: string): boolean {
    this.list.push({ name, ok, detail });
    return ok;
  }

  /** Timings are figures, not pass/fail (the machines are noisy): report how they compare. */
  aim(name: string, ok: boolean, detail: string): boolean {
    this.list.push({ name, ok, detail, aim: true });
    return ok;
  }

  get failed(): Budget[] {
    return this.list.filter((b) => !b.ok && !b.aim);
  }

  render(): string {
    const word = (b: Budget) => (b.aim ? (b.ok ? 'MET ' : 'MISS') : b.ok ? 'PASS' : 'FAIL');
    return this.list.map((b) => `${word(b)}  ${b.name}: ${b.detail}`).join('\n');
  }
}

export class Output {
  private readonly lines: string[] = [];

  heading(text: string): void {
    this.lines.push('', text, '='.repeat(text.length));
  }

  section(text: string): void {
    this.lines.push('', `## ${text}`);
  }

  line(text = ''): void {
    this.lines.push(text);
  }

  block(text: string): void {
    this.lines.push(...text.split('\n').map((l) => (l ? `  ${l}` : l)));
  }

  /** The lines so far, taken out: printed as soon as a part of the bench is done. */
  flush(): string {
    const text = this.lines.join('\n');
    this.lines.length = 0;
    return text;
  }
}
