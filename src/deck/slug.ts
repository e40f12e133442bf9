// A deck's slug: the prefix of its cards' ids, made from the file's path under content/. It must
// be non-empty and stable for any file name, in any script, and make ids that an exported file
// can be imported with (letters, digits, `_ . / -`, starting with a letter or digit).
import { hash53 } from './hash.ts';

/** Longer slugs are cut and given a hash of the whole path, keeping ids well under 300. */
const MAX_SLUG_LENGTH = 120;

/** One folder or file name: letters and digits of any script, lowercased; the rest `-`. */
function slugSegment(name: string): string {
  return (
    name
      .normalize('NFKC')
      .toLowerCase()
      .normalize('NFKC')
      // Combining marks (Devanagari vowel signs, the dot of a lowercased İ) are dropped: an id
      // may not hold them.
      .replace(/\p{M}+/gu, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
  );
}

/**
 * `ml/rnn.md` (relative to `content/`) → `ml/rnn`; `リカレント.md` → `リカレント`. A name with no
 * letter or digit at all (`🙂.md`) becomes `deck-` and a hash of the name.
 */
export function slugFromPath(relativePath: string): string {
  const path = relativePath.replace(/\\/g, '/').replace(/\.md$/i, '');
  const segments = path.split('/').map(slugSegment).filter(Boolean);
  let slug = segments.join('/');
  if (slug === '') return `deck-${hash53(path)}`;
  if (slug.length > MAX_SLUG_LENGTH) {
    const head = Array.from(slug)
      .slice(0, MAX_SLUG_LENGTH - 12)
      .join('');
    slug = `${head.replace(/[/-]+$/, '')}-${hash53(path)}`;
  }
  return slug;
}
