/* The content-error message of `make serve` (templates/kennisbank/serve_errors.html): focus it
   once the page has loaded, so that a screen reader reads it, and close it with Escape or its
   button. Only on pages of a local server whose content has errors. */
(function () {
  "use strict";
  var box = document.querySelector("[data-kb-serve-errors]");
  if (!box) return;
  var before = null;
  function close() {
    box.hidden = true;
    document.removeEventListener("keydown", onKey);
    if (before && before !== document.body && document.contains(before)) before.focus();
  }
  function onKey(event) {
    if (event.key === "Escape" && !box.hidden) close();
  }
  box.querySelector("[data-kb-serve-errors-close]").addEventListener("click", close);
  document.addEventListener("keydown", onKey);
  before = document.activeElement;
  box.focus();
})();
