// GET /assistant/sources?lang=ru&ids=eds-issue,passport-issue — what the chat page shows beside a
// citation that the reply itself does not carry: when the document's facts were last checked (in the
// UI language), its unconfirmed figures and its section headings.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLanguage } from "~/i18n/config";
import { resolveLanguage } from "~/lib/i18n.server";
import { jsonError, jsonResponse } from "~/lib/json.server";
import { describeSources } from "~/lib/service-catalogue.server";

const MAX_IDS = 20;
const SERVICE_ID = /^[a-z0-9-]{1,80}$/;

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const lang = params.get("lang");
  if (!isLanguage(lang)) return jsonError(400, 'lang must be "kk", "ru" or "en"');
  const ids = [...new Set((params.get("ids") ?? "").split(",").filter(Boolean))];
  if (ids.length === 0 || ids.length > MAX_IDS || !ids.every((id) => SERVICE_ID.test(id))) {
    return jsonError(400, `ids must be 1-${MAX_IDS} comma-separated service ids`);
  }
  const sources = await describeSources(
    ids.map((serviceId) => ({ serviceId, lang })),
    resolveLanguage(request),
  );
  return jsonResponse({ sources }, 200, { "Cache-Control": "private, max-age=60", Vary: "Cookie, Accept-Language" });
}
