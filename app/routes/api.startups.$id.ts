// GET /api/startups/:id — a published startup's profile with products; :id is the startup's slug.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb, marketplace } from "~/lib/db.server";
import { jsonError, jsonResponse } from "~/lib/json.server";
import { publicStartupProfile } from "~/lib/public-api-shapes.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  if (!/^[a-z0-9-]{1,120}$/.test(id)) return jsonError(400, "id must be a startup slug (lowercase letters, digits and -)");
  const startup = await marketplace.getStartupBySlug(await getDb(), id);
  return startup ? jsonResponse(publicStartupProfile(startup)) : jsonError(404, "No published startup with this id");
}
