/**
 * The CLI's progress line on standard error, when it is a terminal: files done, files per second,
 * time left. Rewritten in place at most ten times a second, erased before anything else is printed
 * (then drawn again) and at the end.
 */

/** A stream that may be a terminal (standard error). */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Counts finished files and shows how far the run is. */
export class Progress {
  private done = 0;
  private shown = 0;
  private readonly started = Date.now();
  private visible = false;

  /** `total` files will be checked; nothing is shown unless `stream` is a terminal. */
  constructor(
    private readonly total: number,
    private readonly stream: ProgressStream,
  ) {}

  /** One more file is done. */
  tick(): void {
    this.done++;
    const now = Date.now();
    // Throttled while shown; drawn at once when printing erased it.
    if (!this.stream.isTTY || (this.visible && now - this.shown < 100)) return;
    this.shown = now;
    this.stream.write(`\r${this.line(now)}\u001b[K`);
    this.visible = true;
  }

  /** Erases the line (before the run's last messages). */
  finish(): void {
    if (this.visible) this.stream.write('\r\u001b[K');
    this.visible = false;
  }

  /** "imr-check: 40/104 files, 12.5 files/s, about 5 s left". */
  line(now: number): string {
    const seconds = Math.max(0.001, (now - this.started) / 1000);
    const rate = this.done / seconds;
    const left = rate > 0 ? Math.ceil((this.total - this.done) / rate) : 0;
    return `imr-check: ${this.done}/${this.total} files, ${rate.toFixed(1)} files/s, about ${left} s left`;
  }
}
