// Pages of the interactive app, against a running Release build (bench/pages.sh starts one):
//  1. time to interactive in Chromium (Playwright driving Debian's /usr/bin/chromium): first byte,
//     first contentful paint of the prerendered page, and the circuit ready (main[data-interactive=true]),
//     over N loads with a cold cache (a new browser context each load) and a warm one (one context);
//  2. prerendered page throughput (autocannon: the first request of a page, signed in with the cookie),
//     with and without a writer saving R1 through the app's own service (bench/BenchHook's /_bench/writer).
// Prints markdown table rows, each with the load average when it was measured.
//   node pages.mjs --base http://127.0.0.1:5400 [--pid <app pid>] [--loads 20] [--seconds 10] [--label "13 risks"]
import autocannon from "autocannon";
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { signIn, option, percentile } from "./lib.mjs";

const base = option("base", "http://127.0.0.1:5400");
const pid = option("pid", "");
const loads = Number(option("loads", "20"));
const seconds = Number(option("seconds", "10"));
const connections = Number(option("connections", "20"));
const rate = option("rate", "20");
const label = option("label", "");
const password = option("password", "Bromley-Demo-2026");
const ttiPages = option("tti", "/risks,/").split(",").filter(Boolean);
const pages = option("pages", "/,/risks,/actions/report?year=2020&quarter=4").split(",").filter(Boolean);
const only = option("only", "tti,throughput").split(",");

const load = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
const cpuMs = () => {
  if (!pid) return NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in clock ticks of 10 ms
};
const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(0)} ms` : "–");

const reader = await signIn(base, "member@example.org", password);

if (only.includes("tti")) await timeToInteractive();
if (only.includes("throughput")) await throughput();

async function timeToInteractive() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const host = new URL(base).hostname;
  const cookies = [...reader.cookies].map(([name, value]) => ({ name, value, domain: host, path: "/" }));
  const newContext = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addCookies(cookies);
    // Notes when the layout marks main as interactive (the circuit has rendered the page).
    await context.addInitScript(() => {
      window.__ready = null;
      new MutationObserver((_, observer) => {
        if (document.querySelector("main[data-interactive=true]")) {
          window.__ready = performance.now();
          observer.disconnect();
        }
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-interactive"] });
    });
    return context;
  };
  const measureLoad = async (context, path) => {
    const page = await context.newPage();
    await page.goto(base + path, { waitUntil: "commit" });
    await page.waitForFunction(() => window.__ready !== null, null, { timeout: 30_000 });
    const t = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      const fcp = performance.getEntriesByName("first-contentful-paint")[0];
      return { firstByte: nav.responseStart, paint: fcp?.startTime ?? NaN, ready: window.__ready, bytes: nav.transferSize };
    });
    await page.close();
    return t;
  };

  console.log(`\n### Time to interactive${label ? `, ${label}` : ""}: ${loads} loads each, Chromium 1280×720, signed in as the member`);
  console.log("| page | cache | first byte p50 / p95 | first paint p50 / p95 | circuit ready p50 / p95 | max ready | load average |");
  console.log("|---|---|---|---|---|---|---|");
  for (const path of ttiPages) {
    for (const cache of ["cold", "warm"]) {
      const before = load();
      const results = [];
      const shared = cache === "warm" ? await newContext() : null;
      if (shared) await measureLoad(shared, path); // fills the cache
      for (let i = 0; i < loads; i++) {
        const context = shared ?? (await newContext());
        results.push(await measureLoad(context, path));
        if (!shared) await context.close();
      }
      if (shared) await shared.close();
      const p = (key, q) => percentile(results.map((r) => r[key]).filter(Number.isFinite).sort((a, b) => a - b), q);
      console.log(`| \`${path}\` | ${cache} | ${ms(p("firstByte", 50))} / ${ms(p("firstByte", 95))} | ${ms(p("paint", 50))} / ${ms(p("paint", 95))} | ${ms(p("ready", 50))} / ${ms(p("ready", 95))} | ${ms(p("ready", 100))} | ${before} → ${load()} |`);
    }
  }
  await browser.close();
}

async function throughput() {
  const measure = async (path) => {
    const before = load();
    const cpu = cpuMs();
    const result = await autocannon({ url: base + path, connections, duration: seconds, headers: { Cookie: reader.cookieHeader } });
    const cpuPerRequest = (cpuMs() - cpu) / result.requests.total;
    const bytes = result.throughput.total / result.requests.total;
    return `| \`${path}\` | ${result.requests.average.toFixed(0)} | ${result.latency.p50} ms | ${result.latency.p99} ms | ${Number.isFinite(cpuPerRequest) ? cpuPerRequest.toFixed(1) + " ms" : "–"} | ${(bytes / 1024).toFixed(0)} KB | ${result["2xx"]} / ${result.requests.total} | ${before} → ${load()} |`;
  };
  const header = (title) => {
    console.log(`\n### ${title}${label ? `, ${label}` : ""}: autocannon, ${connections} connections, ${seconds} s per page, signed in as the member`);
    console.log("| page | requests/s | p50 | p99 | server CPU per request | size | 2xx / all | load average |");
    console.log("|---|---|---|---|---|---|---|---|");
  };
  header("Prerendered page throughput");
  for (const path of pages) console.log(await measure(path));

  const start = await fetch(`${base}/_bench/writer/start?rate=${rate}`, { method: "POST" });
  if (!start.ok) {
    console.log("\n(no writer: the app runs without bench/BenchHook)");
    return;
  }
  header(`With a writer saving R1 ${rate} times a second through RiskService`);
  for (const path of pages) console.log(await measure(path));
  const stop = await fetch(`${base}/_bench/writer/stop`, { method: "POST" });
  console.log(`\nwriter: ${(await stop.text()).trim()}`);
}
