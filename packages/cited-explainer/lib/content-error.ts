/**
 * An error in authored content: it names the file and, where known, the line and column,
 * says what is wrong and, where it can, how to fix it. Every check in the generator throws this,
 * so the build output always reads "file:line:column: message".
 */
export class ContentError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly suggestion: string | undefined;

  constructor(options: { file: string; line?: number; column?: number; message: string; hint?: string }) {
    const where = [options.file, options.line, options.line === undefined ? undefined : options.column].filter((part) => part !== undefined).join(':');
    super(`${where}: ${options.message}${options.hint ? `\n  ${options.hint.replaceAll('\n', '\n  ')}` : ''}`);
    this.name = 'ContentError';
    this.file = options.file;
    this.line = options.line;
    this.column = options.column;
    this.suggestion = options.hint;
    // The message says where the mistake is; the stack of the check that found it would only bury
    // that line (Astro prints any stack an error has, with the check's own file as its location).
    this.stack = undefined;
  }
}
