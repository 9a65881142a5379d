/*
 * Kennisbank: "Citeer deze pagina" gets the day the reader looked the page up, in Dutch
 * ("2 december 2026"). Without JavaScript the citation says where that date goes.
 */
(function () {
  "use strict";
  var today = new Date().toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
  document.querySelectorAll("[data-kb-today]").forEach(function (element) {
    element.textContent = today;
  });
})();
