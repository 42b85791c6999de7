// Who may use each mutating route, as data: the authorisation matrix of the reliability suites
// (tests/integration/reliability-security.test.ts) and the actor and base body of the hostile-input suite.
// Every route file with an action must have an entry; the security suite fails when one is missing.
import type { Client } from "./http-client";
import { fillPattern, listRoutes } from "./routes";
import { ROLES, routeParams, type Role, type World } from "./world";

export type Body = Record<string, string | string[]>;

export interface Probe {
  /** Path with real ids; defaults to the route's pattern filled from the world. */
  path?: (w: World) => string;
  kind?: "form" | "multipart" | "json";
  body: (w: World) => Body;
  /** Roles that get past the route's authorisation; everyone else must be refused. */
  allow: readonly Role[];
  /** The statuses an allowed role gets (so "allowed" cannot hide a wrong path's 404). */
  ok?: readonly number[];
  /** Run each role on a fresh session (for actions that end the session). */
  freshSession?: boolean;
  why?: string;
}

const SIGNED_IN = ROLES.filter((r) => r !== "anonymous");
const EVERYONE = ROLES;

/**
 * One entry per route file with an action. The body is chosen to pass the role check and then stop on
 * validation or a missing record wherever possible, so allowed roles change nothing; where a rule is only
 * checked after validation (verification for intros, challenge moves, pilot records, corpus edits) the
 * body is valid and the allowed role's write is real.
 */
export const ROUTE_ACCESS: Record<string, Probe> = {
  "account._index.tsx": {
    body: (w) => ({ intent: "verify", userId: w.ids.verifyTargetId }),
    ok: [200],
    allow: ["admin"],
  },
  "account.applications.tsx": {
    body: () => ({ intent: "withdraw", applicationId: "no-such-application" }),
    ok: [404],
    allow: ["startup"],
  },
  "account.intros.tsx": {
    body: () => ({ intent: "accept" }),
    ok: [400],
    allow: ["startup", "investor", "investorUnverified"],
    why: "startups answer investors' requests; investors, verified or not, answer startups' pitches",
  },
  "account.investor.tsx": { body: () => ({}), ok: [400], allow: ["investor", "investorUnverified"] },
  "account.notifications.tsx": { body: () => ({}), ok: [200], allow: SIGNED_IN },
  "account.products.$id.tsx": { body: () => ({}), ok: [400], allow: ["startup"] },
  "account.products._index.tsx": {
    body: () => ({ intent: "delete", productId: "no-such-product" }),
    ok: [404],
    allow: ["startup"],
  },
  "account.products.new.tsx": { body: () => ({}), ok: [400], allow: ["startup"] },
  "account.startup.tsx": { body: () => ({}), ok: [200], allow: ["startup"] },
  "admin.corpus.$serviceId.$lang.tsx": {
    body: () => ({ intent: "unpublish" }),
    ok: [302],
    allow: ["admin", "agency"],
    why: "unverified agency users may read their agency's documents but not change them",
  },
  "admin.corpus._index.tsx": { kind: "multipart", body: () => ({}), ok: [200], allow: ["admin", "agency"] },
  "admin.quality.tsx": {
    body: () => ({ intent: "status", id: "no-such-report", status: "fixed" }),
    ok: [404],
    allow: ["admin"],
  },
  "agency.challenges.$slug._index.tsx": {
    body: () => ({ intent: "transition", to: "piloting" }),
    ok: [409],
    allow: ["agency"],
    why: "a legal move (reviewing → piloting) that a verified agency is refused only for want of a selected startup",
  },
  "agency.challenges.$slug.applications.$id.tsx": { body: () => ({}), ok: [400], allow: ["agency"] },
  "agency.challenges.$slug.edit.tsx": { body: () => ({}), ok: [409], allow: ["agency", "agencyUnverified"] },
  "agency.challenges.$slug.pilot.tsx": {
    path: (w) => `/agency/challenges/${w.params.completedChallengeSlug}/pilot`,
    body: () => ({ intent: "save", outcome: "Pilot finished; results published." }),
    ok: [302],
    allow: ["agency"],
  },
  "agency.challenges.new.tsx": {
    body: () => ({}),
    ok: [400],
    allow: ["agency", "agencyUnverified"],
    why: "unverified agencies may prepare drafts",
  },
  "agency.reports.tsx": {
    body: () => ({ intent: "status", id: "no-such-report", status: "fixed" }),
    ok: [404],
    allow: ["agency", "agencyUnverified"],
  },
  "api.chat.ts": { kind: "json", body: () => ({ message: "сколько стоит паспорт" }), ok: [200], allow: EVERYONE },
  "api.messenger.aitu.ts": {
    kind: "json",
    body: () => ({ message: "hi" }),
    allow: [],
    why: "the webhook's only credential is its signature",
  },
  "assistant.tsx": { body: () => ({ message: "сколько стоит паспорт" }), ok: [200], allow: EVERYONE },
  "challenges_.$slug.apply.tsx": { body: () => ({}), ok: [400], allow: ["startup"] },
  "deals.$slug.tsx": {
    body: () => ({ intent: "intro", message: "Hello! We would like to hear about your pilots and your next round." }),
    ok: [302, 409],
    allow: ["investor"],
  },
  "deals._index.tsx": {
    body: () => ({ intent: "save", startupId: "no-such-startup" }),
    ok: [404],
    allow: ["investor", "investorUnverified"],
  },
  "investors.$slug.tsx": {
    body: () => ({ intent: "pitch" }),
    ok: [400],
    allow: ["startup"],
    why: "only a startup's owner pitches an investor (which startup is checked after validation)",
  },
  "login.tsx": { body: () => ({}), ok: [200, 302], allow: EVERYONE },
  "logout.tsx": { body: () => ({}), ok: [302], allow: EVERYONE, freshSession: true },
  "pipeline.tsx": { body: () => ({}), ok: [400], allow: ["investor", "investorUnverified"] },
  "signup.tsx": { body: () => ({}), ok: [200, 302], allow: EVERYONE },
};

export function probePath(world: World, file: string, probe: Probe): string {
  if (probe.path) return probe.path(world);
  const route = listRoutes().find((r) => r.file === file);
  if (!route) throw new Error(`no route file ${file}`);
  return fillPattern(route, routeParams(world, file));
}

/** Sends the probe's body (or `body`) the way its route reads it: a form with the CSRF token, multipart, or JSON. */
export async function sendProbe(
  world: World,
  client: Client,
  path: string,
  probe: Probe,
  options: { csrf?: boolean | string; headers?: Record<string, string>; body?: Body } = {},
): Promise<Response> {
  const body = options.body ?? probe.body(world);
  if (probe.kind === "json") {
    return client.request(path, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json", ...options.headers },
    });
  }
  if (probe.kind === "multipart") {
    if (!client.get("csrf")) await (await client.request("/healthz")).text();
    const form = new FormData();
    for (const [k, v] of Object.entries(body)) for (const item of Array.isArray(v) ? v : [v]) form.append(k, item);
    if (options.csrf !== false)
      form.set("csrf", typeof options.csrf === "string" ? options.csrf : (client.get("csrf") ?? ""));
    return client.request(path, { method: "POST", body: form, headers: options.headers });
  }
  return client.submit(path, body, options);
}
