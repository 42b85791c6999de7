/**
 * The OpenAPI 3.1 description of Aqyl's machine endpoints, served at /api/openapi.json. Kept beside
 * the routes it describes; tests/integration/public-api.test.ts checks that every api.* route is in it.
 */
import { CITIES, PUBLIC_CHALLENGE_STATUSES, SECTORS, STAGES } from "./taxonomy";
import { DATASET_NAMES } from "./open-data-datasets";

const localized = { type: "object", description: "Text per language; any language may be missing", properties: { kk: { type: "string" }, ru: { type: "string" }, en: { type: "string" } } };
const money = { type: "object", properties: { amount: { type: "number" }, currency: { type: "string", enum: ["KZT", "USD"] } }, required: ["amount", "currency"] };
const error = { type: "object", properties: { error: { type: "string" }, details: {} }, required: ["error"] };
const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });
const listOf = (ref: string) => ({
  type: "object",
  properties: {
    items: { type: "array", items: { $ref: ref } },
    total: { type: "integer" },
    limit: { type: "integer" },
    nextCursor: { type: ["string", "null"], description: "Pass as `cursor` for the next page; null on the last page" },
  },
  required: ["items", "total", "limit", "nextCursor"],
});
const paging = [
  { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 50, default: 20 } },
  { name: "cursor", in: "query", schema: { type: "string" }, description: "Opaque cursor from `nextCursor`" },
];
const idParam = (what: string) => ({ name: "id", in: "path", required: true, schema: { type: "string", pattern: "^[a-z0-9-]{1,120}$" }, description: `The ${what}'s slug` });
// The range of /api/stats and /api/stats.csv (app/lib/stats-params.server.ts); docs/api/stats.md has the details.
const statsInstant = {
  oneOf: [{ type: "string", format: "date" }, { type: "string", format: "date-time" }],
  description: "A date (midnight in Kazakhstan, UTC+5) or an ISO 8601 date-time with a zone",
};
const statsRange = [
  {
    name: "days", in: "query", schema: { oneOf: [{ type: "integer", minimum: 1, maximum: 3660 }, { type: "string", const: "all" }] },
    description: "The last N whole days up to and including today, or `all`. Default 30; not with from/to",
  },
  { name: "from", in: "query", schema: statsInstant, description: "Start, inclusive (omitted: from the beginning)" },
  { name: "to", in: "query", schema: statsInstant, description: "End, exclusive: from=2026-11-01&to=2026-12-01 is November (omitted: end of today)" },
];
const ok = (schema: object, description = "OK") => ({ description, content: { "application/json": { schema } } });

