/*
 * Kennisbank: a Kompas worksheet on paper (kennisbank/kompas_tool.html).
 *
 * 1. The "Print dit werkblad" button: hidden in the HTML, so that without JavaScript there is
 *    no button that does nothing (the hint beside it says the browser's print works too).
 * 2. The foot of every printed page says where the sheet comes from and on which day it was
 *    printed. The page's margin boxes (kennisbank-print.css, @page) can only show text that is
 *    in the style sheet, so the text goes into custom properties on the root element, which the
 *    margin boxes inherit. Set at load and again just before printing: a tab left open
 *    overnight prints today's date. (A property set through the CSSOM is allowed by the
 *    site's Content-Security-Policy; a style attribute in the HTML would not be.)
 */
(function () {
  "use strict";
  var source = document.querySelector("[data-kb-sheet-address]");
  var root = document.documentElement;

  function cssString(text) {
    return '"' + text.replace(/[\\"]/g, "\\$&").replace(/[\r\n]+/g, " ") + '"';
  }

  function stamp() {
    if (!source) return;
    var today = new Date().toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
    root.style.setProperty("--kb-sheet-address", cssString("Bron: " + source.getAttribute("data-kb-sheet-address")));
    root.style.setProperty("--kb-sheet-printed", cssString("Geprint op " + today + " \u00b7 "));
  }

  stamp();
  window.addEventListener("beforeprint", stamp);

  document.querySelectorAll(".kb-worksheet [data-kb-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
