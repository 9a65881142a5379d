/*
 * Kennisbank filters: facets, text search and URL state for the catalogue listings.
 *
 * The page already lists every card (it works without JavaScript); this script only shows,
 * hides and orders them. Facet filtering reads the cards' data attributes and never
 * downloads anything; the text index (prebuilt lunr, Dutch stemming) loads the first time
 * someone types. Values from the URL are matched against the options on the page and only
 * ever used as text, never as markup.
 */
(function () {
  "use strict";

  var form = document.querySelector("[data-kb-filters]");
  if (!form) {
    return;
  }
  var list = document.querySelector("[data-kb-list]");
  var countElement = document.querySelector("[data-result-count]");
  var emptyElement = document.querySelector("[data-kb-empty]");
  var queryInput = form.querySelector("[data-kb-query]");
  var singular = form.getAttribute("data-kb-singular");
  var plural = form.getAttribute("data-kb-plural");

  // listing-query.js (in <head>) set ?q= aside before Material could read it as a site-search
  // deep link; the state is read from the address as it arrived.
  var initialParams = new URLSearchParams(
    typeof window.kennisbankInitialSearch === "string" ? window.kennisbankInitialSearch : window.location.search
  );

  // --- the cards and the facets --------------------------------------------------------------

  var facets = Array.prototype.map.call(form.querySelectorAll("[data-kb-facet]"), function (fieldset) {
    var attribute = "data-" + fieldset.getAttribute("data-kb-attribute");
    var boxes = Array.prototype.slice.call(fieldset.querySelectorAll("input[type=checkbox]"));
    return {
      param: fieldset.getAttribute("data-kb-facet"),
      attribute: attribute,
      boxes: boxes,
      counts: boxes.map(function (box) { return box.parentNode.querySelector("[data-kb-count]"); }),
    };
  });

  // Items of the list: practice cards (data-card) or instruments (data-instrument).
  var cards = Array.prototype.map.call(list.querySelectorAll(":scope > [data-card], :scope > [data-instrument]"), function (element, position) {
    return {
      element: element,
      id: element.getAttribute("data-card") || element.getAttribute("data-instrument"),
      position: position,
      values: facets.map(function (facet) {
        return (element.getAttribute(facet.attribute) || "").split(" ").filter(Boolean);
      }),
    };
  });

  function selected(facet) {
    return facet.boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
  }

  function matchesFacet(card, facetIndex, chosen) {
    if (!chosen.length) {
      return true;
    }
    var values = card.values[facetIndex];
    for (var i = 0; i < chosen.length; i++) {
      if (values.indexOf(chosen[i]) !== -1) {
        return true; // OR within one facet
      }
    }
    return false;
  }

  // --- text search (lunr, loaded on first use) -----------------------------------------------

  var searchIndex = null;
  var searchLoading = null;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("kan " + src + " niet laden")); };
      document.head.appendChild(script);
    });
  }

  function loadSearch() {
    if (!searchLoading) {
      var vendor = form.getAttribute("data-kb-vendor");
      searchLoading = loadScript(vendor + "lunr.min.js")
        .then(function () { return loadScript(vendor + "lunr.stemmer.support.min.js"); })
        .then(function () { return loadScript(vendor + "lunr.nl.min.js"); })
        .then(function () { return fetch(form.getAttribute("data-kb-index")); })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          searchIndex = { ids: data.ids, index: window.lunr.Index.load(expandIndex(data)) };
        });
    }
    return searchLoading;
  }

  /* The compact index file (see compact_index in exports/search_index.py) as lunr's format. */
  function expandIndex(data) {
    var fields = data.fields;
    var invertedIndex = data.terms.map(function (row) {
      var entry = { _index: row[1] };
      fields.forEach(function (field, position) {
        var refs = {};
        var ref = 0;
        row[2 + position].forEach(function (delta) { ref += delta; refs[ref] = {}; });
        entry[field] = refs;
      });
      return [row[0], entry];
    });
    var fieldVectors = data.vectors.map(function (row) {
      var elements = [];
      var term = 0;
      for (var i = 2; i < row.length; i += 2) {
        term += row[i];
        elements.push(term, row[i + 1]);
      }
      return [fields[row[0]] + "/" + row[1], elements];
    });
    return { version: data.version, fields: fields, fieldVectors: fieldVectors, invertedIndex: invertedIndex, pipeline: data.pipeline };
  }
  window.kennisbankExpandIndex = expandIndex; // for tests: the expansion must equal lunr's own format

  /* The words of a query, trimmed like the index was built, without Dutch stop words. */
  function queryWords(text) {
    var lunr = window.lunr;
    return text.toLowerCase().split(/[\s\-]+/).map(function (word) {
      var token = lunr.nl.trimmer(new lunr.Token(word, {}));
      return token && lunr.nl.stopWordFilter(token) ? token.toString() : "";
    }).filter(Boolean);
  }

  /* Scores by card id: a card must match every word (stemmed, or as the start of a word). */
  function search(text) {
    var lunr = window.lunr;
    var scores = null;
    queryWords(text).forEach(function (word) {
      var found = {};
      searchIndex.index.query(function (query) {
        query.term(word, { usePipeline: true, boost: 10 });
        query.term(word, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 1 });
      }).forEach(function (result) {
        var id = searchIndex.ids[Number(result.ref)];
        if (scores === null || id in scores) {
          found[id] = (scores === null ? 0 : scores[id]) + result.score;
        }
      });
      scores = found;
    });
    return scores; // null: no searchable words
  }

  // --- applying the state ---------------------------------------------------------------------

  function countLabel(count, filtered) {
    var noun = count === 1 ? singular : plural;
    return filtered ? count + " van " + cards.length + " " + plural + " getoond" : count + " " + noun;
  }

  function render() {
    var chosen = facets.map(selected);
    var text = queryInput.value.trim();
    var scores = text && searchIndex ? search(text) : null;
    var waitingForIndex = Boolean(text) && !searchIndex;

    var tallies = facets.map(function (facet) { return facet.boxes.map(function () { return 0; }); });
    var visible = [];
    cards.forEach(function (card) {
      var textOk = scores === null || card.id in scores;
      var failing = [];
      facets.forEach(function (facet, index) {
        if (!matchesFacet(card, index, chosen[index])) {
          failing.push(index);
        }
      });
      if (textOk && failing.length === 0) {
        visible.push(card);
      }
      // An option's count: the cards it would give together with the other active filters.
      if (textOk && failing.length <= 1) {
        facets.forEach(function (facet, index) {
          if (failing.length === 1 && failing[0] !== index) {
            return;
          }
          facet.boxes.forEach(function (box, boxIndex) {
            if (card.values[index].indexOf(box.value) !== -1) {
              tallies[index][boxIndex] += 1;
            }
          });
        });
      }
    });

    var shown = {};
    visible.forEach(function (card) { shown[card.id] = true; });
    cards.forEach(function (card) {
      var hide = !shown[card.id];
      if (card.element.hidden !== hide) {
        card.element.hidden = hide;
      }
    });
    order(scores ? visible.slice().sort(function (a, b) { return scores[b.id] - scores[a.id] || a.position - b.position; }) : null);

    facets.forEach(function (facet, index) {
      facet.counts.forEach(function (element, boxIndex) {
        var label = "(" + tallies[index][boxIndex] + ")";
        if (element && element.textContent !== label) {
          element.textContent = label;
        }
      });
    });
    var filtered = Boolean(text) || chosen.some(function (values) { return values.length; });
    countElement.textContent = waitingForIndex ? "Zoeken…" : countLabel(visible.length, filtered);
    emptyElement.hidden = waitingForIndex || visible.length > 0;
    writeUrl(chosen, text);
    // For embeds (resize) and benchmarks (time to updated list).
    form.dispatchEvent(new CustomEvent("kennisbank:rendered", { bubbles: true, detail: { visible: visible.length, searching: waitingForIndex } }));
  }

  /* Ranked cards first, in rank order, then the rest in their own order. DOM order, not CSS
     order, so that reading and tab order follow what is shown. */
  var ordered = false;
  function order(ranked) {
    if (!ranked && !ordered) {
      return;
    }
    var sequence = ranked ? ranked.concat(cards.filter(function (card) { return card.element.hidden; })) : cards;
    var fragment = document.createDocumentFragment();
    sequence.forEach(function (card) { fragment.appendChild(card.element); });
    list.appendChild(fragment);
    ordered = Boolean(ranked);
  }

  // --- URL state -------------------------------------------------------------------------------

  function writeUrl(chosen, text) {
    var params = new URLSearchParams(window.location.search);
    facets.forEach(function (facet) { params.delete(facet.param); });
    params.delete("q");
    facets.forEach(function (facet, index) {
      chosen[index].forEach(function (value) { params.append(facet.param, value); });
    });
    if (text) {
      params.set("q", text);
    }
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.replaceState(null, "", url);
    }
  }

  function readUrl() {
    var params = initialParams;
    facets.forEach(function (facet) {
      var wanted = params.getAll(facet.param);
      facet.boxes.forEach(function (box) {
        box.checked = wanted.indexOf(box.value) !== -1; // unknown values match no box: ignored
      });
    });
    queryInput.value = params.get("q") || "";
  }

  // --- events ----------------------------------------------------------------------------------

  var pending = false;
  function schedule() {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        render();
      });
    }
  }

  function startSearch() {
    loadSearch().then(render, function (error) {
      countElement.textContent = "Zoeken is nu niet beschikbaar; de filters werken wel.";
      window.console.warn(error);
    });
  }

  form.addEventListener("change", function (event) {
    if (event.target.type === "checkbox") {
      render();
    }
  });
  queryInput.addEventListener("input", function () {
    if (!searchIndex) {
      startSearch();
    }
    schedule();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-kb-clear]"), function (button) {
    button.addEventListener("click", function () {
      facets.forEach(function (facet) { facet.boxes.forEach(function (box) { box.checked = false; }); });
      queryInput.value = "";
      render();
      queryInput.focus();
    });
  });

  if (form.getAttribute("data-kb-controls") !== "none") {
    form.hidden = false; // embeds filter by their address only, without visible controls
  }
  var staticFacets = document.querySelector("[data-kb-static-facets]");
  if (staticFacets) {
    staticFacets.hidden = true;
  }
  readUrl();
  if (queryInput.value) {
    startSearch();
  }
  render();
})();
