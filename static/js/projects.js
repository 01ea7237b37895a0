// Project editor: a second click on "Save" while the first request is still on its way would
// create the project twice, so a form marked data-submit-once sends one submission only.
// htmx requests (readiness, metric rows) are not form submissions and are unaffected.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!form.matches("form[data-submit-once]")) return;
  if (form.dataset.submitting === "true") {
    event.preventDefault();
    return;
  }
  form.dataset.submitting = "true";
  form.setAttribute("aria-busy", "true");
});

// Coming back with the Back button restores the page from cache: allow submitting again.
window.addEventListener("pageshow", () => {
  document.querySelectorAll("form[data-submit-once]").forEach((form) => {
    delete form.dataset.submitting;
    form.removeAttribute("aria-busy");
  });
});
