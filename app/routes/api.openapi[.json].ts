// GET /api/openapi.json — the OpenAPI description of the machine endpoints.
import { openApiDocument } from "~/lib/openapi";
import { jsonResponse } from "~/lib/json.server";

export function loader() {
  return jsonResponse(openApiDocument, 200, { "Cache-Control": "public, max-age=300" });
}
