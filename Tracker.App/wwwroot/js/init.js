// Progressive enhancement: the pages work without this file. It switches on the Design System's
// JavaScript behaviours and the live updates module.
import { initAll as initGovUk } from "/lib/govuk/govuk-frontend.min.js";
import { initAll as initMoj } from "/lib/moj/moj-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initGovUk();
initMoj();

if (document.querySelector("[data-live]")) {
  import("/js/live.js").then((live) => live.start()).catch((error) => console.warn("Live updates unavailable", error));
}
