/**
 * A tiny Markdown renderer for the subset the service corpus and the assistant's answers use:
 * paragraphs (lines kept as line breaks), `-`/`*`/`•` lists, **bold**, [links](https://…) and bare
 * https:// addresses. Everything else is shown as the text it is: output is React elements, never
 * HTML strings, so nothing in the input can inject markup. Links go only to http(s) or to a path on
 * this site. Phrases listed in `flagged` (unconfirmed figures) are wrapped in <mark>.
 */
import { Fragment, type ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";

type Block = { type: "p"; lines: string[] } | { type: "ul"; items: string[] };

const BULLET = /^\s*(?:[-*•])\s+(.*)$/;

export function parseBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trimEnd();
    if (!line.trim()) {
      current = undefined;
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      if (current?.type !== "ul") {
        current = { type: "ul", items: [] };
        blocks.push(current);
      }
      current.items.push(bullet[1]!);
    } else if (current?.type === "ul" && /^\s{2,}\S/.test(line)) {
      // An indented line continues the previous bullet.
      current.items[current.items.length - 1] += ` ${line.trim()}`;
    } else {
      if (current?.type !== "p") {
        current = { type: "p", lines: [] };
        blocks.push(current);
      }
      current.lines.push(line.trim().replace(/^#{1,6}\s+/, ""));
    }
  }
  return blocks;
}

/** Safe link targets: http(s) anywhere, or a path on this site (not protocol-relative). */
export function safeHref(url: string): string | undefined {
  const trimmed = url.trim();
  if (/^https?:\/\/[^\s]+$/i.test(trimmed)) return trimmed;
  if (/^\/(?!\/)[^\s]*$/.test(trimmed)) return trimmed;
  return undefined;
}

// Bold, a Markdown link, or a bare web address (trailing punctuation is not part of it).
const INLINE = /\*\*([^*]+?)\*\*|\[([^\]\n]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s<>()]*[^\s<>().,;:!?'"»])/g;

interface InlineOptions {
  flagged: readonly string[];
  flagTitle: string;
  newTab: string;
}

function flag(text: string, options: InlineOptions, key: string): ReactNode[] {
  const phrases = options.flagged.filter((p) => p.trim().length > 1);
  if (phrases.length === 0) return [text];
  const lower = text.toLowerCase();
  const out: ReactNode[] = [];
  let at = 0;
  let n = 0;
  while (at < text.length) {
    let best: { index: number; length: number } | undefined;
    for (const phrase of phrases) {
      const index = lower.indexOf(phrase.toLowerCase(), at);
      if (index >= 0 && (!best || index < best.index || (index === best.index && phrase.length > best.length)))
        best = { index, length: phrase.length };
    }
    if (!best) break;
    if (best.index > at) out.push(text.slice(at, best.index));
    out.push(
      <mark key={`${key}-m${n++}`} className="unverified" title={options.flagTitle}>
        {text.slice(best.index, best.index + best.length)}
      </mark>,
    );
    at = best.index + best.length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

function ExternalLink({ href, children, newTab }: { href: string; children: ReactNode; newTab: string }) {
  if (href.startsWith("/")) return <a href={href}>{children}</a>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className="break">
      {children}
      <span className="visually-hidden"> ({newTab})</span>
    </a>
  );
}

function inline(text: string, options: InlineOptions, key: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let n = 0;
  for (const match of text.matchAll(INLINE)) {
    const index = match.index ?? 0;
    if (index > last) out.push(...flag(text.slice(last, index), options, `${key}-t${n}`));
    const [whole, bold, label, url, bare] = match;
    if (bold !== undefined) {
      out.push(<strong key={`${key}-b${n}`}>{flag(bold, options, `${key}-b${n}`)}</strong>);
    } else if (label !== undefined && url !== undefined) {
      const href = safeHref(url);
      out.push(
        href ? (
          <ExternalLink key={`${key}-l${n}`} href={href} newTab={options.newTab}>
            {label}
          </ExternalLink>
        ) : (
          <Fragment key={`${key}-l${n}`}>{whole}</Fragment>
        ),
      );
    } else if (bare !== undefined) {
      out.push(
        <ExternalLink key={`${key}-u${n}`} href={bare} newTab={options.newTab}>
          {bare}
        </ExternalLink>,
      );
    }
    last = index + whole.length;
    n++;
  }
  if (last < text.length) out.push(...flag(text.slice(last), options, `${key}-t${n}`));
  return out;
}

export function Markdown({
  text,
  flagged = [],
  className,
}: {
  text: string;
  flagged?: readonly string[];
  className?: string;
}) {
  const { t } = useTranslation();
  const options: InlineOptions = {
    flagged,
    flagTitle: t("services.unverifiedMark"),
    newTab: t("services.opensInNewTab"),
  };
  const blocks = parseBlocks(text);
  return (
    <div className={className ? `markdown ${className}` : "markdown"}>
      {blocks.map((block, b) =>
        block.type === "ul" ? (
          <ul key={b}>
            {block.items.map((item, i) => (
              <li key={i}>{inline(item, options, `${b}-${i}`)}</li>
            ))}
          </ul>
        ) : (
          <p key={b}>
            {block.lines.map((line, i) => (
              <Fragment key={i}>
                {i > 0 ? <br /> : null}
                {inline(line, options, `${b}-${i}`)}
              </Fragment>
            ))}
          </p>
        ),
      )}
    </div>
  );
}
