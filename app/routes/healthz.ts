import { getDb } from "~/lib/db.server";
import { sql } from "kysely";

/** Liveness and readiness: answers 200 once the database is reachable. */
export async function loader() {
  try {
    await sql`select 1`.execute(await getDb());
    return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
  } catch {
    return new Response("database unavailable", { status: 503, headers: { "Content-Type": "text/plain" } });
  }
}
