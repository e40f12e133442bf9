// Lighthouse 12.2.3 (its default config: a mobile phone, simulated slow 4G and 4× CPU) through
// its own command line, which starts Chromium with chrome-launcher; CHROME_PATH names the binary.
// Performance is the one category that moves between runs: it gets a second attempt.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from './browser.ts';
import { ROOT } from './app.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
] as const;

export interface LighthouseRun {
  version: string;
  /** 0–100 per category. */
  scores: Record<Category, number>;
  metrics: Record<string, string>;
  /** Audits that cost points: `category: title (value)`. */
  failing: string[];
  /** Audits Lighthouse could not run against this Chromium (none of them is scored). */
  errored: string[];
}

export interface LighthouseResult {
  attempts: LighthouseRun[];
  /** Best performance over the attempts; the other categories from the first one. */
  scores: Record<Category, number>;
  error?: string;
}

interface Report {
  lighthouseVersion: string;
  runtimeError?: { message: string };
  categories: Record<
    Category,
    { score: number | null; auditRefs: { id: string; weight: number }[] }
  >;
  audits: Record<
    string,
    { title: string; score: number | null; displayValue?: string; scoreDisplayMode?: string }
  >;
}

function runOnce(url: string): Promise<LighthouseRun> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rnn-bench-lighthouse-'));
  const out = path.join(dir, 'report.json');
  const cli = path.join(ROOT, 'node_modules', 'lighthouse', 'cli', 'index.js');
  const args = [
    cli,
    url,
    '--quiet',
    '--output=json',
    `--output-path=${out}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    `--chrome-flags=${CHROMIUM_ARGS.join(' ')}`,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, CHROME_PATH: CHROMIUM },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        if (code !== 0) throw new Error(`lighthouse exited with ${code}: ${stderr.trim()}`);
        const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
        if (report.runtimeError) throw new Error(report.runtimeError.message);
        const scores = {} as Record<Category, number>;
        const failing: string[] = [];
        for (const c of CATEGORIES) {
          const category = report.categories[c];
          scores[c] = Math.round((category.score ?? 0) * 100);
          for (const ref of category.auditRefs) {
            const audit = report.audits[ref.id];
            if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
            failing.push(
              `${c}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''} — score ${audit.score}`,
            );
          }
        }
        const metrics: Record<string, string> = {};
        for (const m of METRICS) metrics[m] = report.audits[m]?.displayValue ?? 'n/a';
        const errored = Object.entries(report.audits)
          .filter(([, a]) => a.scoreDisplayMode === 'error')
          .map(([id]) => id);
        resolve({ version: report.lighthouseVersion, scores, metrics, failing, errored });
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

export async function runLighthouse(url: string): Promise<LighthouseResult> {
  const attempts: LighthouseRun[] = [];
  let error: string | undefined;
  try {
    attempts.push(await runOnce(url));
    if (attempts[0]!.scores.performance < 100) attempts.push(await runOnce(url));
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const first = attempts[0];
  if (!first) {
    const zero = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
    return { attempts, scores: zero, error: error ?? 'no result' };
  }
  const scores = { ...first.scores };
  scores.performance = Math.max(...attempts.map((a) => a.scores.performance));
  return error === undefined ? { attempts, scores } : { attempts, scores, error };
}
