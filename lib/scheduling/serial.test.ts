import { describe, expect, it } from 'vitest';
import { SerialQueue } from './serial';

/** A job that finishes when the test says so, recording when it started and ended. */
function gate(log: string[], name: string) {
  let open!: (value: string) => void;
  const done = new Promise<string>((resolve) => (open = resolve));
  return {
    job: async () => {
      log.push(`start ${name}`);
      const value = await done;
      log.push(`end ${name}`);
      return value;
    },
    open: () => open(name),
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('SerialQueue.run', () => {
  it('runs jobs under one key one at a time, in the order queued', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const a = gate(log, 'a');
    const b = gate(log, 'b');
    const first = queue.run('list', a.job);
    const second = queue.run('list', b.job);
    await tick();
    expect(log).toEqual(['start a']);
    b.open(); // b is ready first, but must wait for a
    await tick();
    expect(log).toEqual(['start a']);
    a.open();
    expect(await first).toBe('a');
    expect(await second).toBe('b');
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('runs jobs under different keys side by side', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const a = gate(log, 'a');
    const b = gate(log, 'b');
    void queue.run('one', a.job);
    void queue.run('two', b.job);
    await tick();
    expect(log).toEqual(['start a', 'start b']);
    a.open();
    b.open();
  });

  it('goes on after a failed job, and the failure reaches only its own caller', async () => {
    const queue = new SerialQueue();
    const failed = queue.run('k', async () => {
      throw new Error('disk full');
    });
    const next = queue.run('k', async () => 'fine');
    await expect(failed).rejects.toThrow('disk full');
    expect(await next).toBe('fine');
  });
});

describe('SerialQueue.runLatest', () => {
  it('queues one more run behind a running one, and later callers join it', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const running = gate(log, 'first');
    let runs = 0;
    const first = queue.runLatest('index', running.job);
    await tick();
    const again = () =>
      queue.runLatest('index', async () => {
        runs++;
        return `run ${runs}`;
      });
    const second = again();
    const third = again();
    expect(queue.hasWaiting('index')).toBe(true);
    expect(third).toBe(second);
    running.open();
    expect(await first).toBe('first');
    expect(await second).toBe('run 1');
    expect(runs).toBe(1);
    expect(queue.hasWaiting('index')).toBe(false);
    // Once that run has started, a new call queues a new run.
    expect(await again()).toBe('run 2');
  });
});
