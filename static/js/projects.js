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

// Project list: drag a card to reorder. Dropping moves the card in the page, then fires
// "projects:reordered" on the list, whose hx-post sends the new order of the hidden ids.
// Up/Down buttons remain for keyboard and touch users; on a touch screen they are the only way
// (a long press would start a drag that fights scrolling), and the handle is hidden there.
let dragged = null;
let startIndex = -1;
const indexOf = (card) => Array.prototype.indexOf.call(card.parentNode.children, card);
document.addEventListener("dragstart", (event) => {
  const card = event.target.closest && event.target.closest("[data-reorder] > li");
  if (!card) return;
  if (window.matchMedia("(pointer: coarse)").matches) {
    event.preventDefault();
    return;
  }
  dragged = card;
  startIndex = indexOf(card);
  card.classList.add("dragging");
  event.dataTransfer.effectAllowed = "move";
  event.dataTransfer.setData("text/plain", "");
});
document.addEventListener("dragover", (event) => {
  const card = dragged && event.target.closest("[data-reorder] > li");
  if (!card || card === dragged || card.parentNode !== dragged.parentNode) return;
  event.preventDefault();
  const box = card.getBoundingClientRect();
  const after = event.clientY > box.top + box.height / 2;
  card.parentNode.insertBefore(dragged, after ? card.nextSibling : card);
});
document.addEventListener("drop", (event) => {
  if (dragged) event.preventDefault();
});
document.addEventListener("dragend", () => {
  if (!dragged) return;
  const list = dragged.parentNode;
  const moved = indexOf(dragged) !== startIndex;
  dragged.classList.remove("dragging");
  dragged = null;
  if (moved) htmx.trigger(list, "projects:reordered");
});
