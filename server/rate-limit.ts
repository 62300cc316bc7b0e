/** Per-client token buckets: `burst` requests at once, refilled at `perMinute`. Memory is bounded. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
    private readonly maxClients = 50_000,
  ) {}

  /** Takes one token for `client`; returns the seconds to wait when there is none. */
  take(client: string): { ok: true } | { ok: false; retryAfter: number } {
    const now = this.now();
    const bucket = this.buckets.get(client) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 60_000) * this.perMinute);
    bucket.at = now;
    this.buckets.delete(client);
    this.buckets.set(client, bucket); // most recent last, so the oldest are evicted first
    if (this.buckets.size > this.maxClients) this.buckets.delete(this.buckets.keys().next().value!);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfter: Math.ceil(((1 - bucket.tokens) / this.perMinute) * 60) };
  }
}
