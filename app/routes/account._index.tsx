import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CheckCircle2, Plus, ShieldAlert } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { ChallengeFits } from "~/components/challenge-fits";
import { CsrfInput } from "~/components/forms";
import { requireRole, requireUser } from "~/lib/auth.server";
import { challengeFits } from "~/lib/challenge-matches.server";
import { readForm } from "~/lib/csrf.server";
import { accounts, getDb, startupProfiles, users } from "~/lib/db.server";
import { getFixedT } from "~/lib/i18n.server";
import { formatDate } from "~/lib/format";
import { displayContext } from "~/lib/marketplace-display.server";
import { parseList, parseLocalized, pickLocalized } from "~/lib/taxonomy";
import dealStyles from "~/styles/deals.css?url";

// Match scores and reasons (the startup's "challenges that fit you") use the deal-flow styles.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: dealStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Aqyl` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { t, lng } = getFixedT(request);
  const db = await getDb();
  const base = { title: t("account.title"), user, lng };
  switch (user.role) {
    case "startup": {
      const startups = (await startupProfiles.listOwnedStartups(db, user.id)).map((s) => ({
        id: s.id, slug: s.slug, name: s.name, tagline: pickLocalized(parseLocalized(s.tagline), lng), published: s.published === 1,
      }));
      const fits = startups[0] ? await challengeFits(db, startups[0].id, displayContext(request)) : [];
      return { ...base, startups, investor: null, agency: null, pending: [], fits };
    }
    case "investor": {
      const row = await accounts.getInvestorByOwner(db, user.id);
      const investor = row
        ? { slug: row.slug, name: row.name, sectors: parseList(row.thesis_sectors), stages: parseList(row.thesis_stages), ticketMin: row.ticket_min, ticketMax: row.ticket_max, currency: row.currency }
        : null;
      return { ...base, startups: [], investor, agency: null, pending: [] };
    }
    case "agency": {
      const agencyRow = user.agency_id ? await accounts.getAgencyById(db, user.agency_id) : undefined;
      const challenges = agencyRow ? await accounts.listAgencyChallenges(db, agencyRow.id) : [];
      const agency = agencyRow
        ? {
            name: pickLocalized(parseLocalized(agencyRow.name), lng),
            challenges: challenges.map((c) => ({ slug: c.slug, title: pickLocalized(parseLocalized(c.title), lng), status: c.status, deadline: formatDate(c.deadline_at, lng), applications: Number(c.applications) })),
          }
        : null;
      return { ...base, startups: [], investor: null, agency, pending: [] };
    }
    case "admin": {
      const pending = (await users.listUnverifiedUsers(db)).map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, created: formatDate(u.created_at, lng) }));
      return { ...base, startups: [], investor: null, agency: null, pending };
    }
  }
}

const verifySchema = z.object({ intent: z.literal("verify"), userId: z.string().min(1).max(64) });

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  await requireRole(request, "admin");
  const parsed = verifySchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const db = await getDb();
  const target = await users.getUserById(db, parsed.data.userId);
  if (!target) throw new Response("Not found", { status: 404 });
  await users.setUserVerified(db, target.id, true);
  const { t } = getFixedT(request);
  return { message: t("account.admin.verifiedDone", { email: target.email }) };
}

