/**
 * Cooperative cancellation and progress for long computations (a sweep of layouts, `suggest`). A job
 * runs in chunks and awaits `checkpoint` between them: that reports progress, lets the worker read its
 * next message (a `cancel`, an estimate for the user who keeps typing), and throws `JobCancelled` once
 * the job was cancelled. The same code runs in the worker and in-thread.
 */

export type ProgressCallback = (done: number, total: number) => void;

export class JobCancelled extends Error {
  constructor(readonly jobId: number) {
    super(`job ${jobId} was cancelled`);
    this.name = 'JobCancelled';
  }
}

export interface JobContext {
  readonly jobId: number;
  /** Reports progress, yields to the message loop, throws `JobCancelled` when the job was cancelled. */
  checkpoint(done: number, total: number): Promise<void>;
}

const running = new Set<number>();
const cancelled = new Set<number>();

/** A macrotask, not a microtask: only then does the worker read the messages waiting for it. */
const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function cancelJob(jobId: number): void {
  if (running.has(jobId)) cancelled.add(jobId);
}

export async function runJob<T>(
  jobId: number,
  onProgress: ProgressCallback | undefined,
  work: (job: JobContext) => Promise<T>,
): Promise<T> {
  running.add(jobId);
  const job: JobContext = {
    jobId,
    async checkpoint(done, total) {
      // Over comlink the callback is a proxy and returns a promise; progress must never stall the job.
      void Promise.resolve(onProgress?.(done, total)).catch(() => undefined);
      await yieldToMessages();
      if (cancelled.has(jobId)) throw new JobCancelled(jobId);
    },
  };
  try {
    return await work(job);
  } finally {
    running.delete(jobId);
    cancelled.delete(jobId);
  }
}
