import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDashboardStats } from "~/lib/dashboard.server";
import { jsonError, jsonResponse } from "~/lib/json.server";
import { openData, openDataHeaders } from "~/lib/open-data.server";
import { parseApiRange } from "~/lib/stats-params.server";

/**
 * GET /api/stats?days=30 | ?from=2026-11-01&to=2026-12-01 — every open dataset of the dashboard
 * as one JSON document: { generatedAt, range, suppressionThreshold, datasets }. Open data: any web
 * page may read it (no credentials are involved).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = parseApiRange(new URL(request.url), Date.now());
  if (!parsed.ok) return jsonError(400, "Invalid query", parsed.errors, openDataHeaders(request));
  const body = openData(await getDashboardStats(parsed.range));
  return jsonResponse(body, 200, { ...openDataHeaders(request), "Cache-Control": "public, max-age=60" });
}
