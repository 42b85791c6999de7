import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSubmit } from "@remix-run/react";
import { ChartColumn, Database, FileJson, FileSpreadsheet, MessageCircleQuestionMark } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { BarChart, CHART_COLORS, ColumnChart, LineChart, ShareBar, StackedBarChart } from "~/components/charts";
import { getDashboardStats } from "~/lib/dashboard.server";
import { dashboardView, type DashboardView, type Fact } from "~/lib/dashboard-view.server";
import { getFixedT } from "~/lib/i18n.server";
import { DASHBOARD_PERIODS, type DashboardPeriod } from "~/lib/dashboard-periods";
import { parseDashboardQuery } from "~/lib/stats-params.server";
import { useHydrated } from "~/lib/use-hydrated";
import chartStyles from "~/styles/charts.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: chartStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? ""} · Aqyl` },
  { name: "description", content: data?.description ?? "" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, lng } = getFixedT(request);
  const now = Date.now();
  const { period, range } = parseDashboardQuery(new URL(request.url), now);
  const view = dashboardView(await getDashboardStats(range, now), period, lng, t);
  return { title: t("dashboard.metaTitle"), description: t("dashboard.metaDescription"), period, view };
}

export default function Dashboard() {
  const { period, view } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="dashboard">
      <header className="page-header">
        <h1>{t("dashboard.title")}</h1>
        <p>{t("dashboard.intro")}</p>
      </header>

      <PeriodFilter period={period} rangeLabel={view.rangeLabel} />

      <section aria-labelledby="headline-title" className="dashboard__section">
        <h2 id="headline-title" className="visually-hidden">
          {t("dashboard.headline.title")}
        </h2>
        <div className="grid grid--4 headline">
          <Stat label={t("dashboard.headline.questions")} fact={view.headline.questions} />
          <Stat label={t("dashboard.headline.answered")} fact={view.headline.answered} />
          <Stat label={t("dashboard.headline.medianTime")} fact={view.headline.medianTime} />
          <Stat label={t("dashboard.headline.startups")} fact={view.headline.startups} accent />
        </div>
      </section>

      <AssistantSection view={view} />
      <EcosystemSection view={view} />
      <OpenDataSection view={view} />
    </div>
  );
}

function Stat({ label, fact, accent = false }: { label: string; fact: Fact; accent?: boolean }) {
  return (
    <div className={accent ? "stat stat--gold" : "stat"}>
      <div className="stat__value">{fact.value}</div>
      <div className="stat__label">{label}</div>
      {fact.note ? <div className="stat__note">{fact.note}</div> : null}
    </div>
  );
}

/** A card of a few numbers that belong together, laid out like the charts beside it. */
function FactsCard({ title, lead, facts }: { title: string; lead?: string; facts: { label: string; fact: Fact }[] }) {
  return (
    <section className="card facts-card">
      <h3 className="chart__title">{title}</h3>
      {lead ? <p className="muted small">{lead}</p> : null}
      <dl className="facts-list">
        {facts.map(({ label, fact }) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className="facts-list__value">{fact.value}</dd>
            {fact.note ? <dd className="facts-list__note">{fact.note}</dd> : null}
          </div>
        ))}
      </dl>
    </section>
  );
}

/** A GET form, so it works without JavaScript; once hydrated, choosing a period applies it at once. */
function PeriodFilter({ period, rangeLabel }: { period: DashboardPeriod; rangeLabel: string }) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const submit = useSubmit();
  const names: Record<DashboardPeriod, string> = {
    "7": t("dashboard.period.days7"),
    "30": t("dashboard.period.days30"),
    "90": t("dashboard.period.days90"),
    all: t("dashboard.period.all"),
  };
  return (
    <form
      key={period}
      method="get"
      className="period-filter"
      onChange={hydrated ? (event) => submit(event.currentTarget, { preventScrollReset: true }) : undefined}
    >
      <fieldset>
        <legend className="period-filter__legend">{t("dashboard.period.legend")}</legend>
        <div className="segmented">
          {DASHBOARD_PERIODS.map((value) => (
            <label key={value} className="segmented__option">
              <input type="radio" name="days" value={value} defaultChecked={value === period} />
              <span>{names[value]}</span>
            </label>
          ))}
        </div>
        {hydrated ? null : (
          <button type="submit" className="button button--secondary button--small">
            {t("dashboard.period.apply")}
          </button>
        )}
      </fieldset>
      <p className="period-filter__range" aria-live="polite">
        {rangeLabel}
      </p>
    </form>
  );
}

