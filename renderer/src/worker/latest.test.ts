import { describe, expect, it } from 'vitest';
import { latestWins } from './latest';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('latestWins', () => {
  it('runs one request at a time, skips the ones replaced while waiting, and answers only the newest', async () => {
    // Arrange: a computation whose runs we finish by hand.
    const runs: { arg: string; done: ReturnType<typeof deferred<string>> }[] = [];
    const call = latestWins((arg: string) => {
      const done = deferred<string>();
      runs.push({ arg, done });
      return done.promise;
    });

    // Act: the user types "7", "70", "700" while the first run is still going.
    const first = call('7');
    const second = call('70');
    const third = call('700');

    // Assert: only the first started; "70" never runs; "700" runs once the first is done.
    expect(runs.map((r) => r.arg)).toEqual(['7']);
    await expect(second).resolves.toEqual({ status: 'superseded' });
    runs[0]!.done.resolve('result of 7');
    await expect(first).resolves.toEqual({ status: 'superseded' });
    await Promise.resolve();
    await Promise.resolve();
    expect(runs.map((r) => r.arg)).toEqual(['7', '700']);
    runs[1]!.done.resolve('result of 700');
    await expect(third).resolves.toEqual({ status: 'done', value: 'result of 700' });
  });

  it('passes the newest request its error, and drops errors of replaced ones', async () => {
    let n = 0;
    const call = latestWins(async () => {
      n++;
      throw new Error(`run ${n} failed`);
    });
    await expect(call()).rejects.toThrow('run 1 failed');
    const stale = call();
    const fresh = call();
    await expect(stale).resolves.toEqual({ status: 'superseded' });
    await expect(fresh).rejects.toThrow('run 3 failed');
  });

  it('keeps working after a run that throws synchronously', async () => {
    let fail = true;
    const call = latestWins((x: number) => {
      if (fail) throw new Error('boom');
      return Promise.resolve(x * 2);
    });
    await expect(call(1)).rejects.toThrow('boom');
    fail = false;
    await expect(call(2)).resolves.toEqual({ status: 'done', value: 4 });
  });

  it('supersedeAll drops the running and the waiting request', async () => {
    const gate = deferred<number>();
    const call = latestWins(() => gate.promise);
    const running = call();
    const waiting = call();
    call.supersedeAll();
    await expect(waiting).resolves.toEqual({ status: 'superseded' });
    gate.resolve(1);
    await expect(running).resolves.toEqual({ status: 'superseded' });
  });
});
