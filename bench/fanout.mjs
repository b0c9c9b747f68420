// Live fan-out: N hub clients view one topic; a writer saves through the app's own HTTP forms; each
// client's receipt is timed against the save. Usage (the app must be running; bench/run.sh does it):
//   node fanout.mjs --base http://127.0.0.1:5400 --pid <app pid> --clients 1000 --changes 200
import * as signalR from "@microsoft/signalr";
import { signIn, percentile, option, rssKiB } from "./lib.mjs";

const base = option("base", "http://127.0.0.1:5400");
const pid = option("pid");
const clients = Number(option("clients", "100"));
const changes = Number(option("changes", "200"));
const password = option("password", "Bromley-Demo-2026");
// What is viewed and what is saved: the risk register and one risk's edit form by default.
const topic = option("topic", "risks");
const editPath = option("edit", "/risks/1/edit");
const formName = option("form", "risk");
const field = option("field", "Form.Controls");

const viewer = await signIn(base, "member@example.org", password);
const writer = await signIn(base, "admin@example.org", password);

const rssBefore = pid ? await rssKiB(pid) : NaN;
const received = new Map(); // version -> list of receipt times
const connections = [];
for (let i = 0; i < clients; i++) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`${base}/hubs/tracker`, { headers: { Cookie: viewer.cookieHeader }, transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
    .configureLogging(signalR.LogLevel.Error)
    .build();
  connection.on("changed", (change) => {
    const now = performance.now();
    const list = received.get(change.version) ?? [];
    list.push(now);
    received.set(change.version, list);
  });
  connection.on("viewers", () => {});
  await connection.start();
  await connection.invoke("Join", topic);
  connections.push(connection);
}
await new Promise((r) => setTimeout(r, 500));
const rssAfter = pid ? await rssKiB(pid) : NaN;

const saves = []; // { version, sent, answered }
for (let i = 0; i < changes; i++) {
  const values = await writer.formValues(editPath, formName);
  values.set(field, `Benchmark change ${i} at ${new Date().toISOString()}`);
  const sent = performance.now();
  const response = await writer.postForm(editPath, values);
  const answered = performance.now();
  if (response.status !== 302) throw new Error(`Save ${i} was refused: ${response.status}`);
  saves.push({ version: Number(values.get("Form.Version")) + 1, sent, answered });
}
await new Promise((r) => setTimeout(r, 2000));

const fromAnswer = [];
const fromSent = [];
let delivered = 0;
for (const save of saves) {
  for (const at of received.get(save.version) ?? []) {
    delivered++;
    fromAnswer.push(at - save.answered);
    fromSent.push(at - save.sent);
  }
}
fromAnswer.sort((a, b) => a - b);
fromSent.sort((a, b) => a - b);
const fmt = (v) => v.toFixed(1);
console.log(`clients ${clients}, changes ${changes}, topic ${topic}`);
console.log(`delivered ${delivered} / ${clients * changes}`);
console.log(`latency after the save's response, ms: p50 ${fmt(percentile(fromAnswer, 50))} p95 ${fmt(percentile(fromAnswer, 95))} p99 ${fmt(percentile(fromAnswer, 99))} max ${fmt(fromAnswer.at(-1))}`);
console.log(`latency after the save was sent, ms:   p50 ${fmt(percentile(fromSent, 50))} p95 ${fmt(percentile(fromSent, 95))} p99 ${fmt(percentile(fromSent, 99))} max ${fmt(fromSent.at(-1))}`);
if (pid) console.log(`server memory: ${rssBefore} KiB before, ${rssAfter} KiB with ${clients} connections: ${((rssAfter - rssBefore) / clients).toFixed(1)} KiB per connection`);
await Promise.all(connections.map((c) => c.stop()));
