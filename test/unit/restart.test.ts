/**
 * The client restarts a crashed server and says so once; a server that keeps crashing is left
 * stopped with one clear message. The policy is pure (client/src/restartPolicy.ts), so it is tested
 * here without VS Code, with a clock the test sets.
 */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DEFAULT_RESTART_LIMITS, RestartPolicy } from '../../client/src/restartPolicy';

const MINUTE = 60 * 1000;

describe('restarting a crashed language server', () => {
  test('the first crash restarts the server and notifies the user', () => {
    const policy = new RestartPolicy();
    const first = policy.closed(0);
    assert.equal(first.restart, true);
    assert.match(first.message, /stopped unexpectedly and was restarted/);
    assert.ok(first.notify, 'the first restart is shown to the user');
    assert.match(first.notify!, /IMR Decision Tools" output/);
  });

  test('later restarts are only logged: the user is told once', () => {
    const policy = new RestartPolicy();
    policy.closed(0);
    for (const at of [10 * MINUTE, 20 * MINUTE, 30 * MINUTE]) {
      const later = policy.closed(at);
      assert.equal(later.restart, true);
      assert.equal(later.notify, null);
      assert.match(later.message, /restarted/);
    }
  });

  test(`after ${DEFAULT_RESTART_LIMITS.maxRestarts} restarts in three minutes, the next crash leaves it stopped with one message`, () => {
    const policy = new RestartPolicy();
    const decisions = [0, 1, 2, 3, 4].map((s) => policy.closed(s * 1000));
    assert.deepEqual(
      decisions.map((d) => d.restart),
      [true, true, true, true, false],
    );
    const last = decisions[4];
    assert.equal(last.notify, last.message);
    assert.match(last.message, /stopped unexpectedly 5 times in 3 minutes and will not be restarted/);
    assert.match(last.message, /Reload Window/);
    // Only the first restart and the final stop reach the user.
    assert.equal(decisions.filter((d) => d.notify !== null).length, 2);
  });

  test('crashes spread over time keep being restarted (only recent ones count)', () => {
    const policy = new RestartPolicy();
    for (let i = 0; i < 20; i++) assert.equal(policy.closed(i * 2 * MINUTE).restart, true, `crash ${i + 1}`);
  });

  test('the window slides: four quick crashes, a pause, then more are restarted', () => {
    const policy = new RestartPolicy();
    for (let i = 0; i < 4; i++) assert.ok(policy.closed(i * 1000).restart);
    assert.ok(policy.closed(3 * MINUTE + 500).restart, 'the first crash is out of the window by now');
    assert.equal(policy.closed(3 * MINUTE + 600).restart, false, 'five crashes within three minutes');
  });

  test('limits can be set', () => {
    const policy = new RestartPolicy({ maxRestarts: 1, windowMs: MINUTE, maxErrors: 0 });
    assert.equal(policy.closed(0).restart, true);
    const stop = policy.closed(1000);
    assert.equal(stop.restart, false);
    assert.match(stop.message, /2 times in a minute/);
  });

  test('connection errors are logged; only writes failing again and again stop the server', () => {
    const policy = new RestartPolicy();
    for (const count of [undefined, 1, 2, 3]) {
      const d = policy.error(count);
      assert.equal(d.shutdown, false, `error count ${count}`);
      assert.match(d.message, /the IMR language server reported an error/);
    }
    const stop = policy.error(4);
    assert.equal(stop.shutdown, true);
    assert.match(stop.message, /failed 4 times in a row; the server was stopped/);
  });
});
