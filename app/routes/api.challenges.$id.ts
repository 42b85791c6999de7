// GET /api/challenges/:id — a public challenge with its criteria, KPIs and outcome; :id is the slug.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb, marketplace } from "~/lib/db.server";
import { jsonError, jsonResponse } from "~/lib/json.server";
import { publicChallengeDetail } from "~/lib/public-api-shapes.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  if (!/^[a-z0-9-]{1,120}$/.test(id)) return jsonError(400, "id must be a challenge slug (lowercase letters, digits and -)");
  const challenge = await marketplace.getChallengeBySlug(await getDb(), id);
  return challenge ? jsonResponse(publicChallengeDetail(challenge)) : jsonError(404, "No public challenge with this id");
}
