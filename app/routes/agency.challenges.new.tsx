import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ArrowLeft } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { ChallengeForm } from "~/components/challenge-form";
import { requireAgencyUser } from "~/lib/agency.server";
import { CRITERIA_ROWS, NEW_CHALLENGE_VALUES, parseChallengeForm } from "~/lib/challenge-form.server";
import { readForm } from "~/lib/csrf.server";
import { challengesAdmin, getDb } from "~/lib/db.server";
import { dateInputValue } from "~/lib/deadline";
import { getFixedT } from "~/lib/i18n.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Aqyl` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAgencyUser(request);
  const { t } = getFixedT(request);
  return {
    title: t("agency.form.newTitle"),
    values: NEW_CHALLENGE_VALUES,
    verified: user.verified === 1,
    today: dateInputValue(Date.now()),
    maxCriteria: challengesAdmin.MAX_CRITERIA,
    rows: CRITERIA_ROWS,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireAgencyUser(request);
  const { t, lng } = getFixedT(request);
  const parsed = parseChallengeForm(form, t);
  if (!parsed.ok)
    return data(
      { errors: parsed.errors, values: parsed.values, formError: t("common.form.fixErrors") },
      { status: 400 },
    );
  const challenge = await challengesAdmin.createChallengeDraft(await getDb(), {
    agencyId: user.agency_id,
    userId: user.id,
    lang: lng,
    input: parsed.input,
  });
  return redirect(`/agency/challenges/${challenge.slug}?saved=1`);
}

export default function NewChallenge() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <p className="back-link">
        <Link to="/agency">
          <ArrowLeft size={16} aria-hidden="true" /> {t("agency.backToDashboard")}
        </Link>
      </p>
      <header className="page-header">
        <h1>{t("agency.form.newTitle")}</h1>
        <p>{t("agency.form.newIntro")}</p>
        {!loaderData.verified ? <p className="alert alert--warning">{t("agency.unverified.draftOnly")}</p> : null}
      </header>
      <ChallengeForm
        values={actionData?.values ?? loaderData.values}
        errors={actionData?.errors ?? {}}
        formError={actionData?.formError}
        criteriaRows={loaderData.rows}
        maxCriteria={loaderData.maxCriteria}
        placeholders={[]}
        today={loaderData.today}
        submitLabel={t("agency.form.saveDraft")}
      />
    </div>
  );
}
