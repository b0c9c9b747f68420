// Cross-instance relay: the same hub clients on instance A (where the writer saves) and instance B
// (which hears the save through PostgreSQL LISTEN/NOTIFY). For each save, the latency the relay adds
// is B's receipt minus A's. Usage (two instances on one database must be running; bench/relay.sh does it):
//   node relay.mjs --a http://127.0.0.1:5401 --b http://127.0.0.1:5402 --clients 50 --changes 200
import * as signalR from "@microsoft/signalr";
import { signIn, percentile, option } from "./lib.mjs";

const baseA = option("a", "http://127.0.0.1:5401");
const baseB = option("b", "http://127.0.0.1:5402");
const clients = Number(option("clients", "50"));
const changes = Number(option("changes", "200"));
const password = option("password", "Bromley-Demo-2026");
const topic = "risks";
const editPath = "/risks/1/edit";

const writer = await signIn(baseA, "admin@example.org", password);
const received = { A: new Map(), B: new Map() }; // instance -> version -> receipt times
const connections = [];
for (const [name, base] of [["A", baseA], ["B", baseB]]) {
  const viewer = await signIn(base, "member@example.org", password);
  for (let i = 0; i < clients; i++) {
    const connection = new signalR.HubConnectionBuilder()
      .withUrl(`${base}/hubs/tracker`, { headers: { Cookie: viewer.cookieHeader }, transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
      .configureLogging(signalR.LogLevel.Error)
      .build();
    connection.on("changed", (change) => {
      const now = performance.now();
      const list = received[name].get(change.version) ?? [];
      list.push(now);
      received[name].set(change.version, list);
    });
    connection.on("viewers", () => {});
    await connection.start();
    await connection.invoke("Join", topic);
    connections.push(connection);
  }
}
await new Promise((r) => setTimeout(r, 500));

const saves = [];
for (let i = 0; i < changes; i++) {
  const values = await writer.formValues(editPath, "risk");
  values.set("Form.Controls", `Relay benchmark change ${i} at ${new Date().toISOString()}`);
  const sent = performance.now();
  const response = await writer.postForm(editPath, values);
  const answered = performance.now();
  if (response.status !== 302) throw new Error(`Save ${i} was refused: ${response.status}`);
  saves.push({ version: Number(values.get("Form.Version")) + 1, sent, answered });
}
await new Promise((r) => setTimeout(r, 2000));

const added = [], onA = [], onB = [];
let deliveredA = 0, deliveredB = 0;
for (const save of saves) {
  const a = received.A.get(save.version) ?? [];
  const b = received.B.get(save.version) ?? [];
  deliveredA += a.length;
  deliveredB += b.length;
  for (const at of a) onA.push(at - save.sent);
  for (const at of b) onB.push(at - save.sent);
  if (a.length && b.length) added.push(Math.min(...b) - Math.min(...a));
}
for (const list of [added, onA, onB]) list.sort((x, y) => x - y);
const fmt = (v) => v.toFixed(1);
const line = (l) => `p50 ${fmt(percentile(l, 50))} p95 ${fmt(percentile(l, 95))} p99 ${fmt(percentile(l, 99))} max ${fmt(l.at(-1))}`;
console.log(`clients ${clients} per instance, changes ${changes}`);
console.log(`delivered on A ${deliveredA} / ${clients * changes}, on B ${deliveredB} / ${clients * changes}`);
console.log(`A (local) after the save was sent, ms:   ${line(onA)}`);
console.log(`B (relayed) after the save was sent, ms: ${line(onB)}`);
console.log(`added by the relay (B's first - A's first), ms: ${line(added)}`);
await Promise.all(connections.map((c) => c.stop()));
