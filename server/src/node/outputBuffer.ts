/**
 * The CLI's standard output, gathered into large writes: thousands of files give thousands of
 * small reports, and one write per report costs more than formatting them (each is a system call
 * when standard output is a file or a pipe). A terminal gets each report at once (a person reads
 * it as it comes); otherwise the text is written when 64 KB are gathered, when 100 ms have passed
 * since the last write (a reader of `--format ndjson` gets each line soon), and before anything
 * goes to standard error (so the two keep their order when they go to the same place).
 */

/** A stream the CLI writes to (standard output, or a test's collector). */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Gathered bytes that are written at once. */
const FLUSH_CHARS = 64 * 1024;
/** Longest a gathered text waits, in milliseconds (checked when more text comes). */
const FLUSH_MS = 100;

/** Buffers text for one stream; `flush()` writes what is gathered. */
export class OutputBuffer {
  private parts: string[] = [];
  private size = 0;
  private lastWrite = Date.now();

  constructor(private readonly stream: OutputStream) {}

  /** Adds text; writes it at once to a terminal, else when enough is gathered or it has waited long enough. */
  write(text: string): void {
    if (!text) return;
    if (this.stream.isTTY) {
      this.stream.write(text);
      return;
    }
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_CHARS || Date.now() - this.lastWrite >= FLUSH_MS) this.flush();
  }

  /** Writes everything gathered. */
  flush(): void {
    this.lastWrite = Date.now();
    if (this.parts.length === 0) return;
    const text = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    this.parts = [];
    this.size = 0;
    this.stream.write(text);
  }
}
