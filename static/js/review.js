// Review page: "Copy" beside a mentor link puts the link on the clipboard and says so.
// Delegated from the document because the links arrive inside an htmx-swapped region.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-copy]");
  if (!button) return;
  const field = document.getElementById(button.dataset.copy);
  const status = button.parentElement.querySelector("[data-copy-status]");
  try {
    await navigator.clipboard.writeText(field.value);
    status.textContent = "Copied.";
  } catch {
    // No clipboard access (plain http, permissions): select the text for a manual copy.
    field.select();
    status.textContent = "Press Ctrl+C (or ⌘C) to copy.";
  }
});

// Turns are folded; a link to one (#turn-N, from the top fixes or a drill) lands on it open.
function unfold(id) {
  const target = id && document.getElementById(id);
  const fold = target && target.querySelector(":scope > details");
  if (!fold || fold.open) return;
  fold.open = true;
  target.scrollIntoView();
}
const hashId = () => decodeURIComponent(location.hash.slice(1));
unfold(hashId());
window.addEventListener("hashchange", () => unfold(hashId()));
// A click on the link already in the address bar changes no hash, so open it on the click too.
document.addEventListener("click", (event) => {
  const link = event.target.closest('a[href^="#"]');
  if (link) unfold(decodeURIComponent(link.hash.slice(1)));
});
// The report can arrive by htmx while the page polls for grading.
document.addEventListener("htmx:afterSettle", () => unfold(hashId()));
