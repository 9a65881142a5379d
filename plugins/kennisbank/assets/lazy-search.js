/*
 * Loaded in the <head> of every page, before Material's bundle.
 *
 * Material downloads the whole site-search index (search/search_index.json) on every page
 * load, whether or not anyone searches: at a thousand cards that is several hundred KB per
 * page view. This holds that one request back until someone opens the search (focus, click
 * on the search button, or one of Material's search shortcut keys), then lets it go.
 */
(function () {
  "use strict";
  var INDEX = /(^|\/)search\/search_index\.json(\?|#|$)/;
  var released = false;
  var waiting = [];
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  XMLHttpRequest.prototype.open = function (method, url) {
    this.kennisbankSearchIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.kennisbankSearchIndex && !released) {
      var request = this;
      var args = arguments;
      waiting.push(function () { send.apply(request, args); });
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function release() {
    if (released) {
      return;
    }
    released = true;
    waiting.splice(0).forEach(function (start) { start(); });
  }

  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.matches && event.target.matches(".md-search__input")) {
      release();
    }
  });
  document.addEventListener("click", function (event) {
    if (event.target && event.target.closest && event.target.closest("label[for='__search'], .md-search")) {
      release();
    }
  }, true);
  document.addEventListener("keydown", function (event) {
    var typing = event.target && event.target.closest && event.target.closest("input, textarea, select, [contenteditable]");
    if (!typing && (event.key === "/" || event.key === "s" || event.key === "f")) {
      release();
    }
  }, true);
})();
