// GET /api/challenges — public pilot challenges (drafts never), with cursor paging.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb, marketplace } from "~/lib/db.server";
import { jsonResponse } from "~/lib/json.server";
import { challengesQuery, listBody, paging, parseApiQuery } from "~/lib/public-api.server";
import { publicChallenge } from "~/lib/public-api-shapes.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const query = parseApiQuery(challengesQuery, new URL(request.url));
  const { limit, offset } = paging(query);
  const page = await marketplace.listChallenges(await getDb(), {
    q: query.q, status: query.status, sector: query.sector, agency: query.agency, pageSize: limit, page: Math.floor(offset / limit) + 1,
  });
  return jsonResponse(listBody(page.items.map(publicChallenge), page.total, limit, (page.page - 1) * limit));
}
