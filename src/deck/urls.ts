// Which URLs written in a deck become links and pictures. Cards come from files anyone may send,
// so a `javascript:` link must not run and an image must not turn into a broken build.
//   Links: http, https, mailto, tel and relative URLs are links; any other scheme (javascript:,
//   vbscript:, data:, file:, …) is shown as its text, with a warning.
//   Images: relative files (checked to exist) and http(s) URLs; `data:image/…` inline pictures
//   (PNG, JPEG, GIF, WebP, AVIF, SVG) of up to 64 KB; anything else is not shown (its text
//   alternative is), with a warning, and a bigger inline picture is an error.

const SAFE_LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);
const DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp|avif|svg\+xml)[;,]/i;
export const MAX_INLINE_IMAGE_CHARS = 64 * 1024;

/** The scheme a browser would see, lowercased: it ignores tabs, newlines and leading spaces. */
export function urlScheme(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- browsers strip exactly these control characters
  const cleaned = url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
}

/** A URL with a scheme (`https:`, `data:`) or protocol-relative: not a file of ours. */
export function isExternalUrl(url: string): boolean {
  return urlScheme(url) !== undefined || url.startsWith('//');
}

export function isSafeLink(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme === undefined || SAFE_LINK_SCHEMES.has(scheme);
}

export type ImageUrlKind =
  | { kind: 'local' | 'web' | 'inline' }
  | { kind: 'refused'; severity: 'error' | 'warning'; reason: string };

export function imageUrlKind(url: string): ImageUrlKind {
  const scheme = urlScheme(url);
  if (scheme === undefined) return { kind: url.startsWith('//') ? 'web' : 'local' };
  if (scheme === 'http' || scheme === 'https') return { kind: 'web' };
  if (scheme === 'data' && DATA_IMAGE.test(url.trim())) {
    if (url.length <= MAX_INLINE_IMAGE_CHARS) return { kind: 'inline' };
    const size = `${Math.ceil(url.length / 1024)} KB`;
    return {
      kind: 'refused',
      severity: 'error',
      reason: `inline image is ${size}; the limit is ${MAX_INLINE_IMAGE_CHARS / 1024} KB: save it as a file beside the deck`,
    };
  }
  return {
    kind: 'refused',
    severity: 'warning',
    reason: `image URL with "${scheme}:" is not shown (only files, http(s) and small data:image/… pictures are); its text alternative is`,
  };
}

/** An image the page may load as written (not through the build's assets). */
export function isShownImage(url: string): boolean {
  const kind = imageUrlKind(url).kind;
  return kind === 'web' || kind === 'inline';
}
