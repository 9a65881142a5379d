/*
 * Kennisbank: the "Afdrukken of opslaan als pdf" button of a dossier (without JavaScript it
 * stays hidden; the browser's own print gives the same pages).
 */
(function () {
  "use strict";
  document.querySelectorAll("[data-kb-print-only]").forEach(function (element) {
    element.hidden = false;
  });
  document.querySelectorAll("[data-kb-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
