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
