/* Text boxes carry maxlength, the server's limit, so typing stops there. A paste past it the
 * browser would cut short without a word, losing the end of what was pasted: it is kept whole
 * instead, and the server's message (or the answer's status line) says how much to trim.
 */
(function () {
  "use strict";

  document.addEventListener("paste", function (event) {
    var box = event.target;
    if (!box.matches || !box.matches("textarea[maxlength], input[type=text][maxlength]")) return;
    var text = event.clipboardData && event.clipboardData.getData("text/plain");
    var start = box.selectionStart;
    var end = box.selectionEnd;
    if (!text || box.value.length - (end - start) + text.length <= box.maxLength) return;
    event.preventDefault();
    box.setRangeText(text, start, end, "end");
    box.dispatchEvent(new Event("input", { bubbles: true }));
  });
})();
