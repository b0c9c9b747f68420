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

// Static pages (sign-in): a refused form comes back as a new page with its error summary; move focus
// to the summary so keyboard and screen reader users hear the problem first. Interactive pages do
// this in the ErrorSummary component.
if (!window.Blazor) {
  document.querySelector(".static-page [data-error-summary]")?.focus();
}
