import { describe, expect, it, vi } from 'vitest';
import { FrameWrites } from './frame-writes';

/** A frame clock the test advances by hand. */
function manualFrames() {
  const callbacks: (() => void)[] = [];
  return {
    schedule: (callback: () => void) => void callbacks.push(callback),
    pending: () => callbacks.length,
    render: () => callbacks.splice(0).forEach((c) => c()),
  };
}

describe('FrameWrites', () => {
  it('writes nothing until the frame, then every queued write in one go, asking for one frame only', () => {
    const frames = manualFrames();
    const writes = new FrameWrites<string>(frames.schedule);
    const done: string[] = [];
    for (const key of ['a', 'b', 'c']) writes.queue(key, () => done.push(key));
    expect(done).toEqual([]);
    expect(frames.pending()).toBe(1);
    frames.render();
    expect(done).toEqual(['a', 'b', 'c']);
    expect(writes.size).toBe(0);
  });

  it('keeps only the latest write for a key queued twice before the frame', () => {
    const frames = manualFrames();
    const writes = new FrameWrites<string>(frames.schedule);
    const done: string[] = [];
    writes.queue('post', () => done.push('first answer'));
    writes.queue('other', () => done.push('other'));
    writes.queue('post', () => done.push('second answer'));
    frames.render();
    expect(done).toEqual(['second answer', 'other']);
  });

  it('asks for a new frame for writes queued after a flush, and cancel drops what is queued', async () => {
    const frames = manualFrames();
    const writes = new FrameWrites<string>(frames.schedule);
    const done: string[] = [];
    writes.queue('a', () => done.push('a'));
    frames.render();
    writes.queue('b', () => done.push('b'));
    writes.cancel();
    expect(frames.pending()).toBe(1);
    frames.render();
    expect(done).toEqual(['a']);
    const settled = writes.settled();
    writes.queue('c', () => done.push('c'));
    frames.render();
    await settled;
    expect(done).toEqual(['a', 'c']);
  });

  it('one failing write does not stop the others, and its error is reported', () => {
    const frames = manualFrames();
    const errors: unknown[] = [];
    const writes = new FrameWrites<number>(frames.schedule, (e) => errors.push(e));
    const done: number[] = [];
    writes.queue(1, () => {
      throw new Error('odd post');
    });
    writes.queue(2, () => done.push(2));
    frames.render();
    expect(done).toEqual([2]);
    expect(errors).toHaveLength(1);
  });

  it('settled() waits for the frame that writes what is queued', async () => {
    const frames = manualFrames();
    const writes = new FrameWrites<string>(frames.schedule);
    let written = false;
    writes.queue('a', () => (written = true));
    let resolved = false;
    const settled = writes.settled().then(() => (resolved = true));
    await Promise.resolve();
    expect(resolved).toBe(false);
    frames.render();
    await settled;
    expect(written).toBe(true);
  });

  it('with a gather time, waits for a nudge (the page renders anyway) before asking for the frame', () => {
    vi.useFakeTimers();
    try {
      const frames = manualFrames();
      const writes = new FrameWrites<string>(frames.schedule, undefined, 100);
      const done: string[] = [];
      writes.nudge(); // nothing queued: no frame
      expect(frames.pending()).toBe(0);
      writes.queue('a', () => done.push('a'));
      vi.advanceTimersByTime(50);
      writes.queue('b', () => done.push('b'));
      expect(frames.pending()).toBe(0);
      writes.nudge();
      writes.nudge(); // one frame only
      expect(frames.pending()).toBe(1);
      vi.advanceTimersByTime(200); // the gather timer was dropped with the nudge
      expect(frames.pending()).toBe(1);
      frames.render();
      expect(done).toEqual(['a', 'b']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('with a gather time and no nudge, asks for the frame once that time has passed since the first write', async () => {
    vi.useFakeTimers();
    try {
      const frames = manualFrames();
      const writes = new FrameWrites<string>(frames.schedule, undefined, 100);
      const done: string[] = [];
      writes.queue('a', () => done.push('a'));
      const settled = writes.settled();
      vi.advanceTimersByTime(60);
      writes.queue('b', () => done.push('b')); // does not push the deadline back
      vi.advanceTimersByTime(39);
      expect(frames.pending()).toBe(0);
      vi.advanceTimersByTime(1);
      expect(frames.pending()).toBe(1);
      writes.queue('c', () => done.push('c')); // joins the frame already asked for
      frames.render();
      await settled;
      expect(done).toEqual(['a', 'b', 'c']);
      // The next write gathers anew.
      writes.queue('d', () => done.push('d'));
      vi.advanceTimersByTime(99);
      expect(frames.pending()).toBe(0);
      vi.advanceTimersByTime(1);
      expect(frames.pending()).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
