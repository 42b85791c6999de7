/**
 * An in-memory index of published startups with their embedded texts, so that matching does not
 * re-embed thousands of profiles per query: one challenge against 10k startups takes a few
 * milliseconds (docs/BENCHMARKS.md, "Matching"). Entries are keyed by id and `updated_at`; a refresh
 * reads only the rows updated since the newest one it has seen (less an overlap for transactions
 * that commit late), drops startups that were unpublished, and compares the published count with its
 * own to notice deletions and rows written with an old timestamp (then it sweeps the ids). Refreshes
 * are serialised: concurrent callers share the one in flight.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import {
  countPublishedStartups, listPublishedStartupIds, listPublishedStartupsForMatching, listStartupsChangedSince,
  listStartupsForMatchingByIds, type StartupMatchRow,
} from "../../db/queries/matching";
import { explainStartupForInvestor, prepareStartup, rankPreparedForChallenge, rankPreparedForInvestor, type ChallengeMatchOptions, type PreparedStartup } from "./match";
import { challengeOpen } from "./constraints";
import { startupProfileFromRow } from "./profiles";
import { matchingEmbedder, type SyncEmbedder } from "./semantic";
import type { ChallengeProfile, InvestorThesis, MatchList, MatchOptions, MatchResult, StartupProfile } from "./types";

/** Rows committed this long after a newer row was already read are still picked up. */
const REFRESH_OVERLAP_MS = 60_000;

export interface MatchingIndexParams {
  embedder?: SyncEmbedder;
}

export interface RefreshSummary {
  added: number;
  updated: number;
  removed: number;
  /** Rows read from the database (0 for a refresh skipped as recent). */
  read: number;
  size: number;
}

/**
 * Interns values (sectors, stages) as bit positions for the typed-array prefilter. Beyond 31 values
 * everything shares the last bit, which the prefilter treats as "maybe": the exact check decides.
 */
class BitCodes {
  private readonly codes = new Map<string, number>();
  static readonly OVERFLOW = 1 << 30;

  bit(value: string, create: boolean): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      if (!create) return BitCodes.OVERFLOW;
      if (this.codes.size >= 30) return BitCodes.OVERFLOW;
      code = this.codes.size;
      this.codes.set(value, code);
    }
    return 1 << code;
  }

  mask(values: readonly string[], create: boolean): number {
    let mask = 0;
    for (const v of values) mask |= this.bit(v, create);
    return mask;
  }
}

export class MatchingIndex {
  readonly embedder: SyncEmbedder;
  private readonly items: PreparedStartup[] = [];
  private readonly slots = new Map<string, number>();
  // Columns beside `items`, slot by slot, so the hard-constraint prefilter scans typed arrays and
  // touches the profile objects of plausible candidates only.
  private sectorBits = new Int32Array(1024);
  private stageBits = new Int32Array(1024);
  private trls = new Uint8Array(1024);
  private readonly sectorCodes = new BitCodes();
  private readonly stageCodes = new BitCodes();
  private watermark = 0;
  private loaded = false;
  private lastRefresh = 0;
  private inflight: Promise<RefreshSummary> | undefined;

  constructor(params: MatchingIndexParams = {}) {
    this.embedder = params.embedder ?? matchingEmbedder();
  }

  get size(): number {
    return this.items.length;
  }

  get(id: string): StartupProfile | undefined {
    const slot = this.slots.get(id);
    return slot === undefined ? undefined : this.items[slot]!.profile;
  }

  profiles(): StartupProfile[] {
    return this.items.map((i) => i.profile);
  }

  /**
   * Adds or replaces profiles (unchanged id + updatedAt are skipped, unpublished ones removed).
   * Returns how many entries changed.
   */
  upsert(profiles: Iterable<StartupProfile>): { added: number; updated: number; removed: number } {
    const counts = { added: 0, updated: 0, removed: 0 };
    for (const profile of profiles) {
      this.watermark = Math.max(this.watermark, profile.updatedAt);
      const slot = this.slots.get(profile.id);
      if (!profile.published) {
        if (slot !== undefined) counts.removed += this.remove([profile.id]);
        continue;
      }
      if (slot !== undefined && this.items[slot]!.profile.updatedAt === profile.updatedAt) continue;
      const prepared = prepareStartup(profile, this.embedder);
      if (slot === undefined) {
        this.slots.set(profile.id, this.items.length);
        this.items.push(prepared);
        this.setColumns(this.items.length - 1, profile);
        counts.added++;
      } else {
        this.items[slot] = prepared;
        this.setColumns(slot, profile);
        counts.updated++;
      }
    }
    return counts;
  }

  /** Removes entries by id (swap-with-last, so removal is O(1)); returns how many were present. */
  remove(ids: Iterable<string>): number {
    let removed = 0;
    for (const id of ids) {
      const slot = this.slots.get(id);
      if (slot === undefined) continue;
      const last = this.items.pop()!;
      this.slots.delete(id);
      if (slot < this.items.length) {
        this.items[slot] = last;
        this.slots.set(last.profile.id, slot);
        this.setColumns(slot, last.profile);
      }
      removed++;
    }
    return removed;
  }

