/** A tiny browser stand-in for tests: keeps the session cookie and speaks JSON. */
export type Fetch = (request: Request) => Response | Promise<Response>;

export type JsonResponse<T = any> = { status: number; body: T; headers: Headers };

export class TestClient {
  private cookies = new Map<string, string>();

  constructor(
    private readonly fetchFn: Fetch,
    readonly origin = "http://localhost",
  ) {}

  async raw(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) {
      headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    }
    const response = await this.fetchFn(
      new Request(new URL(path, this.origin), { ...init, headers }),
    );
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const [name = "", value = ""] = pair.split("=");
      const expired = attributes.some((a) => /max-age=0\b/i.test(a.trim()));
      if (expired || value === "") this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return response;
  }

  async json<T = any>(method: string, path: string, body?: unknown): Promise<JsonResponse<T>> {
    const init: RequestInit = { method };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { "content-type": "application/json" };
    }
    const response = await this.raw(path, init);
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : null,
      headers: response.headers,
    };
  }

  get = <T = any>(path: string) => this.json<T>("GET", path);
  post = <T = any>(path: string, body?: unknown) => this.json<T>("POST", path, body ?? {});
  patch = <T = any>(path: string, body?: unknown) => this.json<T>("PATCH", path, body ?? {});

  hasSession(): boolean {
    return this.cookies.has("st_session");
  }

  setCookie(name: string, value: string) {
    this.cookies.set(name, value);
  }

  clearCookies() {
    this.cookies.clear();
  }
}

/** How many responses came back with each status, e.g. `{ 401: 5, 429: 195 }`. */
export function statusTally(responses: { status: number }[]): Record<number, number> {
  const tally: Record<number, number> = {};
  for (const { status } of responses) tally[status] = (tally[status] ?? 0) + 1;
  return tally;
}
