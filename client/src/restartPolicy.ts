/**
 * When the language server crashes: restart it, tell the user once, and give up with one clear
 * message when it keeps crashing. Pure decisions (the clock is passed in, nothing is shown here),
 * so that a unit test covers them without VS Code; `restart.ts` applies them to the client.
 */

/** How many restarts within how long are allowed before the server is left stopped. */
export interface RestartLimits {
  /** Restarts allowed within `windowMs`; the next crash in that time stops the server for good. */
  maxRestarts: number;
  windowMs: number;
  /** Connection errors tolerated in a row before the server is shut down. */
  maxErrors: number;
}

/** At most four restarts in three minutes (the fifth crash in that time stops it). */
export const DEFAULT_RESTART_LIMITS: Readonly<RestartLimits> = Object.freeze({ maxRestarts: 4, windowMs: 3 * 60 * 1000, maxErrors: 3 });

/** What to do after the connection to the server closed. */
export interface CloseDecision {
  restart: boolean;
  /** For the output channel, every time. */
  message: string;
  /**
   * A message for a notification: the first restart's, and the final one when the server is left
   * stopped; null when the restart is only logged.
   */
  notify: string | null;
}

/** What to do after an error on the connection. */
export interface ErrorDecision {
  shutdown: boolean;
  message: string;
}

/** Decides, crash after crash, whether to restart the server and what to say. */
export class RestartPolicy {
  private crashes: number[] = [];
  private notified = false;

  constructor(
    private readonly limits: Readonly<RestartLimits> = DEFAULT_RESTART_LIMITS,
    private readonly serverName = 'The IMR language server',
  ) {}

  /** The connection closed without being asked to (the server crashed or exited) at time `now` (ms). */
  closed(now: number): CloseDecision {
    this.crashes = this.crashes.filter((t) => now - t < this.limits.windowMs);
    this.crashes.push(now);
    if (this.crashes.length > this.limits.maxRestarts) {
      const message =
        `${this.serverName} stopped unexpectedly ${this.crashes.length} times in ${minutes(this.limits.windowMs)} and will not be restarted. ` +
        'Letters are not checked until the window is reloaded (Developer: Reload Window); the "IMR Decision Tools" output shows what happened.';
      return { restart: false, message, notify: message };
    }
    const message = `${this.serverName} stopped unexpectedly and was restarted.`;
    if (this.notified) return { restart: true, message, notify: null };
    this.notified = true;
    return { restart: true, message, notify: `${message} If it happens again, the "IMR Decision Tools" output shows what happened.` };
  }

  /**
   * An error on the connection. `count` is how many writes failed in a row (undefined for other
   * errors). Errors are logged and the client goes on: when the server died, the connection closes
   * next and `closed` decides on the restart. Only writes failing again and again stop the server.
   */
  error(count: number | undefined): ErrorDecision {
    const server = lowerFirst(this.serverName);
    if (count !== undefined && count > this.limits.maxErrors) {
      return { shutdown: true, message: `Messages to ${server} failed ${count} times in a row; the server was stopped. Reload the window to start it again.` };
    }
    return { shutdown: false, message: `The connection to ${server} reported an error${count !== undefined ? ` (${count} in a row)` : ''}.` };
  }
}

function minutes(ms: number): string {
  const n = Math.max(1, Math.round(ms / 60000));
  return n === 1 ? 'a minute' : `${n} minutes`;
}

function lowerFirst(text: string): string {
  return text.startsWith('The ') ? `the ${text.slice(4)}` : text;
}