function SectionEmpty({ title, text, action }: { title: string; text: string; action: { to: string; label: string } }) {
  return (
    <div className="empty dashboard-empty">
      <ChartColumn size={40} aria-hidden="true" />
      <h3 className="empty__title">{title}</h3>
      <p>{text}</p>
      <Link to={action.to} className="button button--secondary">
        {action.label}
      </Link>
    </div>
  );
}

function AssistantSection({ view }: { view: DashboardView }) {
  const { t } = useTranslation();
  const a = view.assistant;
  return (
    <section aria-labelledby="assistant-title" className="dashboard__section">
      <div className="section-heading">
        <MessageCircleQuestionMark size={28} aria-hidden="true" />
        <div>
          <h2 id="assistant-title">{t("dashboard.assistant.title")}</h2>
          <p className="muted">{t("dashboard.assistant.lead")}</p>
        </div>
      </div>
      {a === null ? (
        <SectionEmpty
          title={t("dashboard.assistant.empty.title")}
          text={t("dashboard.assistant.empty.text")}
          action={{ to: "/assistant", label: t("dashboard.assistant.empty.action") }}
        />
      ) : (
        <>
          <div className="chart-grid">
            <div className="chart-grid__wide">
              <LineChart
                title={t("dashboard.assistant.perDay.title")}
                caption={t("dashboard.assistant.perDay.caption")}
                text={view.text}
                dayHeader={t("dashboard.units.day")}
                {...a.perDay}
              />
            </div>
            {a.outcomes ? (
              <ShareBar
                title={t("dashboard.assistant.outcomes.title")}
                caption={t("dashboard.assistant.outcomes.caption")}
                text={view.text}
                labelHeader={t("dashboard.assistant.outcomes.kind")}
                valueHeader={t("dashboard.units.questions")}
                shareHeader={t("dashboard.units.share")}
                {...a.outcomes}
              />
            ) : null}
            <FactsCard
              title={t("dashboard.assistant.quality")}
              lead={t("dashboard.privacyNote", { threshold: view.threshold })}
              facts={[
                { label: t("dashboard.assistant.medianTime"), fact: a.median },
                { label: t("dashboard.assistant.p95Time"), fact: a.p95 },
                { label: t("dashboard.assistant.positive"), fact: a.positive },
              ]}
            />
            {a.topServices ? (
              <BarChart
                title={t("dashboard.assistant.topServices.title")}
                caption={t("dashboard.assistant.topServices.caption")}
                text={view.text}
                labelHeader={t("dashboard.assistant.topServices.service")}
                valueHeader={t("dashboard.units.questions")}
                {...a.topServices}
              />
            ) : (
              <p className="card muted">{t("dashboard.assistant.topServices.empty")}</p>
            )}
            {a.unanswered ? (
              <BarChart
                title={t("dashboard.assistant.unanswered.title")}
                caption={t("dashboard.assistant.unanswered.caption")}
                text={view.text}
                labelHeader={t("dashboard.assistant.topServices.service")}
                valueHeader={t("dashboard.units.questions")}
                color={CHART_COLORS.gold700}
                {...a.unanswered}
              />
            ) : (
              <p className="card muted">{t("dashboard.assistant.unanswered.empty")}</p>
            )}
          </div>
        </>
      )}
    </section>
  );
}