export default function Account() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const { user } = data;
  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("account.title")}</h1>
        <p>{t("account.signedInAs", { name: user.name, role: t(`common.roles.${user.role}`) })}</p>
        <Form method="post" action="/logout">
          <CsrfInput />
          <button type="submit" className="button button--secondary button--small">
            {t("auth.logout.submit")}
          </button>
        </Form>
      </header>

      {(user.role === "investor" || user.role === "agency") && !user.verified ? (
        <div className="alert alert--warning" role="status">
          <strong>
            <ShieldAlert size={18} aria-hidden="true" /> {t("account.unverifiedTitle")}
          </strong>
          <p>{t("account.unverifiedText")}</p>
        </div>
      ) : null}
      {actionData?.message ? (
        <div className="alert alert--success" role="status">
          {actionData.message}
        </div>
      ) : null}

      {user.role === "startup" ? (
        <section className="card" aria-labelledby="startups-heading">
          <h2 id="startups-heading">{t("account.startup.heading")}</h2>
          {data.startups.length === 0 ? <p>{t("account.startup.none")}</p> : null}
          <ul className="plain-list">
            {data.startups.map((s) => (
              <li key={s.id} className="list-row">
                <div>
                  <strong>{s.name}</strong> <span className={`badge ${s.published ? "badge--success" : ""}`}>{s.published ? t("account.startup.published") : t("account.startup.hidden")}</span>
                  <div className="muted small">{s.tagline}</div>
                </div>
                <div className="button-row">
                  <Link className="button button--small" to={`/account/startup?id=${s.id}`}>
                    {t("account.startup.edit")}
                  </Link>
                  {s.published ? (
                    <Link className="button button--secondary button--small" to={`/startups/${s.slug}`}>
                      {t("account.startup.view")}
                    </Link>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
          <div className="button-row">
            {data.startups.length === 0 ? (
              <Link className="button" to="/account/startup">
                <Plus size={18} aria-hidden="true" /> {t("account.startup.create")}
              </Link>
            ) : null}
            <Link className="button button--secondary" to={data.startups.length ? "/account/challenges" : "/challenges?status=open"}>
              {t("account.startup.findChallenges")}
            </Link>
            {data.startups.length > 0 ? (
              <>
                <Link className="button button--secondary" to="/account/applications">
                  {t("applications.links.mine")}
                </Link>
                <Link className="button button--secondary" to="/account/intros">
                  {t("deals.account.startupIntros")}
                </Link>
                <Link className="button button--secondary" to="/account/products">
                  {t("applications.links.products")}
                </Link>
              </>
            ) : null}
          </div>
        </section>
      ) : null}

      {"fits" in data && data.startups.length > 0 ? <ChallengeFits fits={data.fits} startupSlug={data.startups[0]?.slug} /> : null}

      {user.role === "investor" ? (
        <section className="card" aria-labelledby="investor-heading">
          <h2 id="investor-heading">{t("account.investor.heading")}</h2>
          {data.investor ? (
            <>
              <p>
                <strong>{data.investor.name}</strong>
              </p>
              {data.investor.sectors.length === 0 ? <p className="muted">{t("account.investor.thesisEmpty")}</p> : (
                <div className="badges">
                  {data.investor.sectors.map((s) => (
                    <span key={s} className="badge badge--sky">
                      {t(`common.sectors.${s}` as never)}
                    </span>
                  ))}
                </div>
              )}
            </>
          ) : null}
          <div className="button-row" style={{ marginTop: "1rem" }}>
            <Link className="button" to="/deals">
              {t("deals.nav.dealFlow")}
            </Link>
            <Link className="button button--secondary" to="/pipeline">
              {t("deals.nav.pipeline")}
            </Link>
            <Link className="button button--secondary" to="/account/intros">
              {t("deals.nav.intros")}
            </Link>
            <Link className="button button--secondary" to="/account/investor">
              {t("deals.nav.thesis")}
            </Link>
            <Link className="button button--ghost" to="/startups">
              {t("account.investor.browse")}
            </Link>
          </div>
        </section>
      ) : null}

      {user.role === "agency" && data.agency ? (
        <section className="card" aria-labelledby="agency-heading">
          <h2 id="agency-heading">{t("account.agency.heading", { agency: data.agency.name })}</h2>
          {data.agency.challenges.length === 0 ? <p>{t("account.agency.none")}</p> : (
            <ul className="plain-list" data-testid="agency-challenges">
              {data.agency.challenges.map((c) => (
                <li key={c.slug} className="list-row">
                  <div>
                    <Link to={`/agency/challenges/${c.slug}`}>{c.title}</Link>
                    <div className="muted small">
                      {c.deadline} · {t("account.agency.applications", { count: c.applications })}
                    </div>
                  </div>
                  <span className="badge badge--sky">{t(`common.challengeStatus.${c.status}` as never)}</span>
                </li>
              ))}
            </ul>
          )}
          <div className="button-row">
            <Link className="button" to="/agency">
              {t("agency.links.workspace")}
            </Link>
            <Link className="button button--secondary" to="/agency/challenges/new">
              {t("agency.dashboard.post")}
            </Link>
            <Link className="button button--secondary" to="/challenges">
              {t("account.agency.browse")}
            </Link>
          </div>
          <h3 className="subheading">{t("admin.links.heading")}</h3>
          <div className="button-row">
            <Link className="button button--secondary" to="/admin/corpus">
              {t("admin.links.agencyCorpus")}
            </Link>
            <Link className="button button--secondary" to="/agency/reports">
              {t("admin.links.reports")}
            </Link>
          </div>
        </section>
      ) : null}

      {user.role === "admin" ? (
        <section className="card" aria-labelledby="assistant-admin-heading">
          <h2 id="assistant-admin-heading">{t("admin.links.heading")}</h2>
          <div className="button-row">
            <Link className="button" to="/admin/corpus">
              {t("admin.links.corpus")}
            </Link>
            <Link className="button button--secondary" to="/admin/quality">
              {t("admin.links.quality")}
            </Link>
          </div>
        </section>
      ) : null}

      {user.role === "admin" ? (
        <section className="card" aria-labelledby="admin-heading">
          <h2 id="admin-heading">{t("account.admin.heading")}</h2>
          {data.pending.length === 0 ? (
            <p>
              <CheckCircle2 size={18} aria-hidden="true" /> {t("account.admin.none")}
            </p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("account.admin.name")}</th>
                    <th scope="col">{t("account.admin.email")}</th>
                    <th scope="col">{t("account.admin.role")}</th>
                    <th scope="col">{t("account.admin.registered")}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t("account.admin.verify")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.pending.map((p) => (
                    <tr key={p.id}>
                      <td>{p.name}</td>
                      <td>{p.email}</td>
                      <td>{t(`common.roles.${p.role}`)}</td>
                      <td>{p.created}</td>
                      <td>
                        <Form method="post">
                          <CsrfInput />
                          <input type="hidden" name="intent" value="verify" />
                          <input type="hidden" name="userId" value={p.id} />
                          <button type="submit" className="button button--small">
                            {t("account.admin.verify")}
                          </button>
                        </Form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
    </div>
  );
}
