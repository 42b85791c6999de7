import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteError,
  useRouteLoaderData, Link,
} from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { useEffect } from "react";
import { SiteHeader } from "~/components/site-header";
import { SiteFooter } from "~/components/site-footer";
import { useNonce } from "~/lib/nonce";
import { resolveLanguage } from "~/lib/i18n.server";
import { getUser } from "~/lib/auth.server";
import { csrfToken } from "~/lib/csrf.server";
import { getDb, notifications } from "~/lib/db.server";
import stylesheet from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Aqyl" }];

export type RootUser = Awaited<ReturnType<typeof getUser>> & {};

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = resolveLanguage(request);
  const user = await getUser(request);
  const unread = user ? await notifications.countUnread(await getDb(), user.id) : 0;
  return { lang, user, unread, csrf: csrfToken(request) };
}

function Document({ lang, children }: { lang: string; children: React.ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#006e85" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { lang, user, unread } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  useEffect(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
  }, [lang, i18n]);
  return (
    <Document lang={lang}>
      <a className="skip-link" href="#main">
        {t("common.skipToContent")}
      </a>
      <SiteHeader user={user} unread={unread} />
      <main id="main" tabIndex={-1}>
        <div className="container">
          <Outlet />
        </div>
      </main>
      <SiteFooter />
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const root = useRouteLoaderData<typeof loader>("root");
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, text] =
    status === 404
      ? [t("common.errors.notFoundTitle"), t("common.errors.notFoundText")]
      : status === 403
        ? [t("common.errors.forbiddenTitle"), isRouteErrorResponse(error) && error.statusText === "csrf" ? t("common.errors.csrf") : t("common.errors.forbiddenText")]
        : status === 429
          ? [t("common.errors.tooManyRequests"), ""]
          : status >= 400 && status < 500
            ? [t("common.errors.badRequestTitle"), t("common.errors.badRequestText")]
            : [t("common.errors.serverTitle"), t("common.errors.serverText")];
  return (
    <Document lang={root?.lang ?? "kk"}>
      <SiteHeader user={root?.user ?? null} unread={root?.unread ?? 0} />
      <main id="main">
        <div className="container error-page">
          <p className="badge badge--sky">{status}</p>
          <h1>{title}</h1>
          {text ? <p>{text}</p> : null}
          <Link to="/" className="button">
            {t("common.errors.goHome")}
          </Link>
        </div>
      </main>
      <SiteFooter />
    </Document>
  );
}
