import { data as withStatus, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { EmptyState } from "~/components/empty-state";
import { CsrfInput } from "~/components/forms";
import { requireRole } from "~/lib/auth.server";
import { readForm } from "~/lib/csrf.server";
import { getDb, investorProfiles, pipeline } from "~/lib/db.server";
import { dealErrorText, notices } from "~/lib/deal-flow.server";
import { getFixedT } from "~/lib/i18n.server";
import { displayContext } from "~/lib/marketplace-display.server";
import { PASS_REASONS, PIPELINE_STAGES, parseLocalized, pickLocalized } from "~/lib/taxonomy";
import dealStyles from "~/styles/deals.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dealStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Aqyl` }];

type Stage = (typeof PIPELINE_STAGES)[number];

async function ownInvestor(request: Request) {
  const user = await requireRole(request, "investor");
  const investor = await investorProfiles.getOwnedInvestor(await getDb(), user.id);
  if (!investor) throw new Response("Not found", { status: 404 });
  return investor;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const investor = await ownInvestor(request);
  const context = displayContext(request);
  const items = await pipeline.listPipeline(await getDb(), investor.id);
  const cards = items.map((item) => ({
    id: item.id,
    stage: item.stage,
    passReason: item.passReason,
    introStatus: item.introStatus,
    updated: context.format.date(item.updatedAt),
    startup: {
      slug: item.startup.slug,
      name: item.startup.name,
      tagline: pickLocalized(parseLocalized(item.startup.tagline), context.lang),
      published: item.startup.published,
    },
    // The moves the state machine allows from here, except the intro request, which has its own form.
    // Talks start once the startup has accepted an intro (moveStage checks it too).
    moves: pipeline.PIPELINE_TRANSITIONS[item.stage].filter(
      (to) => to !== "intro-requested" && to !== "passed" && (to !== "in-talks" || item.introStatus === "accepted"),
    ),
    canPass: pipeline.canTransition(item.stage, "passed"),
    canRequestIntro: pipeline.canTransition(item.stage, "intro-requested") && item.startup.published,
  }));
  return {
    title: context.t("deals.pipeline.title"),
    columns: PIPELINE_STAGES.map((stage) => ({ stage, cards: cards.filter((c) => c.stage === stage) })),
    total: cards.length,
  };
}

const moveSchema = z.object({
  entryId: z.string().min(1).max(64),
  to: z.enum(PIPELINE_STAGES),
  passReason: z.enum(PASS_REASONS).optional().catch(undefined),
});

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const investor = await ownInvestor(request);
  const { t } = getFixedT(request);
  const parsed = moveSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const db = await getDb();
  const items = await pipeline.listPipeline(db, investor.id);
  const item = items.find((i) => i.id === parsed.data.entryId);
  if (!item) throw new Response("Not found", { status: 404 });
  const { to, passReason } = parsed.data;
  const result = await pipeline.moveStage(db, {
    investorId: investor.id,
    entryId: item.id,
    to,
    passReason,
    passNotice: to === "passed" && passReason ? notices.passed(investor.name, item.startup.name, passReason) : undefined,
  });
  if (!result.ok) {
    const status = result.error === "not-found" ? 404 : result.error === "reason-required" ? 400 : 409;
    return withStatus({ ok: false, entryId: item.id, message: dealErrorText(t, result.error) }, { status });
  }
  return { ok: true, entryId: item.id, message: t("deals.pipeline.moved", { startup: item.startup.name, stage: t(`deals.pipeline.stages.${to}`) }) };
}

