// Sizes from the build output: what index.html names for the first screen (its module scripts,
// style sheets and module preloads, plus the HTML itself with whatever it inlines), gzipped at
// level 9; and which modules make up the JavaScript, grouped by package or source folder.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ChunkInfo } from './app.ts';

export function gzipSize(data: string | Uint8Array): number {
  return gzipSync(data, { level: 9 }).length;
}

export interface SizedFile {
  file: string;
  kind: 'html' | 'js' | 'css' | 'other';
  raw: number;
  gzip: number;
}

export interface StaticSizes {
  files: SizedFile[];
  totalGzip: number;
  totalRaw: number;
}

function kindOf(file: string): SizedFile['kind'] {
  if (/\.html?$/.test(file)) return 'html';
  if (/\.m?js$/.test(file)) return 'js';
  if (/\.css$/.test(file)) return 'css';
  return 'other';
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    out[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return out;
}

/**
 * Files index.html loads up front: module scripts, style sheets, module preloads, and what its
 * boot script adds after the first paint (its `data-src` and `data-preload`: src/build/pageScripts.ts).
 */
export function htmlReferences(html: string): string[] {
  const refs: string[] = [];
  for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const a = attributes(tag.replace(/^<\w+/, '').replace(/\/?>$/, ''));
    if (tag.toLowerCase().startsWith('<script')) {
      if (a.src !== undefined && a.type === 'module') refs.push(a.src);
      if (a['data-src'] !== undefined) refs.push(a['data-src']);
      if (a['data-preload'] !== undefined)
        refs.push(...a['data-preload'].split(/\s+/).filter(Boolean));
    } else if (a.href !== undefined) {
      const rel = (a.rel ?? '').toLowerCase().split(/\s+/);
      if (rel.includes('stylesheet') || rel.includes('modulepreload')) refs.push(a.href);
    }
  }
  return [...new Set(refs)];
}

export function staticSizes(outDir: string): StaticSizes {
  const htmlFile = path.join(outDir, 'index.html');
  const html = readFileSync(htmlFile);
  const files: SizedFile[] = [
    { file: 'index.html', kind: 'html', raw: html.length, gzip: gzipSize(html) },
  ];
  for (const ref of htmlReferences(html.toString('utf8'))) {
    if (/^[a-z]+:/i.test(ref) || ref.startsWith('//')) continue; // another origin: not ours
    const rel = ref.replace(/^\.?\//, '').split(/[?#]/)[0]!;
    const file = path.join(outDir, rel);
    if (!existsSync(file)) continue;
    const data = readFileSync(file);
    files.push({ file: rel, kind: kindOf(rel), raw: data.length, gzip: gzipSize(data) });
  }
  return {
    files,
    totalGzip: files.reduce((n, f) => n + f.gzip, 0),
    totalRaw: files.reduce((n, f) => n + f.raw, 0),
  };
}

/** What a module id belongs to: an npm package, a source folder, or a generated module. */
export function moduleGroup(id: string): string {
  const clean = id.replace(/^\0/, '').split('?')[0]!;
  const nm = clean.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = clean.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (clean.startsWith('virtual:')) return clean.split('/')[0]!;
  const src = clean.indexOf('/src/');
  if (src >= 0) {
    const parts = clean.slice(src + 1).split('/');
    return parts.length > 2 ? `${parts[0]}/${parts[1]}/` : parts.join('/');
  }
  return clean.startsWith('/') ? path.basename(clean) : clean;
}

export interface ModuleShare {
  group: string;
  /** Characters of rendered (not yet minified) code. */
  rendered: number;
  /** The group's share of its chunks' gzipped size, estimated by rendered length. */
  gzipEstimate: number;
}

/**
 * Groups the modules of the given output chunks. Gzipped sizes are only known per file, so each
 * module gets its file's gzipped size times its share of the file's rendered code: an estimate
 * good enough to say which package dominates.
 */
export function moduleShares(
  chunks: readonly ChunkInfo[],
  files: ReadonlySet<string>,
  outDir: string,
): ModuleShare[] {
  const groups = new Map<string, ModuleShare>();
  for (const chunk of chunks) {
    if (!files.has(chunk.fileName)) continue;
    const file = path.join(outDir, chunk.fileName);
    if (!existsSync(file)) continue;
    const gz = gzipSize(readFileSync(file));
    const total = Object.values(chunk.modules).reduce((n, l) => n + l, 0) || 1;
    for (const [id, length] of Object.entries(chunk.modules)) {
      const group = moduleGroup(id);
      const g = groups.get(group) ?? { group, rendered: 0, gzipEstimate: 0 };
      g.rendered += length;
      g.gzipEstimate += (gz * length) / total;
      groups.set(group, g);
    }
  }
  return [...groups.values()].sort((a, b) => b.gzipEstimate - a.gzipEstimate);
}
