import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ArrowLeft, CalendarClock, Plus, Wallet } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { ApplicationStatusBadge } from "~/components/application-status";
import { CsrfInput, Field, FormError, fieldProps } from "~/components/forms";
import { requireRole } from "~/lib/auth.server";
import { readForm } from "~/lib/csrf.server";
import { applications, getDb, marketplace, startupProfiles } from "~/lib/db.server";
import { displayContext } from "~/lib/marketplace-display.server";
import { notifyApplicationReceived } from "~/lib/marketplace-notify.server";
import { parseForm, requiredNumber, requiredText, type FieldErrors, type FormValues } from "~/lib/validation.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Aqyl` }];

const slugSchema = z.string().regex(/^[a-z0-9-]{1,120}$/);

async function load(request: Request, slugParam: string | undefined) {
  const user = await requireRole(request, "startup");
  const slug = slugSchema.safeParse(slugParam);
  if (!slug.success) throw new Response("Not found", { status: 404 });
  const db = await getDb();
  const challenge = await marketplace.getChallengeBySlug(db, slug.data);
  if (!challenge) throw new Response("Not found", { status: 404 });
  const [startups, existing] = await Promise.all([
    startupProfiles.listOwnedStartups(db, user.id),
    applications.findOwnApplication(db, user.id, challenge.id),
  ]);
  return { user, db, challenge, startups, existing };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { challenge, startups, existing } = await load(request, params.slug);
  const { t, format } = displayContext(request);
  const now = Date.now();
  return {
    title: t("applications.apply.title"),
    slug: challenge.slug,
    challengeTitle: format.text(challenge.title),
    budget: format.money(challenge.budget.amount, challenge.budget.currency),
    currency: challenge.budget.currency,
    deadline: format.date(challenge.deadlineAt),
    accepting: applications.acceptsApplications({ status: challenge.status, deadline_at: challenge.deadlineAt }, now),
    startups: startups.map((s) => ({ id: s.id, name: s.name })),
    existing:
      existing && existing.status !== "withdrawn"
        ? { status: existing.status, submitted: format.date(existing.created_at) }
        : null,
    resubmitting: existing?.status === "withdrawn",
  };
}

function schemaFor(budget: number) {
  return z.object({
    startupId: requiredText(64),
    proposal: requiredText(5000, 50),
    requestedBudget: requiredNumber(z.number().min(1).max(budget)),
    timelineMonths: requiredNumber(z.number().int().min(1).max(36)),
    team: requiredText(2000, 10),
  });
}

type ActionResult = { errors: FieldErrors; values: FormValues; formError: string | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const { user, db, challenge, startups } = await load(request, params.slug);
  const { t, format } = displayContext(request);
  const fail = (status: number, result: ActionResult) => data<ActionResult>(result, { status });
  const formStartup = form.get("startupId");
  if (!formStartup && startups.length === 1) form.set("startupId", startups[0]!.id);
  const parsed = parseForm(schemaFor(challenge.budget.amount), form, t);
  if (!parsed.ok) {
    const errors = { ...parsed.errors };
    // The generic "at most N" would show a bare number; say it in money.
    if (
      errors.requestedBudget &&
      Number(String(form.get("requestedBudget")).replace(/\s/g, "").replace(",", ".")) > challenge.budget.amount
    ) {
      errors.requestedBudget = t("applications.apply.overBudget", {
        budget: format.money(challenge.budget.amount, challenge.budget.currency),
      });
    }
    return fail(400, { errors, values: parsed.values, formError: t("common.form.fixErrors") });
  }
  const { startupId, ...input } = parsed.data;
  const result = await applications.submitApplication(db, {
    challengeSlug: challenge.slug,
    startupId,
    ownerId: user.id,
    input,
  });
  if (!result.ok) {
    switch (result.reason) {
      case "not-found":
        throw new Response("Not found", { status: 404 });
      case "no-startup":
        return fail(400, {
          errors: { startupId: t("common.validation.choice") },
          values: parsed.values,
          formError: t("common.form.fixErrors"),
        });
      case "over-budget":
        return fail(400, {
          errors: {
            requestedBudget: t("applications.apply.overBudget", {
              budget: format.money(challenge.budget.amount, challenge.budget.currency),
            }),
          },
          values: parsed.values,
          formError: t("common.form.fixErrors"),
        });
      case "duplicate":
        return fail(409, { errors: {}, values: parsed.values, formError: t("applications.apply.duplicate") });
      case "closed":
        return fail(409, { errors: {}, values: parsed.values, formError: t("applications.apply.closed") });
    }
  }
  const startup = startups.find((s) => s.id === startupId)!;
  await notifyApplicationReceived(db, result.challenge, startup.name, result.application.id);
  return redirect(`/account/applications?applied=${result.application.id}`);
}

