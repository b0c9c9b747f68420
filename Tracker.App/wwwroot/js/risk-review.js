// Chair's review: the arrow keys (and Page Up / Page Down, which presentation clickers send) move
// between risks by following the page's own previous and next links. Typing in the form is left alone.
const keys = { ArrowRight: "next", PageDown: "next", ArrowLeft: "prev", PageUp: "prev" };

document.addEventListener("keydown", (event) => {
  const direction = keys[event.key];
  if (!direction || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const target = event.target;
  if (target instanceof HTMLElement && target.closest("input, textarea, select, [contenteditable]")) return;
  const link = document.querySelector(`[data-review-${direction}]`);
  if (link instanceof HTMLAnchorElement) {
    event.preventDefault();
    window.location.assign(link.href);
  }
});
