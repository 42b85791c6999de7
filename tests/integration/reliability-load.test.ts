// Reliability: mixed load on the production server — 50 virtual users, each with its own connection and
// session, signing up, editing startup profiles (app/routes/account.startup.tsx), applying to open
// challenges, asking the assistant and reading pages — for RELIABILITY_LOAD_SECONDS (default 30 s).
// No answer may be a 5xx or a dropped connection, and every write the server acknowledged must be in the
// database file afterwards. Loopback only.
import Database from "better-sqlite3";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server";
import { newWriteLog, openChallenges, runWriteLoad, summary, verifyAcknowledged } from "../helpers/write-load";

const SECONDS = Number(process.env.RELIABILITY_LOAD_SECONDS ?? 30);
const USERS = Number(process.env.RELIABILITY_LOAD_USERS ?? 50);

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ CHAT_RATE_LIMIT: "100000" });
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

describe("mixed load", () => {
  it(
    `${USERS} users for ${SECONDS} s: no 5xx, nothing dropped, every acknowledged write stored`,
    async () => {
      const db = new Database(join(server.dataDir, "aqyl.sqlite"), { readonly: true });
      const challenges = openChallenges(db);
      expect(challenges.length).toBeGreaterThan(0);
      const startup = db
        .prepare("select slug from startups where published = 1 order by slug limit 1")
        .pluck()
        .get() as string;
      const log = newWriteLog();
      const started = Date.now();
      const load = runWriteLoad({
        baseUrl: server.url,
        users: USERS,
        until: started + SECONDS * 1000,
        challenges,
        readPaths: [
          "/",
          "/startups",
          "/startups?q=ai&sector=healthcare",
          "/challenges",
          "/investors",
          "/services",
          "/dashboard",
          "/api/stats",
          `/startups/${startup}`,
          `/challenges/${challenges[0]!.slug}`,
        ],
        log,
      });
      await load.done;
      const elapsed = (Date.now() - started) / 1000;
      console.log(`load: ${elapsed.toFixed(1)} s, ${summary(log)}`);

      expect(log.serverErrors).toEqual([]);
      expect(log.failures).toEqual([]);
      expect(log.signups.length).toBeGreaterThan(USERS);
      expect(log.edits.size).toBeGreaterThan(0);
      expect(log.applications.length).toBeGreaterThan(0);
      expect(log.chats).toBeGreaterThan(0);
      expect(verifyAcknowledged(db, log)).toEqual([]);
      expect(db.prepare("pragma integrity_check").pluck().get()).toBe("ok");
      // Every answered question is in the (redacted) chat log.
      expect(db.prepare("select count(*) from chat_logs where channel = 'api'").pluck().get()).toBeGreaterThanOrEqual(
        log.chats,
      );
      db.close();
      // And the server is still healthy.
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    },
    (SECONDS + 120) * 1000,
  );
});
