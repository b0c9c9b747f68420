// Page throughput: requests per second and latency of signed-in pages, with and without a writer
// saving continuously. Usage (the app must be running; bench/run.sh does it):
//   node pages.mjs --base http://127.0.0.1:5400 --seconds 10
import autocannon from "autocannon";
import { signIn, option } from "./lib.mjs";

const base = option("base", "http://127.0.0.1:5400");
const seconds = Number(option("seconds", "10"));
const password = option("password", "Bromley-Demo-2026");
const pages = (option("pages", "/,/risks,/actions/report?year=2020&quarter=4")).split(",");
const editPath = option("edit", "/risks/1/edit");
const formName = option("form", "risk");
const field = option("field", "Form.Controls");

const reader = await signIn(base, "member@example.org", password);

async function measure(path) {
  const result = await autocannon({
    url: base + path,
    connections: 20,
    duration: seconds,
    headers: { Cookie: reader.cookieHeader },
  });
  const ok = result["2xx"];
  return `${path.padEnd(40)} ${result.requests.average.toFixed(0).padStart(6)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  2xx ${ok}/${result.requests.total}`;
}

async function writerLoop(signal) {
  const writer = await signIn(base, "admin@example.org", password);
  let saves = 0;
  while (!signal.aborted) {
    const values = await writer.formValues(editPath, formName);
    values.set(field, `Continuous writer ${saves} ${Date.now()}`);
    const response = await writer.postForm(editPath, values);
    if (response.status === 302) saves++;
  }
  return saves;
}

console.log(`${seconds} s per page, 20 connections`);
for (const path of pages) console.log(await measure(path));

console.log("with a writer saving continuously:");
const controller = new AbortController();
const writing = writerLoop(controller.signal);
for (const path of pages) console.log(await measure(path));
controller.abort();
console.log(`writer saved ${await writing} times`);
