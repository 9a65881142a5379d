/*
 * Loaded in the <head> of a filterable listing, before Material's bundle.
 *
 * Material treats ?q= in any address as a deep link into its site search and opens the
 * search overlay. On /praktijken/ and /instrumenten/, ?q= is the catalogue query of the URL
 * contract instead. So the query is set aside here, before Material reads the address, and
 * filters.js (which runs after Material) applies it and writes it back.
 */
(function () {
  "use strict";
  window.kennisbankInitialSearch = window.location.search;
  var params = new URLSearchParams(window.location.search);
  if (params.has("q")) {
    params.delete("q");
    var rest = params.toString();
    window.history.replaceState(window.history.state, "", window.location.pathname + (rest ? "?" + rest : "") + window.location.hash);
  }
})();
