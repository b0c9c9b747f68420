// In-page links (the skip link, the error summary's links to fields) move focus to their target
// without leaving the page: the interactive router would otherwise treat "#id" as a new address.
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest("a.skip-link, a[data-focus]") : null;
  if (!link) return;
  const id = link.dataset.focus ?? link.getAttribute("href").slice(1);
  const target = document.getElementById(id) ?? document.querySelector(`[name="${CSS.escape(id)}"]`);
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: "center" });
}, true);

// The chair's review: ← and → (and Page Up / Page Down, which presentation clickers send) move between
// risks by following the page's own previous and next links, so the router keeps the circuit. Keys
// typed into the review's form, and keys used in a menu or a list, are left alone.
document.addEventListener("keydown", (event) => {
  const direction = { ArrowRight: "next", PageDown: "next", ArrowLeft: "prev", PageUp: "prev" }[event.key];
  if (!direction || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.defaultPrevented) return;
  const target = event.target;
  if (target instanceof Element && target.closest("input, textarea, select, [contenteditable], [role=combobox], [role=listbox], [role=option], .mud-popover")) return;
  const link = document.querySelector(`a[data-review-${direction}]`);
  if (link instanceof HTMLAnchorElement) {
    event.preventDefault();
    link.click();
  }
});

// Static pages (sign-in): a refused form comes back as a new page with its error summary; move focus
// to the summary so keyboard and screen reader users hear the problem first. Interactive pages do
// this in the ErrorSummary component.
if (!window.Blazor) {
  document.querySelector(".static-page [data-error-summary]")?.focus();
}

// The main menu below 960 px (MainLayout.razor): MudBlazor's CSS hides the drawer while it carries
// "mud-drawer--initial"; the menu button takes the class off (the drawer opens over the page, with a
// scrim) and puts it back. Escape, the scrim and following a link close it. All in the browser.
(() => {
  const parts = () => ({
    toggle: document.querySelector("[data-menu-toggle]"),
    drawer: document.querySelector("[data-menu-drawer]"),
    overlay: document.querySelector("[data-menu-close]"),
  });
  const setOpen = (open, focusButton) => {
    const { toggle, drawer, overlay } = parts();
    if (!toggle || !drawer) return;
    drawer.classList.toggle("mud-drawer--initial", !open);
    if (overlay) overlay.hidden = !open;
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    if (focusButton) toggle.focus();
  };
  const isOpen = () => parts().toggle?.getAttribute("aria-expanded") === "true";
  document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    if (target.closest("[data-menu-toggle]")) setOpen(!isOpen(), false);
    else if (isOpen() && (target.closest("[data-menu-close]") || target.closest("[data-menu-drawer] a"))) setOpen(false, false);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && isOpen()) setOpen(false, true);
  });
})();