const chatReply = {
  type: "object",
  properties: {
    kind: { type: "string", enum: ["answer", "clarify", "out_of_scope"] },
    answer: { type: "string" },
    language: { type: "string", enum: ["kk", "ru", "en"], description: "The language of the question" },
    outOfScope: { type: "boolean" },
    conversationId: { type: "string" },
    citations: {
      type: "array",
      description: "Best first; for clarify the candidate services, most likely first; none for out_of_scope",
      items: {
        type: "object",
        properties: { serviceId: { type: "string" }, title: { type: "string" }, url: { type: "string" }, section: { type: "string" }, quote: { type: "string" } },
        required: ["serviceId", "title", "url"],
      },
    },
  },
  required: ["kind", "answer", "language", "outOfScope", "conversationId", "citations"],
};

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Aqyl API",
    version: "1.0.0",
    description:
      "Read-only marketplace data (fictional demo data in the demo deployment), the public-service assistant, open statistics and the messenger webhook. No authentication; per-client rate limits apply to the assistant.",
  },
  servers: [{ url: "/" }],
  paths: {
    "/api/startups": {
      get: {
        summary: "Published startups",
        parameters: [
          ...paging,
          { name: "q", in: "query", schema: { type: "string", maxLength: 200 }, description: "Full-text search (every word must match)" },
          { name: "sector", in: "query", schema: { type: "array", items: { type: "string", enum: [...SECTORS] } }, style: "form", explode: true },
          { name: "stage", in: "query", schema: { type: "string", enum: [...STAGES] } },
          { name: "minTrl", in: "query", schema: { type: "integer", minimum: 1, maximum: 9 } },
          { name: "city", in: "query", schema: { type: "string", enum: [...CITIES] } },
        ],
        responses: { 200: ok(listOf("#/components/schemas/Startup")), 400: errorResponse("Invalid parameter") },
      },
    },
    "/api/startups/{id}": {
      get: {
        summary: "A startup's public profile",
        parameters: [idParam("startup")],
        responses: { 200: ok({ $ref: "#/components/schemas/StartupProfile" }), 400: errorResponse("Invalid id"), 404: errorResponse("Not found") },
      },
    },
    "/api/investors": {
      get: {
        summary: "Investors and their theses",
        parameters: [...paging, { name: "sector", in: "query", schema: { type: "string", enum: [...SECTORS] } }, { name: "stage", in: "query", schema: { type: "string", enum: [...STAGES] } }],
        responses: { 200: ok(listOf("#/components/schemas/Investor")), 400: errorResponse("Invalid parameter") },
      },
    },
    "/api/challenges": {
      get: {
        summary: "Public pilot challenges",
        parameters: [
          ...paging,
          { name: "q", in: "query", schema: { type: "string", maxLength: 200 } },
          { name: "status", in: "query", schema: { type: "string", enum: [...PUBLIC_CHALLENGE_STATUSES] } },
          { name: "sector", in: "query", schema: { type: "string", enum: [...SECTORS] } },
          { name: "agency", in: "query", schema: { type: "string" }, description: "Agency slug" },
        ],
        responses: { 200: ok(listOf("#/components/schemas/Challenge")), 400: errorResponse("Invalid parameter") },
      },
    },
    "/api/challenges/{id}": {
      get: {
        summary: "A challenge with criteria, KPIs and outcome",
        parameters: [idParam("challenge")],
        responses: { 200: ok({ $ref: "#/components/schemas/ChallengeDetail" }), 400: errorResponse("Invalid id"), 404: errorResponse("Not found") },
      },
    },
    "/api/challenges/{id}/matches": {
      get: {
        summary: "Startups ranked for a challenge, each with its score and factors",
        parameters: [idParam("challenge"), { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 50, default: 20 } }],
        responses: {
          200: ok({
            type: "object",
            properties: {
              challenge: { type: "string" },
              items: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    startup: { $ref: "#/components/schemas/Startup" },
                    score: { type: "number" },
                    factors: { type: "array", items: { type: "object", properties: { key: { type: "string" }, weight: { type: "number" }, value: { type: "number" }, contribution: { type: "number" } } } },
                  },
                },
              },
            },
          }),
          400: errorResponse("Invalid parameter"),
          404: errorResponse("Not found"),
        },
      },
    },
    "/api/chat": {
      post: {
        summary: "Ask the public-service assistant",
        description: "JSON reply by default; with `Accept: text/event-stream` the same reply streams as server-sent events: `meta`, `delta`*, `citations`, `done` (data = the full reply).",
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  message: { type: "string", minLength: 1, maxLength: 2000 },
                  locale: { type: "string", enum: ["kk", "ru", "en"] },
                  conversationId: { type: "string", pattern: "^[A-Za-z0-9_-]{1,64}$" },
                },
                required: ["message"],
              },
            },
          },
        },
        responses: {
          200: { description: "The reply", content: { "application/json": { schema: chatReply }, "text/event-stream": { schema: { type: "string" } } } },
          400: errorResponse("Malformed JSON or invalid fields"),
          413: errorResponse("Body too large"),
          415: errorResponse("Not JSON"),
          429: errorResponse("Rate limit exceeded (see Retry-After)"),
        },
      },
    },
    "/api/stats": {
      get: {
        summary: "Open statistics: assistant use and the ecosystem (anonymised, small counts suppressed)",
        description: "Every dataset of the public dashboard (docs/api/stats.md). Counts below suppressionThreshold in activity datasets are null with suppressed=true; no free text.",
        parameters: statsRange,
        responses: { 200: ok({ $ref: "#/components/schemas/OpenStats" }), 400: errorResponse("Invalid range (details name each parameter)") },
      },
    },
    "/api/stats.csv": {
      get: {
        summary: "One open dataset as CSV",
        parameters: [{ name: "dataset", in: "query", required: true, schema: { type: "string", enum: [...DATASET_NAMES] } }, ...statsRange],
        responses: {
          200: { description: "RFC 4180 CSV: a header row of the dataset's columns, CRLF line ends; a withheld number is an empty field", content: { "text/csv": { schema: { type: "string" } } } },
          400: {
            description: "Missing or unknown dataset (the reply lists valid names), or an invalid range",
            content: { "application/json": { schema: { type: "object", properties: { error: { type: "string" }, datasets: { type: "array", items: { type: "string" } }, details: {} }, required: ["error"] } } },
          },
        },
      },
    },
    "/api/messenger/aitu": {
      post: {
        summary: "Aitu messenger bot webhook (see docs/api.md)",
        description: "Signed with HMAC-SHA256 of the raw body using AITU_WEBHOOK_SECRET; idempotent by message id; one conversation per chat.",
        responses: { 200: { description: "The reply to send to the chat" }, 400: errorResponse("Bad payload"), 401: errorResponse("Bad signature"), 503: errorResponse("Webhook not configured") },
      },
    },
    "/api/openapi.json": { get: { summary: "This document", responses: { 200: { description: "OpenAPI 3.1" } } } },
  },
  components: {
    schemas: {
      Error: error,
      OpenStats: {
        type: "object",
        properties: {
          generatedAt: { type: "string", format: "date-time" },
          range: {
            type: "object",
            properties: { from: { type: ["string", "null"], format: "date-time", description: "null: from the beginning" }, to: { type: "string", format: "date-time", description: "Exclusive" }, timeZone: { type: "string", const: "+05:00" } },
            required: ["from", "to", "timeZone"],
          },
          suppressionThreshold: { type: "integer" },
          datasets: { type: "object", properties: Object.fromEntries(DATASET_NAMES.map((name) => [name, { $ref: "#/components/schemas/OpenDataset" }])), required: [...DATASET_NAMES] },
        },
        required: ["generatedAt", "range", "suppressionThreshold", "datasets"],
      },
      OpenDataset: {
        type: "object",
        properties: {
          description: { type: "string" },
          period: { type: "string", enum: ["range", "current"], description: "range: covers the requested range; current: the marketplace as it is now" },
          columns: { type: "array", items: { type: "string" }, description: "The keys of every row, in order (the CSV header)" },
          rows: { type: "array", items: { type: "object", additionalProperties: { type: ["string", "number", "boolean", "null"] }, properties: { suppressed: { type: "boolean" } }, required: ["suppressed"] } },
        },
        required: ["description", "period", "columns", "rows"],
      },
      Money: money,
      Localized: localized,
      Startup: {
        type: "object",
        properties: {
          id: { type: "string" }, name: { type: "string" }, tagline: localized, sectors: { type: "array", items: { type: "string", enum: [...SECTORS] } },
          technologies: { type: "array", items: { type: "string" } }, stage: { type: "string", enum: [...STAGES] }, trl: { type: "integer" }, city: { type: "string" },
          techParkResident: { type: "boolean" }, stale: { type: "boolean", description: "Not updated for six months" }, updatedAt: { type: "string", format: "date-time" }, url: { type: "string" },
        },
      },
      StartupProfile: {
        allOf: [
          { $ref: "#/components/schemas/Startup" },
          {
            type: "object",
            properties: {
              description: localized, teamSize: { type: "integer" }, foundedYear: { type: "integer" }, website: { type: ["string", "null"] },
              traction: { type: "object" }, ask: { oneOf: [money, { type: "null" }] }, products: { type: "array", items: { type: "object" } }, applications: { type: "object" },
            },
          },
        ],
      },
      Investor: {
        type: "object",
        properties: { id: { type: "string" }, name: { type: "string" }, kind: { type: "string" }, description: localized, city: { type: ["string", "null"] }, verified: { type: "boolean" }, thesis: { type: "object" }, url: { type: "string" } },
      },
      Challenge: {
        type: "object",
        properties: {
          id: { type: "string" }, title: localized, sector: { type: "string" }, technologies: { type: "array", items: { type: "string" } }, budget: money,
          pilotMonths: { type: "integer" }, minTrl: { type: "integer" }, deadline: { type: "string", format: "date-time" },
          status: { type: "string", enum: [...PUBLIC_CHALLENGE_STATUSES] }, agency: { type: "object" }, updatedAt: { type: "string", format: "date-time" }, url: { type: "string" },
        },
      },
      ChallengeDetail: {
        allOf: [
          { $ref: "#/components/schemas/Challenge" },
          { type: "object", properties: { problem: localized, dataAvailable: localized, criteria: { type: "array", items: { type: "object" } }, kpis: { type: "array", items: { type: "object" } }, outcome: { oneOf: [localized, { type: "null" }] }, applicationCount: { type: "integer" } } },
        ],
      },
    },
  },
} as const;
