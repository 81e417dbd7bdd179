/**
 * The language client's error handler: a crashed server is restarted and the user is told once; a
 * server that keeps crashing is left stopped with one clear message. The decisions are made by
 * `RestartPolicy` (pure, unit-tested); this module only turns them into client actions.
 */
import { window } from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult } from 'vscode-languageclient/node';
import { RestartPolicy } from './restartPolicy';

/** Builds the `errorHandler` of the client options; `showOutput` reveals the client's output channel. */
export function restartingErrorHandler(showOutput: () => void, policy = new RestartPolicy(), now: () => number = Date.now): ErrorHandler {
  return {
    error(_error, _message, count): ErrorHandlerResult {
      const decision = policy.error(count);
      if (decision.shutdown) return { action: ErrorAction.Shutdown, message: decision.message };
      // Logged to the output only: a notification per error would flood the user.
      return { action: ErrorAction.Continue, message: decision.message, handled: true };
    },
    closed(): CloseHandlerResult {
      const decision = policy.closed(now());
      // Not handled: the client shows the message itself, as an error notification.
      if (!decision.restart) return { action: CloseAction.DoNotRestart, message: decision.message };
      if (decision.notify) {
        void window.showWarningMessage(decision.notify, 'Show Output').then((choice) => {
          if (choice) showOutput();
        });
      }
      return { action: CloseAction.Restart, message: decision.message, handled: true };
    },
  };
}
