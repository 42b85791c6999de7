// Virtual users for the load and fault suites: each signs up as a startup, then loops over a mix of reads,
// chat questions, profile edits, applications and further sign-ups until told to stop, recording every
// write the server acknowledged. `verifyAcknowledged` then checks each of them in the database file.
import type Database from "better-sqlite3";
import { CITIES, SECTORS, STAGES } from "../../db/taxonomy";
import { Client } from "./http-client";
import { uniqueEmail } from "./world";

export interface OpenChallenge {
  id: string;
  slug: string;
  budget: number;
}

export interface WriteLog {
  signups: string[];
  /** Per startup id, the names sent in order; `acked` marks those the server confirmed. */
  edits: Map<string, { name: string; acked: boolean }[]>;
  applications: { startupId: string; challengeId: string }[];
  chats: number;
  reads: number;
  statuses: Map<number, number>;
  /** Network errors (no HTTP answer at all), with the operation. */
  failures: string[];
  serverErrors: string[];
}

export function newWriteLog(): WriteLog {
  return {
    signups: [],
    edits: new Map(),
    applications: [],
    chats: 0,
    reads: 0,
    statuses: new Map(),
    failures: [],
    serverErrors: [],
  };
}

export interface LoadOptions {
  baseUrl: string;
  users: number;
  /** The users stop starting new operations at this time (ms since epoch) or when `stop()` is called. */
  until: number;
  challenges: OpenChallenge[];
  readPaths: string[];
  /** Relative weights of the operations. */
  mix?: Partial<Record<"read" | "chat" | "edit" | "apply" | "signup", number>>;
  log: WriteLog;
}

const DEFAULT_MIX = { read: 40, chat: 20, edit: 20, apply: 10, signup: 10 };

function profile(name: string): Record<string, string | string[]> {
  return {
    name,
    tagline: "Computer vision for load testing",
    description: "A startup created by the reliability load suite to prove that acknowledged writes survive.",
    sectors: [SECTORS[1]!],
    stage: STAGES[2]!,
    trl: "6",
    city: CITIES[0]!,
    teamSize: "5",
    foundedYear: "2022",
    askCurrency: "USD",
    published: "on",
  };
}

