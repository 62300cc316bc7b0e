import { afterEach, describe, expect, it, vi } from 'vitest';
import { IdleRelease } from './idle-release';

afterEach(() => {
  vi.useRealTimers();
});

describe('the SDK’s document is released when idle', () => {
  it('releases once, only after the last task has been idle for the delay', async () => {
    vi.useFakeTimers();
    const release = vi.fn();
    const idle = new IdleRelease(1_000, release);
    let finish!: () => void;
    const slow = idle.run(() => new Promise<void>((done) => (finish = done)));
    await idle.run(async () => 'quick');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(release).not.toHaveBeenCalled(); // the slow task is still running
    finish();
    await slow;
    await vi.advanceTimersByTimeAsync(999);
    expect(release).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(release).toHaveBeenCalledTimes(1);
  });

  it('a task that comes during the release waits for it, and a failing release does not fail it', async () => {
    vi.useFakeTimers();
    const order: string[] = [];
    let released!: () => void;
    const idle = new IdleRelease(10, () => {
      order.push('release started');
      return new Promise<void>((_, fail) => (released = () => fail(new Error('already closed'))));
    });
    await idle.run(async () => order.push('first'));
    await vi.advanceTimersByTimeAsync(10);
    const second = idle.run(async () => order.push('second'));
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['first', 'release started']);
    released();
    await second;
    expect(order).toEqual(['first', 'release started', 'second']);
  });

  it('passes a task’s failure on', async () => {
    const idle = new IdleRelease(10, () => {});
    await expect(idle.run(() => Promise.reject(new Error('worker crashed')))).rejects.toThrow('worker crashed');
  });
});
