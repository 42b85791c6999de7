import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Bell } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";
import { CsrfInput } from "~/components/forms";
import { requireUser } from "~/lib/auth.server";
import { readForm } from "~/lib/csrf.server";
import { getDb, notifications } from "~/lib/db.server";
import { formatDate } from "~/lib/format";
import { getFixedT } from "~/lib/i18n.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Aqyl` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { t, lng } = getFixedT(request);
  const rows = await notifications.listNotifications(await getDb(), user.id);
  return {
    title: t("account.notifications.title"),
    lng,
    items: rows.map((n) => {
      let payload: Record<string, string> = {};
      try {
        payload = JSON.parse(n.payload) as Record<string, string>;
      } catch {
        payload = {};
      }
      return { id: n.id, kind: n.kind, link: n.link, unread: n.read_at === null, created: formatDate(n.created_at, lng), text: payload[lng] ?? payload.en ?? payload.text ?? n.kind };
    }),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  await readForm(request);
  const user = await requireUser(request);
  await notifications.markAllRead(await getDb(), user.id);
  return { ok: true };
}

export default function Notifications() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  return (
    <div className="card" style={{ maxWidth: "48rem", margin: "0 auto" }}>
      <h1>{t("account.notifications.title")}</h1>
      {data.items.length === 0 ? (
        <div className="empty">
          <Bell size={32} aria-hidden="true" />
          <p>{t("account.notifications.none")}</p>
        </div>
      ) : (
        <>
          <Form method="post">
            <CsrfInput />
            <button className="button button--secondary button--small" type="submit">
              {t("account.notifications.markRead")}
            </button>
          </Form>
          <ul className="plain-list">
            {data.items.map((n) => (
              <li key={n.id} className="list-row">
                <div>
                  {n.unread ? <span className="badge badge--gold">•</span> : null} {n.link ? <Link to={n.link}>{n.text}</Link> : n.text}
                  <div className="muted small">{n.created}</div>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
