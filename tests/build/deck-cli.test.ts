// The `deck` command as authors run it: a child process, its exit code, stdout and stderr.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'vitest';
import { repoRoot, tempTree } from './helpers.ts';

const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const cli = path.join(repoRoot, 'src/build/deck-cli.ts');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function deck(args: string[], cwd = repoRoot): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsx, cli, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const CONTENT_SUMMARY =
  'content/rnn.md: RNN — 16 cards, 4 sources, 1 warning\n' +
  'content/rnn-equations.md: RNN 公式与推导 — 34 cards, 58 sources, 0 warnings\n';

const Q3_WARNING =
  'content/rnn.md:14:28: warning: KaTeX (unicodeTextInMathMode): Unicode text character "，" used in math mode in $t-1，t，t+1$\n';

// Each test starts its own Node process (about a second each): run them side by side, with room
// for a loaded machine.
describe.concurrent('npm run deck', { timeout: 30_000 }, () => {
  it('checks the content: one summary line per deck, the one warning, exit code 0', async ({
    expect,
  }) => {
    const run = await deck(['check', 'content']);
    expect(run).toEqual({
      status: 0,
      stdout: CONTENT_SUMMARY,
      stderr: Q3_WARNING,
    });
  });

  it('checks the content folder when no folder is given', async ({ expect }) => {
    const run = await deck(['check']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(CONTENT_SUMMARY);
  });

  it('prints the parsed decks as JSON', async ({ expect }) => {
    const run = await deck(['json', 'content']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(Q3_WARNING);
    const decks = JSON.parse(run.stdout) as {
      slug: string;
      cards: { number: number; question: string; source: { line: number } }[];
    }[];
    expect(decks.map((d) => d.slug)).toEqual(['rnn', 'rnn-equations']);
    expect(decks[0]?.cards).toHaveLength(16);
    expect(decks[1]?.cards).toHaveLength(34);
    expect(decks[0]?.cards.map((c) => c.number)).toEqual(
      Array.from({ length: 16 }, (_, i) => i + 1),
    );
    expect(decks[0]?.cards[15]).toMatchObject({
      question: '画出LSTM的结构',
      source: { file: 'content/rnn.md', line: 86 },
    });
  });

  it('answers hostile nesting with located errors, not a RangeError stack trace', async ({
    expect,
    onTestFinished,
  }) => {
    const cwd = tempTree(
      {
        'content/quotes.md': `Q1：q\n\n${'>'.repeat(20_000)} a\n`,
        'content/math.md': `Q1：q\n\n$${'{'.repeat(3000)}x${'}'.repeat(3000)}$\n`,
      },
      onTestFinished,
    );
    const run = await deck(['check', 'content'], cwd);
    expect(run).toEqual({
      status: 1,
      stdout: 'content/math.md: math — 1 card, 0 sources, 0 warnings\n',
      stderr:
        'content/quotes.md:3:52: lists and quotes are nested 51 deep here; the limit is 50\n' +
        'content/math.md:3:1: formula has braces nested 3000 deep; the limit is 50: split or simplify it\n' +
        '2 errors\n',
    });
  });

  it('fails with exit code 1 and located errors on bad content', async ({
    expect,
    onTestFinished,
  }) => {
    const cwd = tempTree(
      {
        'content/bad.md': '# Bad\n\nQ1：**a**\n\nQ2：**b**\n\nanswer b\n\n![pic](missing.png)\n',
        'content/good.md': '# Good\n\n## q\n\na\n\nSource: https://example.com\n',
      },
      onTestFinished,
    );
    const run = await deck(['check', 'content'], cwd);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('content/bad.md:3:1: question has no answer: "a"\n1 error\n');
    expect(run.stdout).toBe('content/good.md: Good — 1 card, 1 source, 0 warnings\n');
  });

  it('reports every error, with its count', async ({ expect, onTestFinished }) => {
    const cwd = tempTree(
      {
        'content/a.md': '## q\n\n![pic](missing.png) and $\\frac{1}{$\n',
        'content/b.md': '',
      },
      onTestFinished,
    );
    const run = await deck(['check'], cwd);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      [
        'content/b.md:1:1: file is empty: a deck needs at least one card',
        'content/a.md:3:1: image not found: missing.png',
        "content/a.md:3:35: math does not render: Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{1}{",
        '3 errors',
        '',
      ].join('\n'),
    );
  });

  it('prints no JSON when the content has errors', async ({ expect, onTestFinished }) => {
    const cwd = tempTree({ 'content/bad.md': '## q\n' }, onTestFinished);
    const run = await deck(['json'], cwd);
    expect(run).toEqual({
      status: 1,
      stdout: '',
      stderr: 'content/bad.md:1:1: question has no answer: "q"\n1 error\n',
    });
  });

  it('fails on a missing folder', async ({ expect }) => {
    const run = await deck(['check', 'no-such-folder']);
    expect(run).toEqual({
      status: 1,
      stdout: '',
      stderr: 'no-such-folder:1:1: content folder not found\n1 error\n',
    });
  });

  it('prints usage and exits with 2 on an unknown command or extra arguments', async ({
    expect,
  }) => {
    const usage = 'usage: npm run deck -- check [dir] | json [dir]   (dir defaults to "content")\n';
    expect(await deck(['lint'])).toEqual({ status: 2, stdout: '', stderr: usage });
    expect(await deck(['check', 'content', 'extra'])).toEqual({
      status: 2,
      stdout: '',
      stderr: usage,
    });
  });
});
