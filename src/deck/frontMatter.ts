// The optional YAML front matter of a deck: title, tags, lang and order, with located problems.
import { parseDocument } from 'yaml';
import type { Diagnostic } from './diagnostics.ts';
import { pointAt } from './diagnostics.ts';

const FRONT_MATTER_KEYS = new Set(['title', 'tags', 'lang', 'order']);

interface FrontMatter {
  title?: string;
  lang?: string;
  order?: number;
  tags: string[];
}

export function readFrontMatter(
  yamlText: string,
  startLine: number,
  file: string,
  errors: Diagnostic[],
  warnings: Diagnostic[],
): FrontMatter {
  const meta: FrontMatter = { tags: [] };
  // The YAML body starts on the line after the opening `---`.
  const located = (line: number, column: number, message: string, severity: 'error' | 'warning') =>
    (severity === 'error' ? errors : warnings).push({
      severity,
      file,
      line: startLine + line,
      column,
      message,
    });
  const doc = parseDocument(yamlText, { prettyErrors: false });
  const problem = doc.errors[0];
  if (problem) {
    // `linePos` is only filled in with `prettyErrors: true`; locate the offset ourselves.
    const pos = pointAt(yamlText, problem.pos[0]);
    located(
      pos.line,
      pos.column,
      `front matter is not valid YAML: ${problem.message.split('\n')[0]}`,
      'error',
    );
    return meta;
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (e) {
    // Well-formed YAML can still fail to resolve, e.g. an alias to an anchor that is not set.
    const message = e instanceof Error ? e.message : String(e);
    located(1, 1, `front matter is not valid YAML: ${message.split('\n')[0]}`, 'error');
    return meta;
  }
  if (data === null || data === undefined) return meta;
  if (typeof data !== 'object' || Array.isArray(data)) {
    located(1, 1, 'front matter must be a mapping such as "title: RNN"', 'error');
    return meta;
  }
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const line = lineOfKey(yamlText, key);
    if (!FRONT_MATTER_KEYS.has(key)) {
      located(
        line,
        1,
        `unknown front matter key "${key}" (known: title, tags, lang, order)`,
        'warning',
      );
    } else if (key === 'tags') {
      const list = typeof value === 'string' ? value.split(/[,，\s]+/).filter(Boolean) : value;
      if (
        Array.isArray(list) &&
        list.every((t) => typeof t === 'string' || typeof t === 'number')
      ) {
        meta.tags = list.map(String);
      } else {
        located(line, 1, 'front matter "tags" must be a list of words', 'error');
      }
    } else if (key === 'order') {
      if (typeof value === 'number' && Number.isInteger(value)) meta.order = value;
      else located(line, 1, 'front matter "order" must be a whole number', 'error');
    } else if (typeof value === 'string' && value.trim() !== '') {
      if (key === 'title') meta.title = value.trim();
      else meta.lang = value.trim();
    } else {
      located(line, 1, `front matter "${key}" must be a non-empty string`, 'error');
    }
  }
  return meta;
}

function lineOfKey(yamlText: string, key: string): number {
  const index = yamlText.split('\n').findIndex((l) => l.startsWith(`${key}:`));
  return index >= 0 ? index + 1 : 1;
}
