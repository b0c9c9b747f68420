// Times a CSV import of the risk register through the app's own upload form, and the server's
// memory growth while it runs (peak resident memory, VmHWM, against resident memory before).
//   node import.mjs --base http://127.0.0.1:5400 --pid 1234 --rows 10000
import { readFileSync, writeFileSync } from "node:fs";
import { signIn } from "./lib.mjs";

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const base = args.base ?? "http://127.0.0.1:5400";
const pid = Number(args.pid);
const rows = Number(args.rows ?? 10000);

const header = "Reference,Risk,Cause,Impact,Categories,Owner group,Gross likelihood,Gross severity,Gross score,Controls in place,Net likelihood,Net severity,Net score,Further actions,Action owners,Action RAG,Target completion dates,Target likelihood,Target severity,Target score,Review date,Status";
const rags = ["Red", "Amber", "Green", "Blue", ""];
function row(i) {
  const g = 1 + (i % 5), s = 1 + ((i * 7) % 5), n = Math.max(1, g - 1), t = 1;
  const actions = i % 3 === 0 ? "" : `Agree the plan for risk ${i} | Report back on risk ${i}`;
  const owners = actions ? "AM | RV" : "";
  const rag = actions ? `${rags[i % 5]} | ${rags[(i + 1) % 5]}` : "";
  const dates = actions ? "31/03/2027 | 30/06/2027" : "";
  const reference = `${i <= 5000 ? "X" : "Y"}${((i - 1) % 5000) + 1}`; // references are letters then at most four digits
  return [reference, `"Generated risk ${i}, for the import benchmark"`, `Cause of risk ${i}`, `Impact of risk ${i}`, '"P, E"',
    "Strategic Group", g, s, g * s, `Controls for risk ${i}`, n, s, n * s, actions, owners, rag, dates, t, 1, t, "31/03/2027", "Open"].join(",");
}
const csv = [header, ...Array.from({ length: rows }, (_, i) => row(i + 1))].join("\r\n") + "\r\n";

function status(key) {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find(l => l.startsWith(key + ":"));
  return Number(line.split(/\s+/)[1]) / 1024; // MiB
}

// The server's CPU time (user + system) in seconds: on a shared machine wall time includes waiting for a core.
function cpuSeconds() {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
const load = () => readFileSync("/proc/loadavg", "utf8").split(" ")[0];

const admin = await signIn(base, "admin@example.org", args.password ?? "Bromley-Demo-2026");
const values = await admin.formValues("/risks/import", "risk-import");
const form = new FormData();
for (const [name, value] of values) if (name !== "file") form.append(name, value);
form.append("file", new Blob([csv], { type: "text/csv" }), "register.csv");

const before = status("VmRSS");
writeFileSync(`/proc/${pid}/clear_refs`, "5"); // resets VmHWM to the current resident memory
const cpuBefore = cpuSeconds();
const loadBefore = load();
const started = performance.now();
const response = await admin.fetch("/risks/import", { method: "POST", body: form });
const html = await response.text();
if (process.env.DUMP) writeFileSync(process.env.DUMP, html);
const seconds = (performance.now() - started) / 1000;
const peak = status("VmHWM");
const cpu = cpuSeconds() - cpuBefore;
const imported = /data-imported[^>]*>([\s\S]*?)<\//.exec(html)?.[1]?.replace(/\s+/g, " ").trim();
const message = imported ?? /Imported[^<]*/.exec(html)?.[0] ?? `no success message (HTTP ${response.status})`;

console.log(`rows: ${rows.toLocaleString("en-GB")}, file: ${(Buffer.byteLength(csv) / 1024 / 1024).toFixed(2)} MiB`);
console.log(`import: ${seconds.toFixed(2)} s wall, ${cpu.toFixed(2)} s server CPU (load average ${loadBefore} before, ${load()} after), HTTP ${response.status}: ${message}`);
console.log(`server memory: ${before.toFixed(0)} MiB before, peak ${peak.toFixed(0)} MiB during (+${(peak - before).toFixed(0)} MiB)`);
