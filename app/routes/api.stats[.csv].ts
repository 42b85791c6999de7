import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDashboardStats } from "~/lib/dashboard.server";
import { jsonError, jsonResponse } from "~/lib/json.server";
import { DATASET_NAMES, datasetCsv, isDatasetName, openDataHeaders } from "~/lib/open-data.server";
import { parseApiRange } from "~/lib/stats-params.server";

/**
 * GET /api/stats.csv?dataset=<name>[&days=…|&from=…&to=…] — one dataset of /api/stats as RFC 4180
 * CSV with a header row. A missing or unknown dataset is a 400 listing the valid names.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const name = url.searchParams.get("dataset");
  if (!isDatasetName(name)) {
    return jsonResponse(
      {
        error: name ? `Unknown dataset "${name.slice(0, 80)}"` : "The dataset parameter is required",
        datasets: DATASET_NAMES,
      },
      400,
      openDataHeaders(request),
    );
  }
  const parsed = parseApiRange(url, Date.now());
  if (!parsed.ok) return jsonError(400, "Invalid query", parsed.errors, openDataHeaders(request));
  const stats = await getDashboardStats(parsed.range);
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const file = `aqyl-${name}-${parsed.range.from > 0 ? day(parsed.range.from) : "all"}-${day(parsed.range.to)}.csv`;
  return new Response(datasetCsv(stats, name), {
    headers: {
      ...openDataHeaders(request),
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="${file}"`,
      "Cache-Control": "public, max-age=60",
    },
  });
}
