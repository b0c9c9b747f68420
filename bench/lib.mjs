// Shared by the benchmarks: sign in through the app's own form and submit its forms as a browser would.

/** A tiny cookie jar: enough for the antiforgery and sign-in cookies of one origin. */
export class Session {
  constructor(base) {
    this.base = base;
    this.cookies = new Map();
  }

  get cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async fetch(path, options = {}) {
    const response = await fetch(this.base + path, {
      ...options,
      redirect: "manual",
      headers: { ...(options.headers ?? {}), Cookie: this.cookieHeader },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair.indexOf("=");
      this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
    return response;
  }

  /** GETs a page and returns the named form's current values (hidden token included). */
  async formValues(path, formName) {
    const html = await (await this.fetch(path)).text();
    const start = html.indexOf(`name="_handler" value="${formName}"`);
    if (start < 0) throw new Error(`No form ${formName} at ${path}`);
    const formStart = html.lastIndexOf("<form", start);
    const formEnd = html.indexOf("</form>", start);
    const form = html.slice(formStart, formEnd);
    const values = new URLSearchParams();
    for (const match of form.matchAll(/<input[^>]*>/g)) {
      const tag = match[0];
      const name = /name="([^"]*)"/.exec(tag)?.[1];
      if (!name) continue;
      const type = /type="([^"]*)"/.exec(tag)?.[1] ?? "text";
      if ((type === "radio" || type === "checkbox") && !/\schecked/.test(tag)) continue;
      values.set(name, decode(/value="([^"]*)"/.exec(tag)?.[1] ?? ""));
    }
    for (const match of form.matchAll(/<textarea[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/textarea>/g)) values.set(match[1], decode(match[2]));
    for (const match of form.matchAll(/<select[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g)) {
      const selected = /<option value="([^"]*)" selected/.exec(match[2]) ?? /<option value="([^"]*)"/.exec(match[2]);
      values.set(match[1], decode(selected?.[1] ?? ""));
    }
    return values;
  }

  async postForm(path, values) {
    return this.fetch(path, {
      method: "POST",
      body: values,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
  }
}

function decode(text) {
  return text.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'");
}

export async function signIn(base, email, password) {
  const session = new Session(base);
  const values = await session.formValues("/account/login", "login");
  values.set("Input.Email", email);
  values.set("Input.Password", password);
  const response = await session.postForm("/account/login", values);
  if (response.status !== 302) throw new Error(`Sign-in as ${email} failed: ${response.status}`);
  return session;
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
}

export async function rssKiB(pid) {
  const { readFile } = await import("node:fs/promises");
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
}
