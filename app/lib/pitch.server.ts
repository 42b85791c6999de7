/**
 * Startups pitching an investor from the investor's public profile: what the pitch panel shows a
 * visitor (by role), and the pitch form's server side.
 *
 * The panel shows each of the founder's startups' fit for the investor's thesis, computed by the same
 * matcher as the investor's deal flow. A startup that fails one of the thesis' hard limits (sector,
 * stage, ticket, geography) is not blocked: theses are coarse and a founder may have a reason the rules
 * cannot see (a new product line, a round about to change the ask). But the founder is shown which
 * limit fails and must tick a box to pitch anyway, the investor sees the same mismatch beside the
 * pitch (and can decline it with "outside our thesis" in one step), and such pitches count against the
 * startup's weekly limit like any other.
 */
import { data as withStatus, redirect } from "@remix-run/node";
import type { TFunction } from "i18next";
import { z } from "zod";
import type { PublicUser } from "./auth.server";
import { getDb, intros, startupProfiles } from "./db.server";
import { dealErrorText, notices } from "./deal-flow.server";
import type { DisplayContext } from "./marketplace-display.server";
import { pitchFit, type PitchFit } from "./match-display.server";
import { explainDeal, thesisOfInvestor } from "./matching.server";
import { checkbox, parseForm, requiredText, type FieldErrors, type FormValues } from "./validation.server";

export interface PitchStartup {
  id: string;
  name: string;
  slug: string;
  published: boolean;
  /** Null for an unpublished startup (it cannot pitch). */
  fit: PitchFit | null;
  remaining: number;
  /** When the weekly limit frees a pitch again (only at the limit). */
  nextAt: string | null;
  /** The latest request between this startup and the investor, either direction. */
  latest: {
    initiatedBy: "investor" | "startup";
    status: "pending" | "accepted" | "declined";
    date: string;
    declineCode: string | null;
    declineReason: string | null;
    contact: { name: string; email: string } | null;
  } | null;
  /** Why it cannot pitch now (an i18n key under deals.pitch.blocked), or null. */
  blocked: string | null;
}

export type PitchPanel =
  | { kind: "anonymous" }
  | { kind: "other-role" }
  | { kind: "no-startup" }
  | { kind: "startup"; startups: PitchStartup[] };

/** What the pitch panel of an investor's profile shows this visitor. */
export async function pitchPanel(
  user: PublicUser | null,
  investorId: string,
  context: DisplayContext,
  now = Date.now(),
): Promise<PitchPanel> {
  if (!user) return { kind: "anonymous" };
  if (user.role !== "startup") return { kind: "other-role" };
  const db = await getDb();
  const owned = await startupProfiles.listOwnedStartups(db, user.id);
  if (!owned.some((s) => s.published === 1)) return { kind: "no-startup" };
  const [thesis, history, allowances] = await Promise.all([
    thesisOfInvestor(investorId),
    intros.listIntrosForStartupOwner(db, user.id),
    intros.pitchAllowances(db, owned.map((s) => s.id), now),
  ]);
  const startups = await Promise.all(
    owned.map(async (s): Promise<PitchStartup> => {
      const published = s.published === 1;
      const result = published && thesis ? await explainDeal(thesis, s.id, now) : undefined;
      const pair = history
        .filter((h) => h.startup.id === s.id && h.investor.id === investorId)
        .sort((a, b) => b.createdAt - a.createdAt);
      const last = pair[0];
      const allowance = allowances.get(s.id) ?? { remaining: intros.PITCHES_PER_WEEK, nextAt: null, sent: 0 };
      const lastPitch = pair.find((h) => h.initiatedBy === "startup");
      const recentlyDeclined =
        lastPitch?.status === "declined" && now - (lastPitch.respondedAt ?? lastPitch.createdAt) < intros.REQUEST_AGAIN_AFTER_MS;
      const blocked = !published
        ? "unpublished"
        : last?.status === "pending"
          ? last.initiatedBy === "startup"
            ? "pending"
            : "investorAsked"
          : last?.status === "accepted"
            ? "accepted"
            : recentlyDeclined
              ? "declined"
              : allowance.remaining === 0
                ? "limit"
                : null;
      return {
        id: s.id,
        name: s.name,
        slug: s.slug,
        published,
        fit: result ? pitchFit(result, context) : null,
        remaining: allowance.remaining,
        nextAt: allowance.nextAt === null ? null : context.format.date(allowance.nextAt),
        latest: last
          ? {
              initiatedBy: last.initiatedBy,
              status: last.status,
              date: context.format.date(last.respondedAt ?? last.createdAt),
              declineCode: last.declineCode,
              declineReason: last.declineReason,
              contact: last.contact,
            }
          : null,
        blocked,
      };
    }),
  );
  return { kind: "startup", startups };
}

const pitchSchema = z.object({
  startupId: z.string().trim().min(1).max(64),
  message: requiredText(intros.INTRO_MESSAGE_MAX, intros.INTRO_MESSAGE_MIN),
  outsideThesis: checkbox.optional().default(false),
});

export interface PitchFailure {
  errors: FieldErrors;
  values: FormValues;
  formError: string | null;
}

const STATUS: Record<intros.PitchError, number> = {
  "startup-not-found": 404,
  "investor-not-found": 404,
  "startup-unpublished": 409,
  "no-owner": 409,
  "already-pending": 409,
  "already-accepted": 409,
  "recently-declined": 409,
  "recently-passed": 409,
  "pitch-limit": 429,
  "empty-message": 400,
};

/** The pitch form's action: validates, checks the thesis acknowledgement, pitches, redirects back. */
export async function submitPitch(
  form: FormData,
  user: PublicUser,
  investor: { id: string; slug: string; name: string },
  t: TFunction,
) {
  const parsed = parseForm(pitchSchema, form, t);
  if (!parsed.ok) {
    return withStatus({ errors: parsed.errors, values: parsed.values, formError: t("common.form.fixErrors") } satisfies PitchFailure, { status: 400 });
  }
  const fail = (code: intros.PitchError) =>
    withStatus({ errors: {}, values: parsed.values, formError: dealErrorText(t, `pitch.${code}`, { max: intros.PITCHES_PER_WEEK }) } satisfies PitchFailure, {
      status: STATUS[code],
    });
  const db = await getDb();
  // Someone else's startup looks exactly like a missing one.
  const startup = await startupProfiles.getOwnedStartup(db, user.id, parsed.data.startupId);
  if (!startup) return fail("startup-not-found");
  if (startup.published !== 1) return fail("startup-unpublished");
  const thesis = await thesisOfInvestor(investor.id);
  if (!thesis) return fail("investor-not-found");
  const fit = await explainDeal(thesis, startup.id);
  if (fit && !fit.eligible && !parsed.data.outsideThesis) {
    return withStatus(
      {
        errors: { outsideThesis: t("deals.pitch.confirmRequired") },
        values: parsed.values,
        formError: t("common.form.fixErrors"),
      } satisfies PitchFailure,
      { status: 400 },
    );
  }
  const result = await intros.pitchInvestor(db, {
    ownerId: user.id,
    startupId: startup.id,
    investorId: investor.id,
    message: parsed.data.message,
    notice: notices.pitched(startup.name, investor.name),
  });
  if (!result.ok) return fail(result.error);
  return redirect(`/investors/${investor.slug}?pitched=1#pitch`);
}
