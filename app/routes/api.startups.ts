// GET /api/startups — published startups, filtered, with cursor paging (OpenAPI: /api/openapi.json).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb, marketplace } from "~/lib/db.server";
import { jsonResponse } from "~/lib/json.server";
import { listBody, paging, parseApiQuery, startupsQuery } from "~/lib/public-api.server";
import { publicStartup } from "~/lib/public-api-shapes.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const query = parseApiQuery(startupsQuery, new URL(request.url), ["sector"]);
  const { limit, offset } = paging(query);
  const page = await marketplace.listStartups(await getDb(), {
    q: query.q, sectors: query.sector, stage: query.stage, minTrl: query.minTrl, city: query.city,
    sort: "relevance", pageSize: limit, page: Math.floor(offset / limit) + 1,
  });
  return jsonResponse(listBody(page.items.map(publicStartup), page.total, limit, (page.page - 1) * limit));
}