  private setColumns(slot: number, profile: StartupProfile): void {
    if (slot >= this.trls.length) {
      const grow = <A extends Int32Array | Uint8Array>(old: A, make: (n: number) => A): A => {
        const next = make(old.length * 2);
        next.set(old);
        return next;
      };
      this.sectorBits = grow(this.sectorBits, (n) => new Int32Array(n));
      this.stageBits = grow(this.stageBits, (n) => new Int32Array(n));
      this.trls = grow(this.trls, (n) => new Uint8Array(n));
    }
    this.sectorBits[slot] = this.sectorCodes.mask(profile.sectors, true);
    this.stageBits[slot] = this.stageCodes.bit(profile.stage, true);
    this.trls[slot] = Math.max(0, Math.min(255, Math.floor(profile.trl)));
  }

  /**
   * Candidates that may pass the sector, stage and readiness constraints (a superset: the exact
   * checks run afterwards). `sectors`/`stages` empty: any.
   */
  private plausible(sectors: readonly string[], stages: readonly string[], minTrl: number): PreparedStartup[] {
    const anySector = !sectors.length;
    const anyStage = !stages.length;
    const sectorMask = this.sectorCodes.mask(sectors, false) | BitCodes.OVERFLOW;
    const stageMask = this.stageCodes.mask(stages, false) | BitCodes.OVERFLOW;
    const { sectorBits, stageBits, trls, items } = this;
    const out: PreparedStartup[] = [];
    for (let i = 0; i < items.length; i++) {
      if ((anySector || (sectorBits[i]! & sectorMask) !== 0) && (anyStage || (stageBits[i]! & stageMask) !== 0) && trls[i]! >= minTrl) {
        out.push(items[i]!);
      }
    }
    return out;
  }

  /** Brings the index up to date with the database; skipped when the last refresh is younger than `maxAgeMs`. */
  refresh(db: Kysely<Database>, options: { maxAgeMs?: number } = {}): Promise<RefreshSummary> {
    if (this.inflight) return this.inflight;
    if (this.loaded && options.maxAgeMs && Date.now() - this.lastRefresh < options.maxAgeMs) {
      return Promise.resolve({ added: 0, updated: 0, removed: 0, read: 0, size: this.size });
    }
    this.inflight = this.doRefresh(db).finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async doRefresh(db: Kysely<Database>): Promise<RefreshSummary> {
    const started = Date.now();
    const toProfiles = (rows: StartupMatchRow[]) => rows.map((r) => startupProfileFromRow(r.row, r.products));
    let read = 0;
    const total = { added: 0, updated: 0, removed: 0 };
    const add = (c: typeof total) => {
      total.added += c.added;
      total.updated += c.updated;
      total.removed += c.removed;
    };
    if (!this.loaded) {
      const rows = await listPublishedStartupsForMatching(db);
      read += rows.length;
      add(this.upsert(toProfiles(rows)));
      this.loaded = true;
    } else {
      const rows = await listStartupsChangedSince(db, this.watermark - REFRESH_OVERLAP_MS);
      read += rows.length;
      add(this.upsert(toProfiles(rows)));
      if ((await countPublishedStartups(db)) !== this.size) {
        const ids = await listPublishedStartupIds(db);
        const live = new Set(ids);
        total.removed += this.remove(this.items.filter((i) => !live.has(i.profile.id)).map((i) => i.profile.id));
        const missing = ids.filter((id) => !this.slots.has(id));
        if (missing.length) {
          const found = await listStartupsForMatchingByIds(db, missing);
          read += found.length;
          add(this.upsert(toProfiles(found)));
        }
      }
    }
    this.lastRefresh = started;
    return { ...total, read, size: this.size };
  }

  /** Startups for a challenge, as `matchStartupsToChallenge` but from the index. */
  matchChallenge(challenge: ChallengeProfile, options: Omit<ChallengeMatchOptions, "embedder"> = {}): MatchList<StartupProfile> {
    const now = options.now ?? Date.now();
    const all = options.includeExcluded || (options.checkChallengeStatus !== false && !challengeOpen(challenge, now));
    const candidates = all ? this.items : this.plausible([challenge.sector], [], challenge.minTrl);
    return rankPreparedForChallenge(challenge, candidates, { ...options, now, embedder: this.embedder });
  }

  /** Deal flow for a thesis, as `matchStartupsToInvestor` but from the index. */
  matchInvestor(thesis: InvestorThesis, options: MatchOptions<StartupProfile> = {}): MatchList<StartupProfile> {
    const candidates = options.includeExcluded ? this.items : this.plausible(thesis.sectors, thesis.stages, 0);
    return rankPreparedForInvestor(thesis, candidates, { ...options, embedder: this.embedder });
  }

  /** One startup explained for a thesis; undefined when the startup is not in the index (unpublished or unknown). */
  explainForInvestor(thesis: InvestorThesis, startupId: string, options: { now?: number } = {}): MatchResult<StartupProfile> | undefined {
    const slot = this.slots.get(startupId);
    if (slot === undefined) return undefined;
    const item = this.items[slot]!;
    return explainStartupForInvestor(thesis, item.profile, { ...options, embedder: this.embedder, text: item.text });
  }
}
