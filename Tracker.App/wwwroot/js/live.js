// Live updates. The page names what it shows with data-live="<topic> [<topic>…]" on each live region
// and data-live-src="<fragment url>" where the region can be re-rendered by the server. This module
// joins those hub groups and, when a change arrives, re-fetches the affected regions and swaps them in,
// keeping focus and scroll. A region holding a form the user has changed is never replaced: the user
// is told who changed the record instead, and keeps their text. Without this module pages still work;
// they just do not update by themselves.

const HUB_URL = "/hubs/tracker";
const HIGHLIGHT_MS = 2000;
let connection;

export async function start() {
  await loadSignalR();
  const topics = currentTopics();
  if (topics.size === 0) return;

  connection = new window.signalR.HubConnectionBuilder()
    .withUrl(HUB_URL)
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: backoff })
    .configureLogging(window.signalR.LogLevel.Warning)
    .build();

  connection.on("changed", onChanged);
  connection.on("viewers", showViewers);
  connection.onreconnecting(() => showStatus("reconnecting"));
  connection.onreconnected(async () => {
    showStatus("connected");
    await joinAll();
    // Anything missed while disconnected: refresh every region that can be refreshed.
    await Promise.all([...document.querySelectorAll("[data-live][data-live-src]")].map((region) => refresh(region, null)));
  });
  connection.onclose(() => {
    showStatus("offline");
    setTimeout(connect, backoff({ previousRetryCount: 5 }));
  });
  await connect();
}

// Exponential back-off with jitter, capped at 30 seconds; never gives up.
function backoff({ previousRetryCount }) {
  const base = Math.min(30000, 500 * 2 ** previousRetryCount);
  return base / 2 + Math.random() * (base / 2);
}

async function connect() {
  try {
    showStatus("connecting");
    await connection.start();
    showStatus("connected");
    await joinAll();
  } catch {
    showStatus("offline");
    setTimeout(connect, backoff({ previousRetryCount: 3 }));
  }
}

async function joinAll() {
  for (const topic of currentTopics()) {
    const count = await connection.invoke("Join", topic);
    showViewers(topic, count);
  }
}

function currentTopics() {
  const topics = new Set();
  document.querySelectorAll("[data-live]").forEach((region) =>
    region.dataset.live.split(/\s+/).filter(Boolean).forEach((t) => topics.add(t)));
  return topics;
}

function loadSignalR() {
  if (window.signalR) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "/lib/signalr/signalr.min.js";
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
}

// A client viewing both an area and one of its records is in two hub groups and gets the event twice.
const seen = new Set();

async function onChanged(change) {
  const id = `${change.area}:${change.key}:${change.kind}:${change.version}:${change.at}`;
  if (seen.has(id)) return;
  seen.add(id);
  if (seen.size > 500) seen.clear();
  const wanted = new Set([change.area, `${change.area}:${change.key}`]);
  const regions = [...document.querySelectorAll("[data-live]")]
    .filter((region) => region.dataset.live.split(/\s+/).some((t) => wanted.has(t)));
  if (regions.length === 0) return;
  for (const region of regions) await refresh(region, change);
  announce(`${change.label} ${change.kind} by ${change.by} at ${timeOf(change.at)}`);
}

async function refresh(region, change) {
  if (change && hasUnsavedInput(region)) {
    showChangedNotice(region, change);
    return;
  }
  const src = region.dataset.liveSrc;
  if (!src) return;
  const response = await fetch(src, { headers: { Accept: "text/html" }, credentials: "same-origin" });
  if (!response.ok) return;
  const template = document.createElement("template");
  template.innerHTML = (await response.text()).trim();

  // A fragment is either the region itself (its root carries the same data-live) or the region's content.
  const root = template.content.firstElementChild;
  const isWholeRegion = template.content.childElementCount === 1 && root.dataset.live === region.dataset.live;
  const focus = focusPath(region);
  const scroll = window.scrollY;
  let updated = region;
  if (isWholeRegion) {
    region.replaceWith(root);
    updated = root;
  } else {
    region.replaceChildren(template.content);
  }
  window.scrollTo({ top: scroll });
  restoreFocus(updated, focus);
  if (change) {
    updated.classList.add("tracker-live--changed");
    setTimeout(() => updated.classList.remove("tracker-live--changed"), HIGHLIGHT_MS);
  }
}

// True when any field of a form inside the region differs from what the server rendered.
function hasUnsavedInput(region) {
  return [...region.querySelectorAll("input, textarea, select")].some((field) => {
    if (field.type === "hidden" || field.type === "submit") return false;
    if (field.type === "checkbox" || field.type === "radio") return field.checked !== field.defaultChecked;
    if (field.tagName === "SELECT") return [...field.options].some((o) => o.selected !== o.defaultSelected);
    return field.value !== field.defaultValue;
  });
}

function showChangedNotice(region, change) {
  let notice = region.querySelector("[data-live-notice]");
  if (!notice) {
    notice = document.createElement("div");
    notice.className = "govuk-notification-banner";
    notice.setAttribute("role", "region");
    notice.setAttribute("aria-labelledby", "live-notice-title");
    notice.dataset.liveNotice = "";
    notice.innerHTML =
      '<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="live-notice-title">Important</h2></div>' +
      '<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading"></p>' +
      '<p class="govuk-body"><a class="govuk-notification-banner__link" target="_blank" rel="noopener">Open the latest version in a new tab to compare</a></p></div>';
    region.prepend(notice);
  }
  notice.querySelector(".govuk-notification-banner__heading").textContent =
    `${change.label} was changed by ${change.by} at ${timeOf(change.at)}. Your changes are not saved yet and have been kept. ` +
    "If you save, you will be shown their version first.";
  notice.querySelector("a").href = region.dataset.liveCompare || window.location.href;
}

function focusPath(region) {
  const active = document.activeElement;
  if (!active || !region.contains(active)) return null;
  return active.id ? `#${CSS.escape(active.id)}` : active.name ? `[name="${CSS.escape(active.name)}"]` : null;
}

function restoreFocus(region, selector) {
  if (!selector) return;
  const target = region.querySelector(selector);
  if (target) target.focus({ preventScroll: true });
}

function announce(text) {
  const announcer = document.querySelector("[data-live-announcer]");
  if (!announcer) return;
  announcer.textContent = "";
  // A fresh text node after clearing makes screen readers announce repeated messages too.
  setTimeout(() => { announcer.textContent = text; }, 50);
}

const STATUS_TEXT = {
  connecting: "Live updates: connecting…",
  connected: "Live updates: on. Changes by others appear here without reloading.",
  reconnecting: "Live updates: connection lost, reconnecting…",
  offline: "Live updates: offline. Reload the page to see the latest changes.",
};

function showStatus(state) {
  const status = document.querySelector("[data-live-status]");
  if (!status) return;
  status.hidden = false;
  status.dataset.state = state;
  status.textContent = STATUS_TEXT[state];
}

function showViewers(topic, count) {
  document.querySelectorAll(`[data-live-viewers="${CSS.escape(topic)}"]`).forEach((element) => {
    element.textContent = count === 1 ? "1 person viewing (you)" : `${count} people viewing`;
  });
}

function timeOf(at) {
  return new Date(at).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" });
}
