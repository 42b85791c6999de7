import { Link, useLocation } from "@remix-run/react";
import { ChevronLeft, ChevronRight } from "~/components/icons";
import { useTranslation } from "~/i18n/use-translation";

/** The page numbers to show: the first, the last and two either side of the current one. */
export function pageWindow(page: number, pageCount: number): (number | "gap")[] {
  const wanted = new Set([1, pageCount, page - 2, page - 1, page, page + 1, page + 2].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | "gap")[] = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1]! > 1) out.push("gap");
    out.push(p);
  });
  return out;
}

/** Page links that keep every other query parameter (search, filters, sort) of the current URL. */
export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (pageCount <= 1) return null;
  const href = (p: number) => {
    const params = new URLSearchParams(location.search);
    if (p === 1) params.delete("page");
    else params.set("page", String(p));
    const query = params.toString();
    return `${location.pathname}${query ? `?${query}` : ""}`;
  };
  return (
    <nav className="pagination" aria-label={t("common.pagination.label")}>
      {page > 1 ? (
        <Link to={href(page - 1)} rel="prev" className="button button--secondary button--small" prefetch="intent">
          <ChevronLeft size={18} aria-hidden="true" />
          <span>{t("common.actions.previous")}</span>
        </Link>
      ) : (
        <span className="pagination__spacer" />
      )}
      <p className="pagination__status">{t("common.pagination.page", { page, pages: pageCount })}</p>
      <ol className="pagination__pages">
        {pageWindow(page, pageCount).map((p, i) =>
          p === "gap" ? (
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              <Link to={href(p)} aria-current={p === page ? "page" : undefined} aria-label={t("common.pagination.page", { page: p, pages: pageCount })}>
                {p}
              </Link>
            </li>
          ),
        )}
      </ol>
      {page < pageCount ? (
        <Link to={href(page + 1)} rel="next" className="button button--secondary button--small" prefetch="intent">
          <span>{t("common.actions.next")}</span>
          <ChevronRight size={18} aria-hidden="true" />
        </Link>
      ) : (
        <span className="pagination__spacer" />
      )}
    </nav>
  );
}
