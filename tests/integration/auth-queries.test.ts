import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../helpers/db";
import { createUser, EmailTakenError, getUserByEmail, listUnverifiedUsers, upsertAdmin } from "../../db/queries/users";
import { registerAccount, UnknownAgencyError } from "../../db/queries/accounts";
import { deleteSession, getLiveSession, insertSession, purgeExpiredSessions } from "../../db/queries/sessions";
import { clearFailures, lockedFor, LOGIN_POLICY, recordFailure, takeToken } from "../../db/queries/throttle";
import { verifyPassword } from "../../db/password";

describe("accounts, sessions and throttling", async () => {
  const { db, close } = await createTestDatabase();
  afterAll(close);

  it("creates users with normalised e-mail and refuses duplicates", async () => {
    const user = await createUser(db, { email: "  Founder@Example.KZ ", password: "long-enough-pw", name: "A", role: "startup", locale: "kk" });
    expect(user.email).toBe("founder@example.kz");
    expect(user.verified).toBe(1);
    await expect(createUser(db, { email: "founder@example.kz", password: "long-enough-pw", name: "B", role: "startup", locale: "kk" })).rejects.toBeInstanceOf(EmailTakenError);
  });

  it("leaves investors and agencies unverified and creates the investor profile", async () => {
    const investor = await registerAccount(db, { role: "investor", name: "I", email: "inv@example.kz", password: "long-enough-pw", locale: "ru", organisation: "Steppe Capital" });
    expect(investor.verified).toBe(0);
    const profile = await db.selectFrom("investors").selectAll().where("owner_id", "=", investor.id).executeTakeFirstOrThrow();
    expect(profile.slug).toBe("steppe-capital");
    expect((await listUnverifiedUsers(db)).map((u) => u.email)).toContain("inv@example.kz");
    await expect(registerAccount(db, { role: "agency", name: "G", email: "gov@example.kz", password: "long-enough-pw", locale: "ru", agencyId: "nope" })).rejects.toBeInstanceOf(UnknownAgencyError);
    expect(await getUserByEmail(db, "gov@example.kz")).toBeUndefined();
  });

  it("creates or promotes the admin", async () => {
    expect(await upsertAdmin(db, "admin@example.kz", "admin-password-1")).toBe("created");
    expect(await upsertAdmin(db, "founder@example.kz", "admin-password-2")).toBe("updated");
    const promoted = await getUserByEmail(db, "founder@example.kz");
    expect(promoted?.role).toBe("admin");
    expect(await verifyPassword("admin-password-2", promoted!.password_hash)).toBe(true);
  });

  it("keeps live sessions and purges expired ones", async () => {
    const user = await getUserByEmail(db, "admin@example.kz");
    const now = Date.now();
    await insertSession(db, { id: "live", user_id: user!.id, data: "{}", created_at: now, expires_at: now + 1000 });
    await insertSession(db, { id: "old", user_id: user!.id, data: "{}", created_at: now, expires_at: now - 1 });
    expect(await getLiveSession(db, "live")).toBeDefined();
    expect(await getLiveSession(db, "old")).toBeUndefined();
    expect(await purgeExpiredSessions(db)).toBe(1);
    await deleteSession(db, "live");
    expect(await getLiveSession(db, "live")).toBeUndefined();
  });

  it("locks a key after repeated failures and unlocks on success", async () => {
    const t0 = 1_000_000;
    for (let i = 0; i < LOGIN_POLICY.maxFailures - 1; i++) await recordFailure(db, "k", LOGIN_POLICY, t0 + i);
    expect(await lockedFor(db, "k", t0 + 10)).toBe(0);
    await recordFailure(db, "k", LOGIN_POLICY, t0 + 10);
    expect(await lockedFor(db, "k", t0 + 11)).toBeGreaterThan(0);
    expect(await lockedFor(db, "k", t0 + 10 + LOGIN_POLICY.lockMs + 1)).toBe(0);
    await clearFailures(db, "k");
    expect(await lockedFor(db, "k", t0 + 12)).toBe(0);
  });

  it("token bucket allows the capacity, then asks to wait", async () => {
    const t0 = 5_000_000;
    for (let i = 0; i < 3; i++) expect(await takeToken(db, "chat:1", 3, 60_000, t0)).toBe(0);
    const wait = await takeToken(db, "chat:1", 3, 60_000, t0);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(20_000);
    expect(await takeToken(db, "chat:1", 3, 60_000, t0 + 20_000)).toBe(0);
  });
});
