/** What a latest-request-wins call resolves to: its value, or that a newer request replaced it. */
export type Outcome<T> = { status: 'done'; value: T } | { status: 'superseded' };

export interface LatestWins<A extends unknown[], R> {
  (...args: A): Promise<Outcome<R>>;
  /** Drops every request made so far: the waiting one resolves `superseded` now, the running one when done. */
  supersedeAll(): void;
}

/**
 * Wraps an async computation so that only the newest request counts: while one runs, a newer request
 * waits (replacing any older waiting one, which resolves `superseded` without running), and the running
 * one's result is dropped (`superseded`) if a newer request came in meanwhile. At most one run is in
 * flight and one waits, so a user typing fast never queues stale work in the worker.
 */
export function latestWins<A extends unknown[], R>(run: (...args: A) => Promise<R>): LatestWins<A, R> {
  let latest = 0;
  let busy = false;
  let waiting: { start: () => void; supersede: () => void } | null = null;

  const handOver = () => {
    busy = false;
    const queued = waiting;
    waiting = null;
    queued?.start();
  };

  const call = (...args: A): Promise<Outcome<R>> => {
    const ticket = ++latest;
    return new Promise<Outcome<R>>((resolve, reject) => {
      const start = () => {
        busy = true;
        let running: Promise<R>;
        try {
          running = run(...args);
        } catch (error) {
          running = Promise.reject(error);
        }
        running
          .then(
            (value) => resolve(ticket === latest ? { status: 'done', value } : { status: 'superseded' }),
            (error: unknown) => (ticket === latest ? reject(error) : resolve({ status: 'superseded' })),
          )
          .finally(handOver);
      };
      waiting?.supersede();
      waiting = null;
      if (busy) waiting = { start, supersede: () => resolve({ status: 'superseded' }) };
      else start();
    });
  };

  return Object.assign(call, {
    supersedeAll() {
      latest++;
      waiting?.supersede();
      waiting = null;
    },
  });
}
