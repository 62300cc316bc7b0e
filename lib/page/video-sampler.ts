/**
 * Samples frames of videos the page is playing, about once a second, while they are visible: the page
 * already decoded them, so nothing is downloaded. Capture is a small canvas draw (≤ 256 px); hashing happens
 * in the background, off the page's main thread. A cross-origin video whose frames cannot be read is left
 * to its poster, once, with a note in the console.
 */
import { toBase64 } from '../text/base64';

export const SAMPLE_INTERVAL_MS = 1_000;
const FRAME_DIMENSION = 256;
/** Enough frames to decide; then the video is left alone. */
const MAX_FRAMES_PER_VIDEO = 30;

export interface CapturedFrame {
  width: number;
  height: number;
  /** Seconds into the video. */
  t: number;
  /** Luma bytes, row by row, base64 (compact over extension messaging). */
  luma: string;
}

export interface VideoSamplerOptions {
  signal: AbortSignal;
  onFrame: (video: HTMLVideoElement, frame: CapturedFrame) => void;
  intervalMs?: number;
}

export function lumaBase64(rgba: Uint8ClampedArray): string {
  const luma = new Uint8Array(rgba.length >> 2);
  // Integer weights (0.299, 0.587, 0.114 in 1/1024ths): no float work per pixel on the page's thread.
  for (let i = 0, p = 0; i < luma.length; i++, p += 4) luma[i] = (306 * rgba[p]! + 601 * rgba[p + 1]! + 117 * rgba[p + 2]! + 512) >> 10;
  return toBase64(luma);
}

export class VideoSampler {
  private readonly visible = new Set<HTMLVideoElement>();
  private readonly counts = new WeakMap<HTMLVideoElement, number>();
  private readonly observer: IntersectionObserver;
  private canvas: HTMLCanvasElement | null = null;

  constructor(private readonly options: VideoSamplerOptions) {
    this.observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const video = entry.target as HTMLVideoElement;
        if (entry.isIntersecting) this.visible.add(video);
        else this.visible.delete(video); // sampling stops when the video leaves the viewport
      }
    });
    const timer = setInterval(() => this.sample(), options.intervalMs ?? SAMPLE_INTERVAL_MS);
    options.signal.addEventListener(
      'abort',
      () => {
        clearInterval(timer);
        this.observer.disconnect();
        this.visible.clear();
      },
      { once: true },
    );
  }

  watch(video: HTMLVideoElement): void {
    if (this.options.signal.aborted || this.counts.has(video)) return;
    this.counts.set(video, 0);
    this.observer.observe(video);
  }

  private stopWatching(video: HTMLVideoElement): void {
    this.visible.delete(video);
    this.observer.unobserve(video);
  }

  private sample(): void {
    for (const video of this.visible) {
      if (!video.isConnected) {
        this.stopWatching(video);
        continue;
      }
      if (video.paused || video.readyState < 2 || !video.videoWidth) continue;
      const frame = this.capture(video);
      if (!frame) continue;
      const count = (this.counts.get(video) ?? 0) + 1;
      this.counts.set(video, count);
      if (count >= MAX_FRAMES_PER_VIDEO) this.stopWatching(video);
      this.options.onFrame(video, frame);
    }
  }

  private capture(video: HTMLVideoElement): CapturedFrame | null {
    const scale = Math.min(1, FRAME_DIMENSION / Math.max(video.videoWidth, video.videoHeight));
    const width = Math.max(1, Math.round(video.videoWidth * scale));
    const height = Math.max(1, Math.round(video.videoHeight * scale));
    this.canvas ??= document.createElement('canvas');
    this.canvas.width = width;
    this.canvas.height = height;
    const context = this.canvas.getContext('2d', { willReadFrequently: true })!;
    try {
      context.drawImage(video, 0, 0, width, height);
      return { width, height, t: video.currentTime, luma: lumaBase64(context.getImageData(0, 0, width, height).data) };
    } catch {
      // A tainted canvas: the frames are not ours to read. The poster still is.
      console.info('Sanad: this video’s frames cannot be read (cross-origin); matching uses its poster.');
      this.stopWatching(video);
      return null;
    }
  }
}
