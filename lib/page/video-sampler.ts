/**
 * Samples frames of videos the page is playing, about once a second, while they are visible: the page
 * already decoded them, so nothing is downloaded. Capture reads the decoded frame's luma plane through
 * `VideoFrame.copyTo` and box-averages it to ≤ FRAME_DIMENSION (256) px (about 1.5 ms at 720p here; a canvas
 * draw costs 10–25 ms without a GPU because it converts every pixel to RGB first). The canvas stays as the fallback for frames
 * in formats we do not read. Hashing happens in the background, off the page's main thread. A cross-origin
 * video whose frames cannot be read is left to its poster, once, with a note in the console.
 */
import { toBase64 } from '../text/base64';
import type { FrameDto } from '../wire/shapes';
import { smallLuma, supportsFormat } from './frame-luma';
import { FRAME_DIMENSION } from '../media/frame-size';

export const SAMPLE_INTERVAL_MS = 1_000;
/** Enough frames to decide; then the video is left alone. */
const MAX_FRAMES_PER_VIDEO = 30;

/** A sampled frame as it goes to the background. */
export type CapturedFrame = FrameDto;

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

/** Reusable buffers, so a capture allocates almost nothing. */
export interface CaptureScratch {
  planes: Uint8Array;
  canvas: HTMLCanvasElement | null;
}

export const newScratch = (): CaptureScratch => ({ planes: new Uint8Array(0), canvas: null });

/** The frame the video shows now, as small luma; throws a SecurityError when the frame is cross-origin. */
export async function captureFrame(video: HTMLVideoElement, scratch: CaptureScratch): Promise<CapturedFrame> {
  const t = video.currentTime;
  if (typeof VideoFrame === 'function') {
    const frame = new VideoFrame(video); // throws a SecurityError for a cross-origin frame
    try {
      if (supportsFormat(frame.format)) {
        const size = frame.allocationSize();
        if (scratch.planes.length < size) scratch.planes = new Uint8Array(size);
        // copyTo copies the visible rectangle, so the planes' size is the visible one.
        const { width, height } = frame.visibleRect ?? { width: frame.codedWidth, height: frame.codedHeight };
        const layout = await frame.copyTo(scratch.planes);
        const small = smallLuma(scratch.planes, layout, frame.format!, width, height, FRAME_DIMENSION);
        return { width: small.width, height: small.height, t, luma: toBase64(small.luma) };
      }
    } catch (error) {
      if (error instanceof DOMException && error.name === 'SecurityError') throw error;
      // Anything else (a frame held on the GPU, an odd layout): the canvas reads it.
    } finally {
      frame.close();
    }
  }
  return captureWithCanvas(video, scratch, t);
}

function captureWithCanvas(video: HTMLVideoElement, scratch: CaptureScratch, t: number): CapturedFrame {
  const scale = Math.min(1, FRAME_DIMENSION / Math.max(video.videoWidth, video.videoHeight));
  const width = Math.max(1, Math.round(video.videoWidth * scale));
  const height = Math.max(1, Math.round(video.videoHeight * scale));
  const canvas = (scratch.canvas ??= document.createElement('canvas'));
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(video, 0, 0, width, height);
  return { width, height, t, luma: lumaBase64(context.getImageData(0, 0, width, height).data) };
}

export class VideoSampler {
  private readonly visible = new Set<HTMLVideoElement>();
  private readonly counts = new WeakMap<HTMLVideoElement, number>();
  private readonly observer: IntersectionObserver;
  private readonly scratch = newScratch();
  private sampling = false;

  constructor(private readonly options: VideoSamplerOptions) {
    this.observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const video = entry.target as HTMLVideoElement;
        if (entry.isIntersecting) this.visible.add(video);
        else this.visible.delete(video); // sampling stops when the video leaves the viewport
      }
    });
    const timer = setInterval(() => void this.sample(), options.intervalMs ?? SAMPLE_INTERVAL_MS);
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

  private async sample(): Promise<void> {
    if (this.sampling) return; // a slow capture never stacks up behind the timer
    this.sampling = true;
    try {
      for (const video of [...this.visible]) {
        if (this.options.signal.aborted) return;
        if (!video.isConnected) {
          this.stopWatching(video);
          continue;
        }
        if (video.paused || video.readyState < 2 || !video.videoWidth) continue;
        const frame = await this.capture(video);
        if (!frame || this.options.signal.aborted) continue;
        const count = (this.counts.get(video) ?? 0) + 1;
        this.counts.set(video, count);
        if (count >= MAX_FRAMES_PER_VIDEO) this.stopWatching(video);
        this.options.onFrame(video, frame);
      }
    } finally {
      this.sampling = false;
    }
  }

  private async capture(video: HTMLVideoElement): Promise<CapturedFrame | null> {
    try {
      return await captureFrame(video, this.scratch);
    } catch {
      // A tainted frame: not ours to read. The poster still is.
      console.info('Sanad: this video’s frames cannot be read (cross-origin); matching uses its poster.');
      this.stopWatching(video);
      return null;
    }
  }
}
