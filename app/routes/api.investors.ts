// GET /api/investors — investors and their theses, with cursor paging.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb, marketplace } from "~/lib/db.server";
import { jsonResponse } from "~/lib/json.server";
import { investorsQuery, listBody, paging, parseApiQuery } from "~/lib/public-api.server";
import { publicInvestor } from "~/lib/public-api-shapes.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const query = parseApiQuery(investorsQuery, new URL(request.url));
  const { limit, offset } = paging(query);
  const page = await marketplace.listInvestors(await getDb(), { sector: query.sector, stage: query.stage, pageSize: limit, page: Math.floor(offset / limit) + 1 });
  return jsonResponse(listBody(page.items.map(publicInvestor), page.total, limit, (page.page - 1) * limit));
}