function EcosystemSection({ view }: { view: DashboardView }) {
  const { t } = useTranslation();
  const e = view.ecosystem;
  return (
    <section aria-labelledby="ecosystem-title" className="dashboard__section">
      <div className="section-heading">
        <ChartColumn size={28} aria-hidden="true" />
        <div>
          <h2 id="ecosystem-title">{t("dashboard.ecosystem.title")}</h2>
          <p className="muted">{t("dashboard.ecosystem.lead")}</p>
        </div>
      </div>
      {e === null ? (
        <SectionEmpty
          title={t("dashboard.ecosystem.empty.title")}
          text={t("dashboard.ecosystem.empty.text")}
          action={{ to: "/startups", label: t("dashboard.ecosystem.empty.action") }}
        />
      ) : (
        <>
          <div className="grid grid--4 dashboard__stats">
            <Stat label={t("dashboard.ecosystem.startups")} fact={{ value: e.startups }} />
            <Stat label={t("dashboard.ecosystem.investors")} fact={{ value: e.investors }} />
            <Stat label={t("dashboard.ecosystem.applications")} fact={{ value: e.applications }} />
            <Stat label={t("dashboard.ecosystem.pilotsCompleted")} fact={{ value: e.pilotsCompleted }} />
          </div>
          <div className="chart-grid">
            {e.bySector ? (
              <div className="chart-grid__wide">
                <StackedBarChart
                  title={t("dashboard.ecosystem.bySector.title")}
                  caption={t("dashboard.ecosystem.bySector.caption")}
                  text={view.text}
                  labelHeader={t("dashboard.ecosystem.bySector.sector")}
                  totalHeader={t("dashboard.units.total")}
                  {...e.bySector}
                />
              </div>
            ) : null}
            <BarChart
              title={t("dashboard.ecosystem.byStatus.title")}
              caption={t("dashboard.ecosystem.byStatus.caption")}
              text={view.text}
              labelHeader={t("dashboard.ecosystem.byStatus.status")}
              valueHeader={t("dashboard.units.challenges")}
              {...e.byStatus}
            />
            <ColumnChart
              title={t("dashboard.ecosystem.applicationsPerChallenge.title")}
              caption={t("dashboard.ecosystem.applicationsPerChallenge.caption")}
              text={view.text}
              labelHeader={t("dashboard.ecosystem.applicationsPerChallenge.applications")}
              valueHeader={t("dashboard.units.challenges")}
              {...e.perChallenge}
            />
            {e.pilots ? (
              <ShareBar
                title={t("dashboard.ecosystem.pilots.title")}
                caption={t("dashboard.ecosystem.pilots.caption")}
                text={view.text}
                labelHeader={t("dashboard.ecosystem.pilots.outcome")}
                valueHeader={t("dashboard.ecosystem.pilots.pilots")}
                shareHeader={t("dashboard.units.share")}
                {...e.pilots}
              />
            ) : null}
            <IntrosCard view={view} />
          </div>
        </>
      )}
      {e === null ? (
        <div className="chart-grid">
          <IntrosCard view={view} />
        </div>
      ) : null}
    </section>
  );
}

function IntrosCard({ view }: { view: DashboardView }) {
  const { t } = useTranslation();
  return (
    <FactsCard
      title={t("dashboard.intros.title")}
      lead={t("dashboard.intros.lead")}
      facts={[
        { label: t("dashboard.intros.requests"), fact: view.intros.requests },
        { label: t("dashboard.intros.pitches"), fact: view.intros.pitches },
        { label: t("dashboard.intros.investorResponseRate"), fact: view.intros.investorResponseRate },
        { label: t("dashboard.intros.investorMedianReply"), fact: view.intros.investorMedianReply },
        { label: t("dashboard.intros.startupResponseRate"), fact: view.intros.startupResponseRate },
      ]}
    />
  );
}

function OpenDataSection({ view }: { view: DashboardView }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="open-data-title" className="dashboard__section card open-data">
      <div className="section-heading">
        <Database size={28} aria-hidden="true" />
        <h2 id="open-data-title">{t("dashboard.openData.title")}</h2>
      </div>
      <p>{t("dashboard.openData.text")}</p>
      <p className="muted small">{t("dashboard.openData.privacy", { threshold: view.threshold })}</p>
      <p className="button-row">
        <a className="button" href={view.openData.json}>
          <FileJson size={18} aria-hidden="true" />
          {t("dashboard.openData.json")}
        </a>
        <a className="button button--secondary" href="/api/openapi.json">
          {t("dashboard.openData.docs")}
        </a>
      </p>
      <h3>{t("dashboard.openData.csv")}</h3>
      <ul className="dataset-list">
        {view.openData.datasets.map((d) => (
          <li key={d.name}>
            <a href={d.href}>
              <FileSpreadsheet size={16} aria-hidden="true" />
              {d.label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
