/**
 * Keyframes for the media tools: the video under the fact-checker's right-click is sampled twice a second
 * while it plays (the page already decoded it: nothing is downloaded), each frame hashed with PDQ, and a
 * frame far from every kept one (a scene change, KeyframePicker) is drawn to a canvas as a JPEG. A video
 * served from another origin without CORS taints the canvas: its frames cannot be read, and that is said.
 */
import { KeyframePicker } from '../media/keyframes';
import { pdqFromLuma } from '../media/pdq';
import { fromBase64 } from '../text/base64';
import { readHttpUrl } from '../untrusted/read';
import type { KeyframesDto } from '../wire/shapes';
import { captureFrame, newScratch } from './video-sampler';

const SAMPLE_MS = 500;
const IMAGE_SIDE = 480;

export class KeyframeSampler {
  private video: HTMLVideoElement | null = null;
  private picker = new KeyframePicker();
  private readonly scratch = newScratch();
  private readonly kept: KeyframesDto['keyframes'] = [];
  private unreadable = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private busy = false;

  constructor(private readonly signal: AbortSignal) {
    signal.addEventListener('abort', () => clearInterval(this.timer), { once: true });
  }

  /** The current state for `target` (the last right-clicked element); a new video starts a new strip. */
  report(target: Element | null): KeyframesDto {
    const video = findVideo(target);
    if (video && video !== this.video) this.begin(video);
    const v = this.video;
    if (!v) return { state: 'no-video', keyframes: [] };
    const src = readHttpUrl(v.currentSrc || v.src);
    const state = this.unreadable ? 'unreadable' : this.picker.full ? 'full' : this.kept.length ? 'sampling' : 'waiting';
    return { state, ...(src && { src }), keyframes: [...this.kept] };
  }

  private begin(video: HTMLVideoElement): void {
    clearInterval(this.timer);
    this.video = video;
    this.picker = new KeyframePicker();
    this.kept.length = 0;
    this.unreadable = false;
    if (!this.signal.aborted) this.timer = setInterval(() => void this.sample(video), SAMPLE_MS);
  }

  private async sample(video: HTMLVideoElement): Promise<void> {
    if (this.busy || video !== this.video || video.paused || video.readyState < 2 || !video.videoWidth) return;
    this.busy = true;
    try {
      const frame = await captureFrame(video, this.scratch);
      const bytes = fromBase64(frame.luma);
      const luma = Float32Array.from(bytes);
      const { hash, quality } = pdqFromLuma(luma, frame.width, frame.height);
      if (!this.picker.offer({ t: frame.t, hash, quality })) return;
      this.kept.push({ t: frame.t, image: drawJpeg(video), pdq: hash, frame });
      if (this.picker.full) clearInterval(this.timer);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'SecurityError') {
        this.unreadable = true;
        clearInterval(this.timer);
      }
    } finally {
      this.busy = false;
    }
  }
}

function findVideo(target: Element | null): HTMLVideoElement | null {
  if (!target) return null;
  if (target instanceof HTMLVideoElement) return target;
  const near = target.closest('video') ?? target.parentElement?.querySelector('video');
  if (near instanceof HTMLVideoElement) return near;
  // Sites lay their controls over the video: the nearest enclosing block that holds one.
  for (let e: Element | null = target.parentElement; e; e = e.parentElement) {
    const v = e.querySelector('video');
    if (v) return v;
  }
  return null;
}

function drawJpeg(video: HTMLVideoElement): string {
  const scale = Math.min(1, IMAGE_SIDE / Math.max(video.videoWidth, video.videoHeight));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(video.videoWidth * scale));
  canvas.height = Math.max(1, Math.round(video.videoHeight * scale));
  canvas.getContext('2d')!.drawImage(video, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/jpeg', 0.85); // throws a SecurityError on a tainted canvas
}
