import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ArrowLeft } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { ChallengeForm } from "~/components/challenge-form";
import { requireOwnedChallenge } from "~/lib/agency.server";
import {
  CRITERIA_ROWS,
  challengeFormValues,
  criteriaPlaceholders,
  parseChallengeForm,
} from "~/lib/challenge-form.server";
import { readForm } from "~/lib/csrf.server";
import { challengesAdmin } from "~/lib/db.server";
import { dateInputValue } from "~/lib/deadline";
import { getFixedT } from "~/lib/i18n.server";
import { parseLocalized, pickLocalized } from "~/lib/taxonomy";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Aqyl` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, challenge } = await requireOwnedChallenge(request, params.slug);
  const { t, lng } = getFixedT(request);
  const editable = challengesAdmin.EDITABLE_STATUSES.includes(challenge.status);
  const locked = editable && (await challengesAdmin.criteriaLocked(db, challenge.id));
  return {
    title: t("agency.form.editTitle"),
    slug: challenge.slug,
    name: pickLocalized(parseLocalized(challenge.title), lng),
    editable,
    values: challengeFormValues(challenge, lng),
    placeholders: criteriaPlaceholders(challenge, lng),
    lockedCriteria: locked
      ? challengesAdmin
          .parseCriteria(challenge.criteria)
          .map((c) => ({ name: pickLocalized(c.name, lng), weight: c.weight }))
      : null,
    rows: Math.max(CRITERIA_ROWS, challengesAdmin.parseCriteria(challenge.criteria).length + 2),
    today: dateInputValue(Date.now()),
    maxCriteria: challengesAdmin.MAX_CRITERIA,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const { user, db, challenge } = await requireOwnedChallenge(request, params.slug);
  const { t, lng } = getFixedT(request);
  if (!challengesAdmin.EDITABLE_STATUSES.includes(challenge.status)) {
    return data({ errors: {}, values: {}, formError: t("agency.form.notEditable") }, { status: 409 });
  }
  const criteriaLocked = await challengesAdmin.criteriaLocked(db, challenge.id);
  const parsed = parseChallengeForm(form, t, { previous: challenge, criteriaLocked });
  if (!parsed.ok)
    return data(
      { errors: parsed.errors, values: parsed.values, formError: t("common.form.fixErrors") },
      { status: 400 },
    );
  const result = await challengesAdmin.updateChallenge(db, {
    agencyId: user.agency_id,
    slug: challenge.slug,
    lang: lng,
    input: parsed.input,
  });
  if (!result.ok) {
    if (result.reason === "not-found") throw new Response("Not found", { status: 404 });
    return data({ errors: {}, values: parsed.values, formError: t("agency.form.notEditable") }, { status: 409 });
  }
  return redirect(`/agency/challenges/${challenge.slug}?saved=1`);
}

export default function EditChallenge() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <p className="back-link">
        <Link to={`/agency/challenges/${loaderData.slug}`}>
          <ArrowLeft size={16} aria-hidden="true" /> {t("agency.backToChallenge")}
        </Link>
      </p>
      <header className="page-header">
        <h1>{t("agency.form.editTitle")}</h1>
        <p className="muted">{loaderData.name}</p>
        <p>{t("agency.form.editIntro")}</p>
      </header>
      {loaderData.editable ? (
        <ChallengeForm
          values={actionData?.values ?? loaderData.values}
          errors={actionData?.errors ?? {}}
          formError={actionData?.formError}
          criteriaRows={loaderData.rows}
          maxCriteria={loaderData.maxCriteria}
          placeholders={loaderData.placeholders}
          lockedCriteria={loaderData.lockedCriteria}
          today={loaderData.today}
          submitLabel={t("agency.form.saveChanges")}
        />
      ) : (
        <p className="alert alert--info">{t("agency.form.notEditable")}</p>
      )}
    </div>
  );
}