export default function Pipeline() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <header className="page-header page-header--actions">
        <div>
          <h1>{t("deals.pipeline.title")}</h1>
          <p>{t("deals.pipeline.intro")}</p>
        </div>
        <div className="button-row">
          <Link to="/deals" className="button button--secondary">
            {t("deals.nav.dealFlow")}
          </Link>
          <Link to="/account/intros" className="button button--ghost">
            {t("deals.nav.intros")}
          </Link>
        </div>
      </header>
      {actionData?.ok ? (
        <div className="alert alert--success" role="status">
          {actionData.message}
        </div>
      ) : null}
      {data.total === 0 ? (
        <EmptyState title={t("deals.pipeline.empty")} text={t("deals.pipeline.emptyText")} action={{ to: "/deals", label: t("deals.pipeline.emptyAction") }} headingLevel={2} />
      ) : (
        <div className="pipeline-board">
          {data.columns.map((column) => (
            <section key={column.stage} className={`pipeline-column pipeline-column--${column.stage}`} aria-labelledby={`column-${column.stage}`}>
              <h2 id={`column-${column.stage}`} className="pipeline-column__title">
                {t(`deals.pipeline.stages.${column.stage}`)} <span className="pipeline-column__count">{column.cards.length}</span>
              </h2>
              {column.cards.length === 0 ? <p className="muted small">{t("deals.pipeline.emptyColumn")}</p> : null}
              <ul className="pipeline-cards">
                {column.cards.map((card) => (
                  <li key={card.id} className="pipeline-card" data-testid={`pipeline-${card.startup.slug}`}>
                    <h3 className="pipeline-card__name">
                      {card.startup.published ? <Link to={`/deals/${card.startup.slug}`}>{card.startup.name}</Link> : card.startup.name}
                      {!card.startup.published ? <span className="muted small"> ({t("deals.pipeline.unpublished")})</span> : null}
                    </h3>
                    {card.startup.tagline ? <p className="pipeline-card__tagline">{card.startup.tagline}</p> : null}
                    <p className="muted small">
                      {t("deals.pipeline.updated", { date: card.updated })}
                      {card.introStatus ? ` · ${t("deals.pipeline.introStatus", { status: t(`deals.introStatus.${card.introStatus}` as never) })}` : null}
                    </p>
                    {card.passReason ? (
                      <p className="badge badge--danger">{t("deals.pipeline.passedBecause", { reason: t(`deals.passReasons.${card.passReason}` as never) })}</p>
                    ) : null}
                    <MoveForms card={card} error={actionData && !actionData.ok && actionData.entryId === card.id ? actionData.message : undefined} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </>
  );
}

interface CardMoves {
  id: string;
  stage: Stage;
  moves: Stage[];
  canPass: boolean;
  canRequestIntro: boolean;
  startup: { slug: string };
}

function MoveForms({ card, error }: { card: CardMoves; error?: string }) {
  const { t } = useTranslation();
  return (
    <div className="pipeline-card__actions">
      {card.canRequestIntro ? (
        <Link to={`/deals/${card.startup.slug}#intro`} className="button button--small">
          {t("deals.pipeline.requestIntro")}
        </Link>
      ) : null}
      {card.moves.map((to) => (
        <Form method="post" key={to}>
          <CsrfInput />
          <input type="hidden" name="entryId" value={card.id} />
          <input type="hidden" name="to" value={to} />
          <button type="submit" className="button button--secondary button--small">
            {t(`deals.pipeline.moveTo.${to as "saved" | "in-talks" | "invested"}`)}
          </button>
        </Form>
      ))}
      {card.canPass ? (
        <Form method="post" className="pass-form">
          <CsrfInput />
          <input type="hidden" name="entryId" value={card.id} />
          <input type="hidden" name="to" value="passed" />
          <label className="visually-hidden" htmlFor={`pass-${card.id}`}>
            {t("deals.pipeline.passReason")}
          </label>
          <select id={`pass-${card.id}`} name="passReason" required defaultValue="" aria-invalid={error ? true : undefined}>
            <option value="" disabled>
              {t("deals.pipeline.choose")}
            </option>
            {PASS_REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {t(`deals.passReasons.${reason}`)}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--secondary button--small">
            {t("deals.pipeline.pass")}
          </button>
        </Form>
      ) : null}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
