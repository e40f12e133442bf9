// Located messages about content. Every problem an author can cause is reported as one of these,
// never as a bare exception, so the build and the `deck` command can print `file:line:col: message`.

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, counted in UTF-16 code units like editors and remark do. */
  column: number;
  message: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  const prefix = d.severity === 'warning' ? 'warning: ' : '';
  return `${d.file}:${d.line}:${d.column}: ${prefix}${d.message}`;
}

/** Thrown by the parser and the content loader; carries every error found, not just the first. */
export class DeckError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'DeckError';
    this.diagnostics = diagnostics;
  }
}

export interface Point {
  line: number;
  column: number;
}

/** Line and column of a UTF-16 offset in `text`. */
export function pointAt(text: string, offset: number): Point {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
