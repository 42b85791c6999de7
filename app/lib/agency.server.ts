/**
 * Who may act on an agency's challenges: a signed-in agency user of the owning agency. Another
 * agency's challenge answers 404 exactly like a missing one, so slugs of drafts do not leak.
 */
import { z } from "zod";
import { requireRole, type PublicUser } from "./auth.server";
import { challengesAdmin, getDb } from "./db.server";

export type AgencyUser = PublicUser & { agency_id: string };

/** An agency user attached to an agency (anonymous → login, other roles → 403). */
export async function requireAgencyUser(request: Request): Promise<AgencyUser> {
  const user = await requireRole(request, "agency");
  if (!user.agency_id) throw new Response("Forbidden", { status: 403 });
  return user as AgencyUser;
}

const slugSchema = z.string().regex(/^[a-z0-9-]{1,120}$/);

/** The agency user and their agency's challenge named by the `slug` route parameter. */
export async function requireOwnedChallenge(request: Request, slugParam: string | undefined) {
  const user = await requireAgencyUser(request);
  const slug = slugSchema.safeParse(slugParam);
  if (!slug.success) throw new Response("Not found", { status: 404 });
  const db = await getDb();
  const challenge = await challengesAdmin.getOwnedChallenge(db, user.agency_id, slug.data);
  if (!challenge) throw new Response("Not found", { status: 404 });
  return { user, db, challenge };
}
