/**
 * CSRF protection by double submit: the HTTP server gives every browser a random `csrf` cookie
 * (httpOnly, SameSite=Lax) and pages put the same value in a hidden form field; every action reads
 * its form through `readForm`, which rejects a missing or different token with 403. The server also
 * rejects cross-site mutating requests by their Origin (see app/server.mjs).
 */
import { timingSafeEqual } from "node:crypto";
import { readCookie } from "./cookies.server";
import { stripControlCharacters } from "./validation.server";

export const CSRF_COOKIE = "csrf";
export const CSRF_FIELD = "csrf";
/** Upper bound for urlencoded/multipart form bodies read by actions (uploads have their own limit). */
export const MAX_FORM_BYTES = 256 * 1024;

export function csrfToken(request: Request): string {
  return readCookie(request, CSRF_COOKIE) ?? "";
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && x.length >= 16 && timingSafeEqual(x, y);
}

/**
 * Reads the submitted form after checking its size and CSRF token, with control characters removed
 * from every text value (files are left as they are). Failures are thrown as 4xx responses, which
 * the route's error boundary shows in the visitor's language.
 */
export async function readForm(request: Request, maxBytes = MAX_FORM_BYTES): Promise<FormData> {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (!Number.isFinite(length) || length > maxBytes) throw new Response("Form too large", { status: 413 });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new Response("Unreadable form", { status: 400 });
  }
  const submitted = form.get(CSRF_FIELD);
  if (typeof submitted !== "string" || !sameToken(submitted, csrfToken(request))) {
    throw new Response("CSRF token missing or invalid", { status: 403, statusText: "csrf" });
  }
  const clean = new FormData();
  for (const [key, value] of form) {
    if (typeof value === "string") clean.append(key, stripControlCharacters(value));
    else clean.append(key, value, value.name);
  }
  return clean;
}
