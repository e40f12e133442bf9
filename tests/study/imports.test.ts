// The study functions load with the screens: they must not pull in ts-fsrs (nor the store).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../../src/', import.meta.url));
const IMPORT =
  /^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;

/** Every module specifier reachable from `file` through relative imports. */
function reachable(file: string, seen = new Set<string>(), found = new Set<string>()): Set<string> {
  if (seen.has(file)) return found;
  seen.add(file);
  for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    const spec = m[1] ?? m[2]!;
    if (spec.startsWith('.')) {
      const target = path.resolve(path.dirname(file), spec);
      found.add(path.relative(src, target));
      reachable(target, seen, found);
    } else {
      found.add(spec);
    }
  }
  return found;
}

describe('src/study imports', () => {
  const files = readdirSync(path.join(src, 'study')).map((f) => path.join(src, 'study', f));

  it('reach neither ts-fsrs nor anything outside src/scheduler and src/deck/types.ts', () => {
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      for (const spec of reachable(file)) {
        expect(spec, `${path.relative(src, file)} reaches ${spec}`).toMatch(
          /^(study|scheduler)\/[\w.]+\.ts$|^deck\/types\.ts$/,
        );
        expect(spec).not.toMatch(/fsrsEngine|fsrsConvert|rate\.ts|reschedule|retrievability/);
      }
    }
  });
});
