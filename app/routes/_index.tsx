import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ArrowRight, Briefcase, Info, Landmark, MessageCircle, Rocket } from "~/components/icons";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { ChallengeCard } from "~/components/challenge-card";
import { StartupCard } from "~/components/startup-card";
import { getDb, marketplace } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { challengeCardDisplay, displayContext } from "~/lib/marketplace-display.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Aqyl" },
  { name: "description", content: data?.description ?? "" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const context = displayContext(request);
  const { t, format } = context;
  const db = await getDb();
  const now = Date.now();
  const [stats, challenges, startups] = await Promise.all([
    marketplace.homeStats(db),
    marketplace.listChallenges(db, { status: "open", pageSize: 3, now }),
    marketplace.listStartups(db, { sort: "updated", pageSize: 6, now }),
  ]);
  const stat = (value: number, label: string, to: string) => ({ value: format.number(value), label, to });
  return {
    title: t("home.metaTitle"),
    description: t("home.metaDescription"),
    stats: [
      stat(stats.startups, t("home.stats.startups"), "/startups"),
      stat(stats.investors, t("home.stats.investors"), "/investors"),
      stat(stats.agencies, t("home.stats.agencies"), "/challenges"),
      stat(stats.openChallenges, t("home.stats.openChallenges"), "/challenges?status=open"),
      stat(stats.applications, t("home.stats.applications"), "/challenges"),
      stat(stats.pilotsCompleted, t("home.stats.pilotsCompleted"), "/challenges?status=completed"),
    ],
    // An open challenge past its deadline no longer invites applications.
    challenges: challenges.items
      .filter((c) => c.deadlineAt >= now)
      .map((c) => ({ ...c, display: challengeCardDisplay(c, context, now) })),
    startups: startups.items,
    demo: getEnv().SEED_DEMO_DATA,
  };
}

export default function Home() {
  const { stats, challenges, startups, demo } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <section className="hero" aria-labelledby="hero-heading">
        <h1 id="hero-heading">{t("home.hero.title")}</h1>
        <p>{t("home.hero.lead")}</p>
        <div className="button-row">
          <Link to="/assistant" className="button button--gold">
            <MessageCircle size={20} aria-hidden="true" />
            {t("home.hero.ask")}
          </Link>
          <Link to="/startups" className="button button--secondary">
            {t("home.hero.browse")}
          </Link>
        </div>
      </section>

      {demo ? (
        <p className="alert alert--warning demo-note">
          <Info size={18} aria-hidden="true" />
          <span>
            <strong>{t("home.demo.title")}.</strong> {t("home.demo.text")}
          </span>
        </p>
      ) : null}

      <section className="section" aria-labelledby="stats-heading">
        <h2 id="stats-heading">{t("home.stats.title")}</h2>
        <ul className="grid grid--3 stats-grid card-list">
          {stats.map((item) => (
            <li key={item.label}>
              <Link to={item.to} className="stat stat--link">
                <span className="stat__value">{item.value}</span>
                <span className="stat__label">{item.label}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section className="section" aria-labelledby="roles-heading">
        <h2 id="roles-heading">{t("home.roles.title")}</h2>
        <ul className="grid grid--4 card-list">
          <RoleCard icon={<MessageCircle size={28} aria-hidden="true" />} title={t("home.roles.citizen.title")} text={t("home.roles.citizen.text")} primary={{ to: "/assistant", label: t("home.roles.citizen.primary") }} />
          <RoleCard
            icon={<Rocket size={28} aria-hidden="true" />}
            title={t("home.roles.startup.title")}
            text={t("home.roles.startup.text")}
            primary={{ to: "/signup?role=startup", label: t("home.roles.startup.primary") }}
            secondary={{ to: "/challenges?status=open", label: t("home.roles.startup.secondary") }}
          />
          <RoleCard
            icon={<Briefcase size={28} aria-hidden="true" />}
            title={t("home.roles.investor.title")}
            text={t("home.roles.investor.text")}
            primary={{ to: "/signup?role=investor", label: t("home.roles.investor.primary") }}
            secondary={{ to: "/investors", label: t("home.roles.investor.secondary") }}
          />
          <RoleCard
            icon={<Landmark size={28} aria-hidden="true" />}
            title={t("home.roles.agency.title")}
            text={t("home.roles.agency.text")}
            primary={{ to: "/signup?role=agency", label: t("home.roles.agency.primary") }}
            secondary={{ to: "/challenges", label: t("home.roles.agency.secondary") }}
          />
        </ul>
      </section>

      <section className="section mission" aria-labelledby="mission-heading">
        <h2 id="mission-heading">{t("home.mission.title")}</h2>
        <p>{t("home.mission.text")}</p>
        <p>{t("home.mission.text2")}</p>
      </section>

      <section className="section" aria-labelledby="challenges-heading">
        <div className="section__head">
          <h2 id="challenges-heading">{t("home.challenges.title")}</h2>
          <Link to="/challenges?status=open" className="section__more">
            {t("home.challenges.all")} <ArrowRight size={16} aria-hidden="true" />
          </Link>
        </div>
        {challenges.length ? (
          <ul className="grid grid--3 card-list">
            {challenges.map((challenge) => (
              <li key={challenge.id}>
                <ChallengeCard challenge={challenge} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t("home.challenges.empty")}</p>
        )}
      </section>

      <section className="section" aria-labelledby="startups-heading">
        <div className="section__head">
          <h2 id="startups-heading">{t("home.startups.title")}</h2>
          <Link to="/startups?sort=updated" className="section__more">
            {t("home.startups.all")} <ArrowRight size={16} aria-hidden="true" />
          </Link>
        </div>
        <ul className="grid grid--3 card-list">
          {startups.map((startup) => (
            <li key={startup.id}>
              <StartupCard startup={startup} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function RoleCard({
  icon,
  title,
  text,
  primary,
  secondary,
}: {
  icon: ReactNode;
  title: string;
  text: string;
  primary: { to: string; label: string };
  secondary?: { to: string; label: string };
}) {
  return (
    <li className="card entry-card">
      {icon}
      <h3>{title}</h3>
      <p>{text}</p>
      {/* The secondary link comes first so the primary buttons line up along the cards' bottom edge. */}
      <div className="entry-card__actions">
        {secondary ? <Link to={secondary.to}>{secondary.label}</Link> : null}
        <Link to={primary.to} className="button">
          {primary.label}
        </Link>
      </div>
    </li>
  );
}