export default function Apply() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const values: FormValues = actionData?.values ?? {};
  const errors: FieldErrors = actionData?.errors ?? {};
  const str = (key: string) => (typeof values[key] === "string" ? (values[key] as string) : "");

  return (
    <div className="narrow stack">
      <p className="back-link">
        <Link to={`/challenges/${d.slug}`}>
          <ArrowLeft size={16} aria-hidden="true" /> {t("applications.apply.back")}
        </Link>
      </p>
      <header className="page-header">
        <p className="card__eyebrow">{t("applications.apply.eyebrow")}</p>
        <h1>{d.challengeTitle}</h1>
        <p className="meta">
          <span>
            <Wallet size={16} aria-hidden="true" /> {t("applications.apply.budget", { budget: d.budget })}
          </span>
          <span>
            <CalendarClock size={16} aria-hidden="true" /> {t("applications.apply.deadline", { date: d.deadline })}
          </span>
        </p>
      </header>

      {d.existing ? (
        <section className="card">
          <h2 className="card__title">{t("applications.apply.alreadyTitle")}</h2>
          <p>
            {t("applications.apply.alreadyText", { date: d.existing.submitted })}{" "}
            <ApplicationStatusBadge status={d.existing.status} />
          </p>
          <Link to="/account/applications" className="button">
            {t("applications.apply.follow")}
          </Link>
        </section>
      ) : !d.accepting ? (
        <section className="card">
          <h2 className="card__title">{t("applications.apply.closedTitle")}</h2>
          <p>{t("applications.apply.closed")}</p>
          <Link to="/challenges?status=open" className="button button--secondary">
            {t("applications.apply.otherChallenges")}
          </Link>
        </section>
      ) : d.startups.length === 0 ? (
        <section className="card card--accent">
          <h2 className="card__title">{t("applications.apply.needProfileTitle")}</h2>
          <p>{t("applications.apply.needProfileText")}</p>
          <Link to="/account/startup" className="button">
            <Plus size={18} aria-hidden="true" /> {t("applications.apply.createProfile")}
          </Link>
        </section>
      ) : (
        <Form method="post" noValidate className="card">
          <CsrfInput />
          <FormError message={actionData?.formError} />
          {d.resubmitting ? <p className="alert alert--info">{t("applications.apply.resubmitNote")}</p> : null}
          {d.startups.length > 1 ? (
            <Field name="startupId" label={t("applications.apply.startup")} error={errors.startupId} required>
              <select
                {...fieldProps("startupId", errors.startupId)}
                defaultValue={str("startupId") || d.startups[0]!.id}
              >
                {d.startups.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </Field>
          ) : (
            <>
              <input type="hidden" name="startupId" value={d.startups[0]!.id} />
              <p className="muted">{t("applications.apply.asStartup", { name: d.startups[0]!.name })}</p>
            </>
          )}
          <Field
            name="proposal"
            label={t("applications.fields.proposal")}
            hint={t("applications.apply.proposalHint")}
            error={errors.proposal}
            required
          >
            <textarea
              {...fieldProps("proposal", errors.proposal, t("applications.apply.proposalHint"))}
              rows={8}
              maxLength={5000}
              required
              defaultValue={str("proposal")}
            />
          </Field>
          <div className="grid grid--2">
            <Field
              name="requestedBudget"
              label={t("applications.apply.requestedBudget", { currency: d.currency })}
              hint={t("applications.apply.requestedHint", { budget: d.budget })}
              error={errors.requestedBudget}
              required
            >
              <input
                {...fieldProps(
                  "requestedBudget",
                  errors.requestedBudget,
                  t("applications.apply.requestedHint", { budget: d.budget }),
                )}
                inputMode="decimal"
                required
                defaultValue={str("requestedBudget")}
              />
            </Field>
            <Field
              name="timelineMonths"
              label={t("applications.apply.timeline")}
              error={errors.timelineMonths}
              required
            >
              <input
                {...fieldProps("timelineMonths", errors.timelineMonths)}
                type="number"
                inputMode="numeric"
                min={1}
                max={36}
                required
                defaultValue={str("timelineMonths")}
              />
            </Field>
          </div>
          <Field
            name="team"
            label={t("applications.fields.team")}
            hint={t("applications.apply.teamHint")}
            error={errors.team}
            required
          >
            <textarea
              {...fieldProps("team", errors.team, t("applications.apply.teamHint"))}
              rows={3}
              maxLength={2000}
              required
              defaultValue={str("team")}
            />
          </Field>
          <p className="small muted">{t("applications.apply.transparency")}</p>
          <button type="submit" className="button" disabled={busy}>
            {t("applications.apply.submit")}
          </button>
        </Form>
      )}
    </div>
  );
}
