/**
 * Site rules updates: the signed pack at the address pinned in the build, fetched on the feed sync alarm and
 * on "check for site updates", checked whole (lib/site-rules/pack.ts) and kept in IndexedDB only when every
 * check passes. Any fault keeps the last good pack and is recorded for the options page. Content scripts ask
 * for their site's rules when they start, and are told when an accepted pack changes them (open tabs take the
 * new rules without a reload).
 */
import { readCappedText } from '../untrusted/capped-body';
import { SYNC_TIMEOUT_MS } from '../feeds/sync';
import { RULES_LIMITS } from '../site-rules/check';
import { acceptedOf, acceptRulesPack, rulesForSite } from '../site-rules/pack';
import type { SiteRules } from '../site-rules/bundled';
import { BUNDLED_RULES } from '../site-rules/bundled';
import { SITE_IDS, type SiteId } from '../sites/platforms';
import type { SanadDb, SiteRulesRecord } from '../store/db';
import type { SiteRulesStatus } from '../wire/shapes';
import type { SiteRulesSource } from '../site-rules/pinned';
import type { RulesPack } from '../site-rules/check';

export type { SiteRulesSource };

export interface SiteRulesDeps {
  openDb: () => Promise<SanadDb>;
  fetch: typeof fetch;
  now: () => number;
  /** Null when the build sets none: no updates. */
  source: SiteRulesSource | null;
  timeoutMs?: number;
  /** After an accepted pack changed the rules some sites are read with: open tabs of those sites re-read. */
  rulesChanged?: (sites: SiteId[]) => void;
}

const JSON_TYPE = /^(application\/json|text\/plain)\b/i;

/** The sites whose rules in use differ between two packs (a site's pack rules count only above the bundled). */
export function changedSites(before: RulesPack | undefined, after: RulesPack): SiteId[] {
  return SITE_IDS.filter((site) => rulesForSite(before, site).version !== rulesForSite(after, site).version);
}

export class SiteRulesService {
  private syncing: Promise<SiteRulesStatus> | null = null;

  constructor(private readonly deps: SiteRulesDeps) {}

  private async record(): Promise<SiteRulesRecord> {
    return (await (await this.deps.openDb()).get('siteRules', 'current')) ?? { id: 'current' };
  }

  /** The rules a site's content script reads with: the pack's when newer than the bundled ones. */
  async rulesFor(site: SiteId): Promise<SiteRules> {
    return rulesForSite((await this.record()).pack, site);
  }

  async status(): Promise<SiteRulesStatus> {
    const record = await this.record();
    return {
      configured: !!this.deps.source,
      ...(record.pack && { packVersion: record.pack.version, generated: record.pack.generated }),
      ...(record.lastAttempt !== undefined && { lastAttempt: record.lastAttempt }),
      ...(record.lastSuccess !== undefined && { lastSuccess: record.lastSuccess }),
      ...(record.lastError && { lastError: record.lastError }),
      sites: SITE_IDS.map((site) => {
        const rules = rulesForSite(record.pack, site);
        return { site, version: rules.version, updated: rules !== BUNDLED_RULES[site] };
      }),
    };
  }

  /** One sync at a time: the alarm and the button may overlap. */
  sync(): Promise<SiteRulesStatus> {
    this.syncing ??= this.syncOnce().finally(() => (this.syncing = null));
    return this.syncing;
  }

  private async syncOnce(): Promise<SiteRulesStatus> {
    const { source } = this.deps;
    if (!source) return this.status();
    const attempt = this.deps.now();
    const db = await this.deps.openDb();
    const save = async (changes: Partial<SiteRulesRecord>) => {
      const current = await this.record();
      await db.put('siteRules', { ...current, ...changes, lastAttempt: attempt });
    };
    try {
      const body = await this.fetchPack(source.url);
      const verdict = await acceptRulesPack(body, source.publicKey, (await this.record()).accepted);
      if (verdict.kind === 'refused') throw new Error(verdict.reason);
      if (verdict.kind === 'accepted') {
        const before = (await this.record()).pack;
        await save({ pack: verdict.pack, accepted: acceptedOf(verdict.pack), lastSuccess: attempt, lastError: undefined });
        const changed = changedSites(before, verdict.pack);
        if (changed.length) this.deps.rulesChanged?.(changed);
      } else await save({ lastSuccess: attempt, lastError: undefined });
    } catch (error) {
      const reason = error instanceof Error ? (error.name === 'TimeoutError' ? 'timed out' : error.message) : String(error);
      await save({ lastError: reason.slice(0, 500) });
    }
    return this.status();
  }

  private async fetchPack(url: string): Promise<string> {
    // Nothing about the user goes with the request: no cookies, no referrer.
    const response = await this.deps.fetch(url, {
      headers: { accept: 'application/json' },
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-cache',
      signal: AbortSignal.timeout(this.deps.timeoutMs ?? SYNC_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`the rules address answered HTTP ${response.status}`);
    const type = response.headers.get('content-type') ?? '';
    if (type && !JSON_TYPE.test(type)) throw new Error(`wrong content type ${type.slice(0, 60)}`);
    if (Number(response.headers.get('content-length') ?? 0) > RULES_LIMITS.bytes)
      throw new Error(`the pack is larger than ${RULES_LIMITS.bytes} bytes`);
    return readCappedText(response, RULES_LIMITS.bytes).catch((error: unknown) => {
      throw error instanceof Error && /too large/.test(error.message)
        ? new Error(`the pack is larger than ${RULES_LIMITS.bytes} bytes`)
        : error;
    });
  }
}
