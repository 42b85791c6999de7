// A tiny cookie-keeping HTTP client for driving the real server like a browser without JavaScript.
export class Client {
  private cookies = new Map<string, string>();
  constructor(public readonly baseUrl: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  private remember(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    const res = await fetch(this.baseUrl + path, { ...init, headers, redirect: "manual" });
    this.remember(res);
    return res;
  }

  /** Loads a page first (to get the CSRF cookie), then posts the form with the token unless told not to. */
  async submit(path: string, fields: Record<string, string | string[]>, options: { csrf?: boolean | string; headers?: Record<string, string> } = {}): Promise<Response> {
    if (!this.cookies.get("csrf")) await (await this.request("/healthz")).text();
    if (!this.cookies.get("csrf")) await (await this.request("/")).text();
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    if (options.csrf !== false) body.set("csrf", typeof options.csrf === "string" ? options.csrf : (this.cookies.get("csrf") ?? ""));
    return this.request(path, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded", ...options.headers } });
  }
}

/** A client logged in as a demo account (seeds share one password); throws when the login is refused. */
export async function demoLogin(baseUrl: string, email: string, password = "aqyl-demo-2026"): Promise<Client> {
  const client = new Client(baseUrl);
  const res = await client.submit("/login", { email, password });
  await res.text();
  if (res.status !== 302) throw new Error(`login as ${email} answered ${res.status}, not 302`);
  return client;
}
