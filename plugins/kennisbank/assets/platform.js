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
 * 4. On a phone (and at 200 % zoom) Material's menu and search buttons are <label>s for hidden
 *    checkboxes: a keyboard cannot reach or press them, while the closed, off-screen menu and
 *    search still take focus (WCAG 2.1.1, 2.4.3). The labels become buttons (Enter, Space,
 *    aria-expanded); what is closed is inert; an open menu is the only thing that takes focus,
 *    and Escape closes it and brings focus back to its button.
 * 5. Material (content.tooltips) shows an abbreviation's explanation while the pointer is on it
 *    or while it has focus, but an <abbr> takes no focus, so a keyboard never sees one (WCAG
 *    2.1.1), nothing dismisses it without moving away (1.4.13), and a phone has no hover. The
 *    first visible <abbr> of each abbreviation in the content becomes a Tab stop (every one would
 *    flood the keyboard: a card list repeats the same few dozens of times; later ones are the same
 *    explanation, and /begrippen/ lists them all); on a listing it is chosen again after every
 *    search or filter, as cards are hidden and shown. Material then shows it on focus, and on a
 *    tap, which focuses. A tap on one that is showing hides it, a next tap shows it again;
 *    Escape hides whatever explanation is showing. Material puts the explanation next to the
 *    trigger, never over it, and keeps it while the pointer is on it (kennisbank.css lets the
 *    pointer reach it); it is the abbreviation's description for a screen reader (its title,
 *    or Material's aria-describedby while shown).
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

  // --- 4. Material's menu and search buttons by keyboard, nothing closed takes focus ---------
  // Material's own breakpoints: the menu is a drawer below 76.25em, the search a toggle below 60em.
  var DRAWER_SCREEN = "(max-width: 76.234375em)";
  var SEARCH_SCREEN = "(max-width: 59.984375em)";
  function keyboardToggles() {
    var drawer = document.getElementById("__drawer");
    var search = document.getElementById("__search");
    var menu = document.querySelector("label.md-header__button[for='__drawer']");
    var searchButton = document.querySelector("label.md-header__button[for='__search']");
    var nav = document.querySelector(".md-sidebar--primary");
    var searchBox = document.querySelector(".md-search");
    // Behind the open menu (the menu itself sits inside .md-main, next to the content).
    var behindMenu = Array.prototype.slice.call(document.querySelectorAll(".md-content, .md-sidebar--secondary, .md-footer, .md-search, .kb-skip-links"));
    if (!drawer || !menu || !nav) return;
    var drawerScreen = window.matchMedia(DRAWER_SCREEN);
    var searchScreen = window.matchMedia(SEARCH_SCREEN);

    function asButton(label, name, controls) {
      label.setAttribute("role", "button");
      label.setAttribute("tabindex", "0");
      if (!label.getAttribute("aria-label")) label.setAttribute("aria-label", name);
      if (controls) label.setAttribute("aria-controls", controls);
      label.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          // Material's own keyboard handler also clicks a focused label on Enter: not twice.
          event.preventDefault();
          event.stopPropagation();
          label.kennisbankKeyboard = true;
          label.click();
          label.kennisbankKeyboard = false;
        }
      });
    }
    function setInert(element, inert) {
      if (!element) return;
      if (inert) element.setAttribute("inert", "");
      else element.removeAttribute("inert");
    }
    function update() {
      var menuOpen = drawer.checked && drawerScreen.matches;
      menu.setAttribute("aria-expanded", String(drawer.checked));
      setInert(nav, drawerScreen.matches && !drawer.checked);
      behindMenu.forEach(function (element) { setInert(element, menuOpen); });
      if (search && searchBox && !menuOpen) {
        setInert(searchBox, searchScreen.matches && !search.checked);
        if (searchButton) searchButton.setAttribute("aria-expanded", String(search.checked));
      }
    }

    nav.id = nav.id || "kb-menu";
    asButton(menu, "Menu", nav.id);
    if (searchButton && searchBox) asButton(searchButton, "Zoeken", null);
    drawer.addEventListener("change", function () {
      update();
      if (drawer.checked && drawerScreen.matches && menu.kennisbankKeyboard) {
        // Into the menu, once it can take focus (Material makes it visible a moment later).
        focusWhenPossible(nav.querySelector("a[href], label[tabindex], input, button"), function () { return drawer.checked; });
      }
    });
    function focusWhenPossible(element, stillWanted) {
      var tries = 0;
      (function attempt() {
        if (!element || !stillWanted()) return;
        element.focus();
        if (document.activeElement !== element && ++tries < 20) window.setTimeout(attempt, 25);
      })();
    }
    if (search && searchBox && searchButton) {
      search.addEventListener("change", function () {
        update();
        if (!searchScreen.matches) return;
        if (search.checked && searchButton.kennisbankKeyboard) {
          focusWhenPossible(searchBox.querySelector("input"), function () { return search.checked; });
        } else if (!search.checked && (document.activeElement === document.body || searchBox.contains(document.activeElement))) {
          searchButton.focus();  // closed (Escape): back to the button, not lost on the page
        }
      });
    }
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked && drawerScreen.matches) {
        drawer.click();
        menu.focus();
      }
    });
    drawerScreen.addEventListener("change", update);
    searchScreen.addEventListener("change", update);
    update();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", keyboardToggles);
  else keyboardToggles();

  // --- 5. abbreviations by keyboard and by tap -------------------------------------------------
  // Material's tooltip for a trigger: the element its aria-describedby names while shown.
  function explanationOf(abbr) {
    var id = abbr.getAttribute("aria-describedby");
    var tip = id ? document.getElementById(id) : null;
    return tip && tip.classList.contains("md-tooltip2") ? tip : null;
  }
  function showing(tip) {
    return !!tip && !tip.hidden && tip.classList.contains("md-tooltip2--active");
  }
  function focusableAbbreviations() {
    var seen = {};
    Array.prototype.forEach.call(document.querySelectorAll(".md-content abbr[title]"), function (abbr) {
      var key = abbr.textContent.trim();
      // Inside a link or a control the abbreviation already sits on a Tab stop; in a card a
      // filter has hidden it is out of reach, so a later, visible one takes its place.
      var reachable = !seen[key] && !abbr.closest("a, button, summary, label, select, input, textarea, [hidden]");
      if (reachable) {
        seen[key] = true;
        abbr.setAttribute("tabindex", "0");
        abbr.setAttribute("data-kb-abbr-stop", "");
      } else if (abbr.hasAttribute("data-kb-abbr-stop")) {
        abbr.removeAttribute("tabindex");
        abbr.removeAttribute("data-kb-abbr-stop");
      }
    });
  }
  // A listing shows other cards after every search or filter (filters.js says so).
  document.addEventListener("kennisbank:rendered", focusableAbbreviations);
  var shownAtPress = null;
  document.addEventListener("pointerdown", function (event) {
    var abbr = event.target && event.target.closest && event.target.closest("abbr");
    shownAtPress = abbr && showing(explanationOf(abbr)) ? abbr : null;
  }, true);
  document.addEventListener("click", function (event) {
    var abbr = event.target && event.target.closest && event.target.closest("abbr");
    var tip = abbr && explanationOf(abbr);
    if (!tip) return;
    tip.hidden = shownAtPress === abbr;  // showing when pressed: hide; else (again) show
    shownAtPress = null;
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    Array.prototype.forEach.call(document.querySelectorAll(".md-tooltip2[role='tooltip']"), function (tip) {
      tip.hidden = true;  // Material makes a new one when the explanation is wanted again
    });
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", focusableAbbreviations);
  else focusableAbbreviations();

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
