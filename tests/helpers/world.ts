// A signed-in client for every role on a running server seeded with the demo data, and real values for every
// route parameter (read from the server's SQLite file), for suites that walk all routes as all roles.
import Database from "better-sqlite3";
import { join } from "node:path";
import { expect } from "vitest";
import { Client } from "./http-client";
import type { RunningServer } from "./server";

export const ROLES = [
  "anonymous",
  "startup",
  "investor",
  "investorUnverified",
  "agency",
  "agencyUnverified",
  "admin",
] as const;
export type Role = (typeof ROLES)[number];

export const DEMO_PASSWORD = "aqyl-demo-2026";
export const ADMIN = { email: "root@aqyl.test", password: "admin-password-123" };
/** Environment for a server the world can be built on. */
// SQLite even in the PostgreSQL pass: `db` below reads the server's SQLite file (the suites using it are
// listed as SQLite-only in tests/pg-suite.ts; RunningServer.query reads either engine).
export const WORLD_ENV = {
  ADMIN_EMAIL: ADMIN.email,
  ADMIN_PASSWORD: ADMIN.password,
  AITU_WEBHOOK_SECRET: "reliability-webhook-secret-0123",
  DATABASE_URL: "",
};

/** Demo accounts (seeds/marketplace/*.json) standing for each role; the two unverified ones are signed up. */
const ACCOUNTS: Partial<Record<Role, string>> = {
  startup: "dauys-med@demo.aqyl.kz",
  investor: "steppe-arc-ventures@demo.aqyl.kz",
  investorUnverified: "aruzhan-temirova@demo.aqyl.kz",
  agency: "ministry-of-health@demo.aqyl.kz",
};

export interface World {
  clients: Record<Role, Client>;
  /** Values for every `:param` of app/routes, chosen so the signed-in owner roles reach real records. */
  params: Record<string, string>;
  ids: {
    agencyId: string;
    startupId: string;
    challengeSlug: string;
    challengeId: string;
    applicationId: string;
    productId: string;
    introId: string;
    pipelineEntryId: string;
    /** A throwaway unverified user an admin may verify without changing any role's rights. */
    verifyTargetId: string;
  };
  /** A read-only view of the server's database (SQLite in its DATA_DIR). */
  db: Database.Database;
  login(role: Exclude<Role, "anonymous">): Promise<Client>;
  close(): void;
}

let counter = 0;
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter++}@aqyl.test`;
}

export async function signup(
  client: Client,
  role: "startup" | "investor" | "agency",
  extra: Record<string, string> = {},
  email = uniqueEmail(role),
): Promise<Response> {
  return client.submit("/signup", {
    role,
    name: "Reliability Tester",
    email,
    password: "long-password-1",
    passwordConfirm: "long-password-1",
    ...extra,
  });
}

export async function buildWorld(server: RunningServer): Promise<World> {
  const db = new Database(join(server.dataDir, "aqyl.sqlite"), { readonly: true, fileMustExist: true });
  const one = <T>(sql: string, ...args: unknown[]) => {
    const row = db.prepare(sql).get(...args) as T | undefined;
    if (!row) throw new Error(`world: nothing for ${sql}`);
    return row;
  };
  const agency = one<{ id: string }>("select id from agencies where slug = 'ministry-of-health'");
  const startupOwner = one<{ id: string }>("select id from users where email = ?", ACCOUNTS.startup);
  const startup = one<{ id: string; slug: string }>(
    "select id, slug from startups where owner_id = ? order by created_at limit 1",
    startupOwner.id,
  );
  const challenge = one<{ id: string; slug: string }>(
    "select c.id, c.slug from challenges c where c.agency_id = ? and exists (select 1 from applications a where a.challenge_id = c.id) order by c.status = 'reviewing' desc, c.slug limit 1",
    agency.id,
  );
  const completed = one<{ slug: string }>(
    "select slug from challenges where agency_id = ? and status in ('piloting', 'completed') order by status limit 1",
    agency.id,
  );
  const application = one<{ id: string }>(
    "select id from applications where challenge_id = ? order by created_at limit 1",
    challenge.id,
  );
  const product = one<{ id: string }>(
    "select id from products where startup_id = ? order by position limit 1",
    startup.id,
  );
  const intro = one<{ id: string }>(
    "select id from intro_requests where startup_id = ? order by created_at limit 1",
    startup.id,
  );
  const investorOwner = one<{ id: string }>("select id from users where email = ?", ACCOUNTS.investor);
  const entry = one<{ id: string }>(
    "select p.id from pipeline_entries p join investors i on i.id = p.investor_id where i.owner_id = ? order by p.created_at limit 1",
    investorOwner.id,
  );
  const investor = one<{ slug: string }>("select slug from investors where owner_id = ?", investorOwner.id);
  const openChallenge = one<{ slug: string }>(
    "select slug from challenges where status = 'open' order by slug limit 1",
  );
  const doc = one<{ service_id: string; lang: string }>(
    "select service_id, lang from service_documents where owner_agency_id = ? order by service_id, lang limit 1",
    agency.id,
  );

  const clients = { anonymous: new Client(server.url) } as Record<Role, Client>;
  const login = async (role: Exclude<Role, "anonymous">): Promise<Client> => {
    const client = new Client(server.url);
    if (role === "agencyUnverified") {
      expect((await signup(client, "agency", { agencyId: agency.id })).status).toBe(302);
      return client;
    }
    const email = role === "admin" ? ADMIN.email : ACCOUNTS[role]!;
    const res = await client.submit("/login", { email, password: role === "admin" ? ADMIN.password : DEMO_PASSWORD });
    expect(res.status, `login as ${role}`).toBe(302);
    return client;
  };
  for (const role of ROLES) if (role !== "anonymous") clients[role] = await login(role);

  const throwaway = new Client(server.url);
  const throwawayEmail = uniqueEmail("verify-target");
  expect((await signup(throwaway, "investor", { organisation: "Throwaway Capital" }, throwawayEmail)).status).toBe(302);
  const verifyTarget = one<{ id: string }>("select id from users where email = ?", throwawayEmail);

  return {
    clients,
    params: {
      slug: challenge.slug,
      id: application.id,
      serviceId: doc.service_id,
      lang: doc.lang,
      // Routes whose :slug/:id name something else get theirs from routeParams() below.
      startupSlug: startup.slug,
      investorSlug: investor.slug,
      openChallengeSlug: openChallenge.slug,
      completedChallengeSlug: completed.slug,
      productId: product.id,
    },
    ids: {
      agencyId: agency.id,
      startupId: startup.id,
      challengeSlug: challenge.slug,
      challengeId: challenge.id,
      applicationId: application.id,
      productId: product.id,
      introId: intro.id,
      pipelineEntryId: entry.id,
      verifyTargetId: verifyTarget.id,
    },
    db,
    login,
    close: () => db.close(),
  };
}

/** Concrete parameter values for a route file: each route's :slug / :id means its own kind of record. */
export function routeParams(world: World, file: string): Record<string, string> {
  const p = world.params;
  if (file.startsWith("account.products.")) return { id: p.productId! };
  if (file.startsWith("deals.") || file.startsWith("startups.") || file.startsWith("api.startups."))
    return { slug: p.startupSlug!, id: p.startupSlug! };
  if (file.startsWith("investors.")) return { slug: p.investorSlug! };
  if (file.startsWith("challenges") || file.startsWith("api.challenges."))
    return { slug: p.openChallengeSlug!, id: p.openChallengeSlug! };
  return p;
}
