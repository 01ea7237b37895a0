/* The peer interviewer's console.
 *
 * The live region polls with the ETag it was last given (If-None-Match); while nothing it
 * shows has changed the server answers 304 Not Modified, and nothing is swapped. When the
 * candidate's question changes, the moves and suggestions below are fetched again.
 */
(function () {
  "use strict";

  var etag = null;

  function isLivePoll(event) {
    var elt = event.detail && event.detail.elt;
    return elt && elt.id === "console-live";
  }

  document.addEventListener("htmx:configRequest", function (event) {
    if (!isLivePoll(event)) return;
    // Until a poll brings one, the ETag of the page as it was served.
    etag = etag || event.detail.elt.getAttribute("data-etag");
    if (etag) event.detail.headers["If-None-Match"] = etag;
  });

  document.addEventListener("htmx:beforeSwap", function (event) {
    if (!isLivePoll(event)) return;
    var xhr = event.detail.xhr;
    if (xhr.status === 304) {
      event.detail.shouldSwap = false;
      return;
    }
    etag = xhr.getResponseHeader("ETag") || etag;
  });

  function refreshActions(live) {
    var actions = document.getElementById("console-actions");
    if (!actions || actions.getAttribute("data-turn") === live.getAttribute("data-turn")) return;
    window.htmx.ajax("GET", live.getAttribute("data-actions-url"), {
      target: "#console-actions",
      swap: "outerHTML",
    });
  }

  if (window.htmx) {
    window.htmx.onLoad(function (element) {
      if (element.id === "console-live") refreshActions(element);
    });
  }
})();
