// GET /api/challenges/:id/matches — startups ranked for a public challenge, each with score and factors.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb, marketplace } from "~/lib/db.server";
import { jsonError, jsonResponse } from "~/lib/json.server";
import { recommendStartupsForChallenge } from "~/lib/matching.server";
import { DEFAULT_LIMIT, matchesQuery, parseApiQuery } from "~/lib/public-api.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  if (!/^[a-z0-9-]{1,120}$/.test(id)) return jsonError(400, "id must be a challenge slug (lowercase letters, digits and -)");
  const query = parseApiQuery(matchesQuery, new URL(request.url));
  const challenge = await marketplace.getChallengeBySlug(await getDb(), id);
  if (!challenge) return jsonError(404, "No public challenge with this id");
  const list = await recommendStartupsForChallenge(challenge.id, { limit: query.limit ?? DEFAULT_LIMIT });
  if (!list) return jsonError(404, "No public challenge with this id");
  return jsonResponse({
    challenge: challenge.slug,
    total: list.total,
    items: list.matches.map((m) => ({
      startup: { id: m.item.slug, name: m.item.name, sectors: m.item.sectors, stage: m.item.stage, trl: m.item.trl, city: m.item.city, url: `/startups/${m.item.slug}` },
      score: Math.round(m.score * 10_000) / 10_000,
      factors: m.factors.map((f) => ({ key: f.key, weight: f.weight, value: Math.round(f.value * 10_000) / 10_000, contribution: Math.round(f.contribution * 10_000) / 10_000 })),
    })),
  });
}
