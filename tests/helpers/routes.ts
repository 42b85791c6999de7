// The app's routes as the reliability suites see them: every file of app/routes, read at test time, with its
// URL pattern (Remix v2 flat-route naming), and whether it has an action (mutates), a loader, and a page.
// A route added tomorrow shows up here without anyone editing this file, so suites that must cover every
// route (hostile input, the authorisation matrix, CSRF) fail until the new route has its entry.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface RouteInfo {
  /** File name under app/routes, e.g. "agency.challenges.$slug.edit.tsx". */
  file: string;
  /** URL pattern with :params, e.g. "/agency/challenges/:slug/edit". */
  pattern: string;
  params: string[];
  hasAction: boolean;
  hasLoader: boolean;
  /** A page (default export) rather than a resource route. */
  isPage: boolean;
}

const ROUTES_DIR = join(process.cwd(), "app/routes");

/** Splits a flat-route file name on dots outside [escapes]. */
function segmentsOf(name: string): string[] {
  const out: string[] = [];
  let current = "";
  let escaped = false;
  for (const ch of name) {
    if (ch === "[") escaped = true;
    else if (ch === "]") escaped = false;
    else if (ch === "." && !escaped) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

export function patternOf(file: string): string {
  const name = file.replace(/\.(tsx|ts|jsx|js)$/, "");
  const parts: string[] = [];
  for (const raw of segmentsOf(name)) {
    if (raw === "_index" || (raw.startsWith("_") && raw !== "_")) continue; // index or pathless layout
    const segment = raw.endsWith("_") ? raw.slice(0, -1) : raw; // "challenges_" opts out of nesting only
    parts.push(segment.startsWith("$") ? `:${segment.slice(1)}` : segment);
  }
  return `/${parts.join("/")}`;
}

export function listRoutes(): RouteInfo[] {
  return readdirSync(ROUTES_DIR)
    .filter((f) => /\.(tsx|ts)$/.test(f))
    .sort()
    .map((file) => {
      const source = readFileSync(join(ROUTES_DIR, file), "utf8");
      const pattern = patternOf(file);
      return {
        file,
        pattern,
        params: [...pattern.matchAll(/:(\w+)/g)].map((m) => m[1]!),
        hasAction: /export\s+(async\s+)?function\s+action\b|export\s+const\s+action\b|export\s*\{[^}]*\baction\b/.test(
          source,
        ),
        hasLoader: /export\s+(async\s+)?function\s+loader\b|export\s+const\s+loader\b|export\s*\{[^}]*\bloader\b/.test(
          source,
        ),
        isPage: /export\s+default\b/.test(source),
      };
    });
}

/** Fills a pattern's :params from `values` (a missing one throws, naming the route). */
export function fillPattern(route: RouteInfo, values: Record<string, string>): string {
  return route.pattern.replace(/:(\w+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for :${name} of ${route.file}`);
    return encodeURIComponent(value);
  });
}