/** Runs the virtual users until the deadline or `stop()`; resolves when every in-flight operation has ended. */
export function runWriteLoad(options: LoadOptions): { done: Promise<void>; stop: () => void } {
  let stopped = false;
  const mix = { ...DEFAULT_MIX, ...options.mix };
  const total = Object.values(mix).reduce((a, b) => a + b, 0);
  const { log } = options;

  const record = (what: string, res: Response) => {
    log.statuses.set(res.status, (log.statuses.get(res.status) ?? 0) + 1);
    if (res.status >= 500) log.serverErrors.push(`${what}: ${res.status}`);
  };

  /** Sends a request and reads its answer whole; a network error (no answer, or a cut-off one) is recorded. */
  async function attempt(what: string, run: () => Promise<Response>): Promise<Response | undefined> {
    try {
      const res = await run();
      await res.arrayBuffer();
      return res;
    } catch (error) {
      if (!stopped) log.failures.push(`${what}: ${(error as Error).cause ?? (error as Error).message}`);
      return undefined;
    }
  }

  async function signup(client: Client): Promise<boolean> {
    const email = uniqueEmail("load");
    const res = await attempt("signup", () =>
      client.submit("/signup", {
        role: "startup",
        name: "Load Tester",
        email,
        password: "long-password-1",
        passwordConfirm: "long-password-1",
      }),
    );
    if (!res) return false;
    record("signup", res);
    if (res.status === 302) log.signups.push(email);
    return res.status === 302;
  }

  async function user(index: number): Promise<void> {
    const client = new Client(options.baseUrl);
    if (!(await signup(client))) return;
    let startupId: string | undefined;
    let edits = 0;
    const applied = new Set<string>();
    let n = 0;
    while (!stopped && Date.now() < options.until) {
      n++;
      let pick = (((index * 7919 + n * 104729) % 1000) / 1000) * total;
      const op = (Object.keys(mix) as (keyof typeof mix)[]).find((k) => (pick -= mix[k]) < 0) ?? "read";
      if (op === "read") {
        const path = options.readPaths[(index + n) % options.readPaths.length]!;
        const res = await attempt(`GET ${path}`, () => client.request(path));
        if (res) {
          record(`GET ${path}`, res);
          log.reads++;
        }
      } else if (op === "chat") {
        const res = await attempt("chat", () =>
          client.request("/api/chat", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ message: n % 2 ? "сколько стоит паспорт" : "how do I register a business" }),
          }),
        );
        if (res) {
          record("chat", res);
          if (res.status === 200) log.chats++;
        }
      } else if (op === "edit" || (op === "apply" && !startupId)) {
        const name = `Load Startup ${index}-${++edits}`;
        const path = startupId ? `/account/startup?id=${startupId}` : "/account/startup";
        const entry = { name, acked: false };
        if (startupId) log.edits.get(startupId)!.push(entry);
        const res = await attempt("profile edit", () => client.submit(path, profile(name)));
        if (!res) continue;
        record("profile edit", res);
        if (res.status !== 302) continue;
        const id = /[?&]id=([^&]+)/.exec(res.headers.get("location") ?? "")?.[1];
        if (!id) continue;
        if (!startupId) {
          startupId = decodeURIComponent(id);
          log.edits.set(startupId, [entry]);
        }
        entry.acked = true;
      } else if (op === "apply") {
        const challenge = options.challenges.find((c) => !applied.has(c.id));
        if (!challenge) continue;
        applied.add(challenge.id);
        const res = await attempt("apply", () =>
          client.submit(`/challenges/${challenge.slug}/apply`, {
            startupId: startupId!,
            proposal:
              "We will run a three-month pilot with a clear evaluation plan, weekly reports and an open final review.",
            requestedBudget: String(Math.min(challenge.budget, 1_000_000)),
            timelineMonths: "3",
            team: "Two engineers and a product lead.",
          }),
        );
        if (!res) continue;
        record("apply", res);
        if (res.status === 302) log.applications.push({ startupId: startupId!, challengeId: challenge.id });
      } else {
        await signup(new Client(options.baseUrl));
      }
    }
  }

  const done = Promise.all(Array.from({ length: options.users }, (_, i) => user(i))).then(() => undefined);
  return { done, stop: () => (stopped = true) };
}

/** Every acknowledged write, looked up in the database file; returns what is missing. */
export function verifyAcknowledged(db: Database.Database, log: WriteLog): string[] {
  const missing: string[] = [];
  const userByEmail = db.prepare("select id from users where email = ?");
  for (const email of log.signups) if (!userByEmail.get(email)) missing.push(`sign-up ${email}`);
  const startup = db.prepare("select name from startups where id = ?");
  for (const [id, edits] of log.edits) {
    const row = startup.get(id) as { name: string } | undefined;
    const lastAcked = edits.map((e) => e.acked).lastIndexOf(true);
    // The stored name is the last acknowledged one, or one sent after it whose answer never arrived.
    const allowed = edits.slice(Math.max(0, lastAcked)).map((e) => e.name);
    if (lastAcked >= 0 && (!row || !allowed.includes(row.name)))
      missing.push(`profile ${id}: "${edits[lastAcked]!.name}" acknowledged, stored "${row?.name}"`);
  }
  const application = db.prepare("select 1 from applications where startup_id = ? and challenge_id = ?");
  for (const a of log.applications)
    if (!application.get(a.startupId, a.challengeId)) missing.push(`application ${a.startupId} → ${a.challengeId}`);
  return missing;
}

export function openChallenges(db: Database.Database): OpenChallenge[] {
  return db
    .prepare(
      "select id, slug, budget_amount as budget from challenges where status = 'open' and deadline_at > ? order by slug",
    )
    .all(Date.now()) as OpenChallenge[];
}

export function summary(log: WriteLog): string {
  const statuses = [...log.statuses]
    .sort((a, b) => a[0] - b[0])
    .map(([s, n]) => `${s}×${n}`)
    .join(" ");
  return `${log.signups.length} sign-ups, ${[...log.edits.values()].reduce((a, e) => a + e.filter((x) => x.acked).length, 0)} profile saves, ${log.applications.length} applications, ${log.chats} chat answers, ${log.reads} reads; statuses ${statuses}`;
}
