import { Link } from "@remix-run/react";
import { SearchX } from "~/components/icons";

/** What to show when a list is empty: what happened and what to do next. */
export function EmptyState({
  title,
  text,
  action,
  headingLevel = 3,
}: {
  title: string;
  text: string;
  action?: { to: string; label: string };
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="empty">
      <SearchX size={40} aria-hidden="true" />
      <Heading className="empty__title">{title}</Heading>
      <p>{text}</p>
      {action ? (
        <Link to={action.to} className="button button--secondary">
          {action.label}
        </Link>
      ) : null}
    </div>
  );
}
