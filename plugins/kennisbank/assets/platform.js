/*
 * Kennisbank: the browser-side workarounds of Material for MkDocs, in one file (see
 * platform.py for the Python side and tests/test_platform.py for what they rely on).
 * Loaded in the <head> of every page, before Material's bundle.
 *
 * 1. Material downloads the whole site-search index (search/search_index.json) on every page
 *    load, whether or not anyone searches: at a thousand cards that is several hundred KB per
 *    page view. The request is held back until someone opens the search (focus, a click on
 *    the search button, or one of Material's search shortcut keys), then let go.
 * 2. Material treats ?q= in any address as a deep link into its site search and opens the
 *    search overlay. On a filterable listing (<meta name="kennisbank-listing">), ?q= is the
 *    catalogue query of the URL contract instead: it is set aside here, before Material reads
 *    the address, and filters.js (which runs after Material) applies it and writes it back.
 * 3. Material reads every <link rel="alternate"> as another language version of the site and
 *    fetches the sitemap.xml next to it. The Atom feed links of a page are no such thing: that
 *    request (a 404 in api/v1/) is not sent, and Material hears it failed, which it ignores.
 */
(function () {
  "use strict";

  // --- 1. the site-search index, fetched only when search is opened ---------------------------
  var INDEX = /(^|\/)search\/search_index\.json(\?|#|$)/;
  var released = false;
  var waiting = [];
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  // --- 3. no language sitemap next to an Atom feed ------------------------------------------
  var feedSitemaps = {};
  Array.prototype.forEach.call(document.querySelectorAll("link[rel='alternate'][type='application/atom+xml']"), function (link) {
    feedSitemaps[new URL("sitemap.xml", link.href).href] = true;
  });

  XMLHttpRequest.prototype.open = function (method, url) {
    this.kennisbankSearchIndex = INDEX.test(String(url));
    this.kennisbankFeedSitemap = feedSitemaps[new URL(String(url), document.baseURI).href] === true;
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.kennisbankFeedSitemap) {
      var skipped = this;
      setTimeout(function () { skipped.dispatchEvent(new ProgressEvent("error")); }, 0);
      return undefined;
    }
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

  // --- 2. a listing's ?q= is the catalogue's, not Material's ---------------------------------
  if (document.querySelector("meta[name='kennisbank-listing']")) {
    window.kennisbankInitialSearch = window.location.search;
    var params = new URLSearchParams(window.location.search);
    if (params.has("q")) {
      params.delete("q");
      var rest = params.toString();
      window.history.replaceState(window.history.state, "", window.location.pathname + (rest ? "?" + rest : "") + window.location.hash);
    }
  }
})();
