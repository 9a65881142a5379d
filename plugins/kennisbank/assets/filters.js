/*
 * Kennisbank listings: facets, text search, sorting and URL state on /praktijken/ and
 * /instrumenten/ (and, without visible controls, in the embeds).
 *
 * The page already lists every card (it works without JavaScript); this script shows, hides
 * and orders them. Facet filtering reads the cards' data attributes and never downloads
 * anything. Text search reads a split index (exports/search_index.py): the first keystroke
 * loads lunr's Dutch pipeline and a small manifest, each query word the one shard of terms it
 * can match, and excerpts the texts of the results they are shown for. Values from the URL are
 * matched against the options on the page and only ever used as text, never as markup.
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
  var emptyMessage = emptyElement && emptyElement.querySelector("[data-kb-empty-message]");
  var suggestionsElement = emptyElement && emptyElement.querySelector("[data-kb-suggestions]");
  var queryInput = form.querySelector("[data-kb-query]");
  var sortSelect = form.querySelector("[data-kb-sort]");
  var relevanceOption = sortSelect && sortSelect.querySelector("[data-kb-relevance]");
  var chipsElement = document.querySelector("[data-kb-chips]");
  var chipList = chipsElement && chipsElement.querySelector("[data-kb-chip-list]");
  var toggle = form.querySelector("[data-kb-filter-toggle]");
  var panel = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
  var activeCount = toggle && toggle.querySelector("[data-kb-active-count]");
  var doneButton = form.querySelector("[data-kb-filter-done]");
  var doneCount = form.querySelector("[data-kb-done-count]");
  var singular = form.getAttribute("data-kb-singular");
  var plural = form.getAttribute("data-kb-plural");
  var EXCERPTS = 10; // excerpts are fetched for the first results only
  // "Druk deze selectie af": the dossier of the list with the current selection in its address
  // (without JavaScript the link leads to the whole list's dossier).
  var printLinks = Array.prototype.slice.call(document.querySelectorAll("a[data-kb-print-selection]"));
  var printBases = printLinks.map(function (link) { return link.getAttribute("href"); });

  // listing-query.js (in <head>) set ?q= aside before Material could read it as a site-search
  // deep link; the state is read from the address as it arrived.
  var initialParams = new URLSearchParams(
    typeof window.kennisbankInitialSearch === "string" ? window.kennisbankInitialSearch : window.location.search
  );

  // --- the cards and the facets --------------------------------------------------------------

  var facets = Array.prototype.map.call(form.querySelectorAll("[data-kb-facet]"), function (fieldset) {
    var boxes = Array.prototype.slice.call(fieldset.querySelectorAll("input[type=checkbox]"));
    return {
      param: fieldset.getAttribute("data-kb-facet"),
      label: fieldset.getAttribute("data-kb-label") || fieldset.getAttribute("data-kb-facet"),
      attribute: "data-" + fieldset.getAttribute("data-kb-attribute"),
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
      reviewed: element.getAttribute("data-reviewed") || "",
      created: element.getAttribute("data-created") || "",
      values: facets.map(function (facet) {
        return (element.getAttribute(facet.attribute) || "").split(" ").filter(Boolean);
      }),
    };
  });
  var cardsById = {};
  cards.forEach(function (card) { cardsById[card.id] = card; });

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

  /* How many cards the filters ``chosen`` (one list per facet) give together with ``scores``. */
  function countWith(chosen, scores) {
    var count = 0;
    cards.forEach(function (card) {
      if (scores && !(card.id in scores)) {
        return;
      }
      if (facets.every(function (facet, index) { return matchesFacet(card, index, chosen[index]); })) {
        count += 1;
      }
    });
    return count;
  }

  // --- text search: the split index, loaded as queries need it --------------------------------

  var search = (function () {
    var folder = form.getAttribute("data-kb-index").replace(/[^/]*$/, "");
    var manifest = null;
    var starting = null;
    var shards = {};
    var forms = {}; // per shard: word as written -> its term
    var loadingShards = {};
    var buckets = {};
    var vocabulary = null;
    var decoded = {};

    function json(url) {
      return window.fetch(url).then(function (response) {
        if (!response.ok) {
          throw new Error(url + ": " + response.status);
        }
        return response.json();
      });
    }

    function loadScript(src) {
      return new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = resolve;
        script.onerror = function () { reject(new Error("kan " + src + " niet laden")); };
        document.head.appendChild(script);
      });
    }

    /* lunr's Dutch pipeline (the same that made the index) and the manifest. */
    function start() {
      if (!starting) {
        var vendor = form.getAttribute("data-kb-vendor");
        starting = loadScript(vendor + "lunr.min.js")
          .then(function () { return loadScript(vendor + "lunr.stemmer.support.min.js"); })
          .then(function () { return loadScript(vendor + "lunr.nl.min.js"); })
          .then(function () { return json(form.getAttribute("data-kb-index")); })
          .then(function (data) {
            manifest = data;
            manifest.shardSet = {};
            data.shards.forEach(function (key) { manifest.shardSet[key] = true; });
          });
      }
      return starting;
    }

    /* The file a term lives in (shard_key in exports/search_index.py). */
    function shardKey(term) {
      var plain = term.normalize("NFD").replace(/[\u0300-\u036f]/g, "").slice(0, 2);
      while (plain.length < 2) {
        plain += "_";
      }
      return plain.replace(/[^a-z0-9]/g, "_");
    }

    /* The query's words: as typed (trimmed, lower case) and as the index holds them (stemmed). */
    function words(text) {
      var lunr = window.lunr;
      var result = [];
      text.toLowerCase().split(/[\s\-]+/).forEach(function (word) {
        var token = lunr.nl.trimmer(new lunr.Token(word, {}));
        if (!token || !token.toString() || !lunr.nl.stopWordFilter(token)) {
          return;
        }
        var raw = token.toString();
        result.push({ raw: raw, stem: lunr.nl.stemmer(new lunr.Token(raw, {})).toString() });
      });
      return result;
    }

    function keysFor(queryWords) {
      var keys = {};
      queryWords.forEach(function (word) {
        [word.stem, word.raw].forEach(function (form) {
          var key = shardKey(form);
          if (manifest.shardSet[key]) {
            keys[key] = true;
          }
        });
      });
      return Object.keys(keys);
    }

    /* Resolves when every shard the query needs is here. */
    function prepare(text) {
      return start().then(function () {
        var missing = keysFor(words(text)).filter(function (key) { return !shards[key]; });
        return Promise.all(missing.map(function (key) {
          if (!loadingShards[key]) {
            loadingShards[key] = json(folder + "t-" + key + ".json").then(function (data) { shards[key] = data.terms; forms[key] = data.forms || {}; });
          }
          return loadingShards[key];
        }));
      });
    }

    function ready(text) {
      if (!manifest) {
        return false;
      }
      return keysFor(words(text)).every(function (key) { return shards[key]; });
    }

    /* A term's postings per field, decoded once: [[position, count, line], ...] per field. */
    function postings(key, term) {
      var id = key + " " + term;
      if (!decoded[id]) {
        decoded[id] = shards[key][term].map(function (row, fieldIndex) {
          var stride = manifest.fields[fieldIndex].excerpt ? 3 : 2;
          var entries = [];
          var position = 0;
          for (var i = 0; i < row.length; i += stride) {
            position += row[i];
            entries.push([position, row[i + 1], stride === 3 ? row[i + 2] : 0]);
          }
          return entries;
        });
        var cardsWithTerm = {};
        decoded[id].forEach(function (entries) { entries.forEach(function (entry) { cardsWithTerm[entry[0]] = true; }); });
        decoded[id].cardCount = Object.keys(cardsWithTerm).length;
      }
      return decoded[id];
    }

    function seenTerm(found, term) {
      return found.some(function (candidate) { return candidate[1] === term; });
    }

    /* Index terms a query word matches, with how much each counts: the word's own stem fully,
       longer terms that start with what was typed (a word being typed) a little. */
    function candidates(word) {
      var found = [];
      var seen = {};
      [word.stem, word.raw].forEach(function (form) {
        var key = shardKey(form);
        var terms = shards[key];
        if (!terms || seen[key]) {
          return;
        }
        seen[key] = true;
        Object.keys(terms).forEach(function (term) {
          if (term === word.stem) {
            found.push([key, term, 1]);
          } else if (word.raw.length >= 2 && (term.indexOf(word.stem) === 0 || term.indexOf(word.raw) === 0)) {
            found.push([key, term, 0.3]);
          }
        });
        // A word being typed: the written words it begins, by the terms they stand for.
        if (word.raw.length >= 3) {
          var written = forms[key] || {};
          Object.keys(written).forEach(function (form) {
            var term = written[form];
            var home = shardKey(term);
            if (form.indexOf(word.raw) === 0 && shards[home] && shards[home][term] && !seenTerm(found, term)) {
              found.push([home, term, 0.3]);
            }
          });
        }
      });
      return found;
    }

    /* Matches by card id: {score, hits: [[field, line, term], ...], terms: {term: true}}; a card
       must match every word. null when the text has no searchable words. */
    function query(text) {
      var queryWords = words(text);
      if (!queryWords.length) {
        return null;
      }
      var total = manifest.ids.length;
      var result = null;
      queryWords.forEach(function (word) {
        var found = {};
        candidates(word).forEach(function (candidate) {
          var rows = postings(candidate[0], candidate[1]);
          var idf = Math.log(1 + (total - rows.cardCount + 0.5) / (rows.cardCount + 0.5));
          rows.forEach(function (entries, fieldIndex) {
            var weight = manifest.fields[fieldIndex].weight * candidate[2] * idf;
            entries.forEach(function (entry) {
              var id = manifest.ids[entry[0]];
              var match = found[id] || (found[id] = { score: 0, hits: [], terms: {}, position: entry[0] });
              match.score += weight * entry[1] / (entry[1] + 1.2);
              match.hits.push([fieldIndex, entry[2], candidate[1]]);
              match.terms[candidate[1]] = true;
            });
          });
        });
        if (result === null) {
          result = found;
        } else {
          var both = {};
          Object.keys(result).forEach(function (id) {
            if (found[id]) {
              var a = result[id];
              var b = found[id];
              Object.keys(b.terms).forEach(function (term) { a.terms[term] = true; });
              both[id] = { score: a.score + b.score, hits: a.hits.concat(b.hits), terms: a.terms, position: a.position };
            }
          });
          result = both;
        }
      });
      return result;
    }

    /* The readable line behind a hit (a body sentence or an "about" line). */
    function line(match, fieldIndex, lineIndex) {
      var bucket = Math.floor(match.position / manifest.bucket);
      var texts = buckets[bucket];
      if (!texts) {
        return null;
      }
      var excerptIndex = manifest.fields.filter(function (field, index) { return field.excerpt && index < fieldIndex; }).length;
      return texts[match.position % manifest.bucket][excerptIndex][lineIndex] || null;
    }

    function loadTexts(matchList) {
      var wanted = {};
      matchList.forEach(function (match) { wanted[Math.floor(match.position / manifest.bucket)] = true; });
      return Promise.all(Object.keys(wanted).filter(function (bucket) { return !buckets[bucket]; }).map(function (bucket) {
        return json(folder + "x-" + bucket + ".json").then(function (data) { buckets[bucket] = data.texts; });
      }));
    }

    function loadVocabulary() {
      if (!vocabulary) {
        vocabulary = json(folder + "woorden.json").then(function (data) { return data.words; });
      }
      return vocabulary;
    }

    /* The index term a word of a text stands for (for <mark> in titles and excerpts); cached,
       since the same words come back on every keystroke. */
    var termCache = new Map();
    function termOf(word) {
      var lower = word.toLowerCase();
      if (termCache.has(lower)) {
        return termCache.get(lower);
      }
      var lunr = window.lunr;
      var token = lunr.nl.trimmer(new lunr.Token(lower, {}));
      var trimmed = token ? token.toString() : "";
      var result = trimmed ? { trimmed: trimmed, term: lunr.nl.stemmer(new lunr.Token(trimmed, {})).toString() } : null;
      termCache.set(lower, result);
      return result;
    }

    return {
      start: start, prepare: prepare, ready: ready, query: query, words: words, line: line,
      loadTexts: loadTexts, loadVocabulary: loadVocabulary, termOf: termOf,
      fields: function () { return manifest ? manifest.fields : []; },
      hasTerm: function (word) { return candidates(word).length > 0; },
    };
  })();

  // --- marking why a card matched --------------------------------------------------------------

  var originals = new Map(); // element -> its text before marking
  var markedCards = new Set(); // cards that carry marks or an excerpt now
  var MARKED = 20; // cards marked at once: more than a screen shows

  /* ``element``'s text with the words that stand for ``terms`` in <mark>; built as nodes, never as markup. */
  function mark(element, text, terms) {
    var fragment = document.createDocumentFragment();
    var pattern = /[^\s\-]+/g;
    var last = 0;
    var found = false;
    var match;
    while ((match = pattern.exec(text))) {
      var word = search.termOf(match[0]);
      if (word && terms[word.term]) {
        var offset = match[0].toLowerCase().indexOf(word.trimmed);
        var start = match.index + Math.max(0, offset);
        var end = start + word.trimmed.length;
        fragment.appendChild(document.createTextNode(text.slice(last, start)));
        var highlighted = document.createElement("mark");
        highlighted.textContent = text.slice(start, end);
        fragment.appendChild(highlighted);
        last = end;
        found = true;
      }
    }
    fragment.appendChild(document.createTextNode(text.slice(last)));
    element.textContent = "";
    element.appendChild(fragment);
    return found;
  }

  function unmark(card) {
    markedCards.delete(card);
    [card.element.querySelector(".kb-card__title a"), card.element.querySelector(".kb-card__summary")].forEach(function (element) {
      if (element && originals.has(element)) {
        element.textContent = originals.get(element);
        originals.delete(element);
      }
    });
    var excerpt = card.element.querySelector("[data-kb-excerpt]");
    if (excerpt) {
      excerpt.parentNode.removeChild(excerpt);
    }
  }

  /* A long sentence shortened around its first match, so the excerpt stays one or two lines. */
  function shorten(text, terms) {
    var words = text.split(/\s+/);
    if (words.length <= 28) {
      return text;
    }
    var at = 0;
    for (var i = 0; i < words.length; i++) {
      var word = search.termOf(words[i]);
      if (word && terms[word.term]) {
        at = i;
        break;
      }
    }
    var from = Math.max(0, at - 10);
    var to = Math.min(words.length, from + 24);
    return (from > 0 ? "… " : "") + words.slice(from, to).join(" ") + (to < words.length ? " …" : "");
  }

  /* What an excerpt's line is, by the index field it comes from. */
  var EXCERPT_LABELS = { body: "Uit de tekst: ", about: "Bij de kaart: ", synonyms: "Gevonden via: " };

  function explain(shownCards, scores) {
    markedCards.forEach(function (card) {
      if (!scores || !(card.id in scores) || shownCards.indexOf(card) === -1) {
        unmark(card);
      }
    });
    if (!scores) {
      return;
    }
    var needTexts = [];
    shownCards.forEach(function (card) {
      markedCards.add(card);
      var match = scores[card.id];
      var title = card.element.querySelector(".kb-card__title a");
      var summary = card.element.querySelector(".kb-card__summary");
      var marked = false;
      [title, summary].forEach(function (element) {
        if (!element) {
          return;
        }
        if (!originals.has(element)) {
          originals.set(element, element.textContent);
        }
        marked = mark(element, originals.get(element), match.terms) || marked;
      });
      var excerpt = card.element.querySelector("[data-kb-excerpt]");
      if (marked) {
        if (excerpt) {
          excerpt.parentNode.removeChild(excerpt);
        }
      } else if (needTexts.length < EXCERPTS) {
        needTexts.push(card);
      }
    });
    if (!needTexts.length) {
      return;
    }
    search.loadTexts(needTexts.map(function (card) { return scores[card.id]; })).then(function () {
      var fields = search.fields();
      needTexts.forEach(function (card) {
        var match = scores[card.id];
        if (lastScores !== scores) {
          return; // a newer query has taken over
        }
        // The body sentence first (it says most), else the contact, link or region line.
        var hit = null;
        match.hits.forEach(function (candidate) {
          if (fields[candidate[0]].excerpt && (!hit || (fields[candidate[0]].name === "body" && fields[hit[0]].name !== "body"))) {
            hit = candidate;
          }
        });
        var text = hit && search.line(match, hit[0], hit[1]);
        if (!text) {
          return;
        }
        var excerpt = card.element.querySelector("[data-kb-excerpt]");
        if (!excerpt) {
          excerpt = document.createElement("p");
          excerpt.className = "kb-card__excerpt";
          excerpt.setAttribute("data-kb-excerpt", "");
          var summary = card.element.querySelector(".kb-card__summary");
          card.element.insertBefore(excerpt, summary ? summary.nextSibling : null);
        }
        var label = document.createElement("span");
        label.className = "kb-card__excerpt-label";
        var fieldName = fields[hit[0]].name;
        label.textContent = EXCERPT_LABELS[fieldName] || EXCERPT_LABELS.about;
        var body = document.createElement("span");
        if (fieldName === "synonyms") {
          // The card holds this word of the query's synonym group (data/synonyms.yaml): marked whole.
          body.appendChild(document.createElement("mark")).textContent = text;
        } else {
          mark(body, shorten(text, match.terms), match.terms);
        }
        excerpt.textContent = "";
        excerpt.appendChild(label);
        excerpt.appendChild(body);
      });
      form.dispatchEvent(new CustomEvent("kennisbank:excerpts", { bubbles: true }));
    }, function (error) { window.console.warn(error); });
  }

  // --- applying the state ---------------------------------------------------------------------

  var lastScores = null;
  var urlTimer = 0;
  var sortChosen = ""; // "" = the default for the current query

  function countLabel(count, filtered) {
    return filtered ? count + " van " + cards.length + " " + plural : count + " " + (count === 1 ? singular : plural);
  }

  function sortOrder(text) {
    var allowed = sortSelect ? Array.prototype.map.call(sortSelect.options, function (option) { return option.value; }) : ["relevantie", "titel", "gecontroleerd", "nieuw"];
    var wanted = sortChosen && allowed.indexOf(sortChosen) !== -1 ? sortChosen : "";
    if (wanted === "relevantie" && !text) {
      wanted = "";
    }
    return wanted || (text ? "relevantie" : "titel");
  }

  /* ``typing``: the change came from the search box, so the address follows a moment after the
     last keystroke (Chromium throttles history.replaceState; one call per keystroke costs more
     than the whole search). Clicks, chips and sorting write it at once. */
  function render(typing) {
    var chosen = facets.map(selected);
    var text = queryInput.value.trim();
    var waiting = Boolean(text) && !search.ready(text);
    var scores = text && !waiting ? search.query(text) : null;
    lastScores = scores;

    var tallies = facets.map(function (facet) { return facet.boxes.map(function () { return 0; }); });
    var visible = [];
    cards.forEach(function (card) {
      var textOk = waiting ? true : scores === null || card.id in scores;
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
    var sort = sortOrder(text);
    if (urlTimer) {
      window.clearTimeout(urlTimer);
      urlTimer = 0;
    }
    if (typing === true) {
      urlTimer = window.setTimeout(function () { urlTimer = 0; writeUrl(chosen, text, sort); }, 300);
    } else {
      writeUrl(chosen, text, sort);
    }
    writePrintLinks(stateQuery(chosen, text, sort)); // at once: a click may follow a keystroke
    if (waiting) {
      countElement.textContent = "Zoeken…";
      return; // the list stays as it is until the index answers
    }

    var ordered = visible.slice();
    if (sort === "relevantie" && scores) {
      ordered.sort(function (a, b) { return scores[b.id].score - scores[a.id].score || a.position - b.position; });
    } else if (sort === "gecontroleerd") {
      ordered.sort(function (a, b) { return (b.reviewed > a.reviewed) - (b.reviewed < a.reviewed) || a.position - b.position; });
    } else if (sort === "nieuw") {
      // Newest first (the date a card came into the kennisbank), then in title order.
      ordered.sort(function (a, b) { return (b.created > a.created) - (b.created < a.created) || a.position - b.position; });
    }
    var shown = {};
    ordered.forEach(function (card) { shown[card.id] = true; });
    cards.forEach(function (card) {
      var hide = !shown[card.id];
      if (card.element.hidden !== hide) {
        card.element.hidden = hide;
      }
    });
    arrange(ordered);

    facets.forEach(function (facet, index) {
      facet.counts.forEach(function (element, boxIndex) {
        var label = "(" + tallies[index][boxIndex] + ")";
        if (element && element.textContent !== label) {
          element.textContent = label;
        }
      });
    });
    var active = chosen.reduce(function (sum, values) { return sum + values.length; }, 0);
    var filtered = Boolean(text) || active > 0;
    countElement.textContent = countLabel(visible.length, filtered);
    if (doneCount) {
      doneCount.textContent = String(visible.length);
      doneButton.lastChild.textContent = " " + (visible.length === 1 ? singular : plural);
    }
    if (activeCount) {
      activeCount.textContent = active ? "(" + active + " actief)" : "";
    }
    if (relevanceOption) {
      relevanceOption.hidden = relevanceOption.disabled = !text;
      sortSelect.value = sort;
    }
    renderChips(chosen, text);
    renderEmpty(chosen, text, scores, visible.length);
    explain(ordered.slice(0, MARKED), scores);
    // For embeds (resize) and benchmarks (time to updated list).
    form.dispatchEvent(new CustomEvent("kennisbank:rendered", { bubbles: true, detail: { visible: visible.length, searching: false } }));
  }

  /* Shown cards first, in the chosen order, then the rest in their own order. DOM order, not
     CSS order, so that reading and tab order follow what is shown. */
  var domOrder = cards.slice(); // the list's children as they stand
  function arrange(ordered) {
    // Only the shown cards' order matters (hidden ones are not rendered, read or focused).
    var rank = new Map();
    ordered.forEach(function (card, index) { rank.set(card, index); });
    var inDom = domOrder.filter(function (card) { return rank.has(card); });
    if (inDom.every(function (card, index) { return card === ordered[index]; })) {
      return;
    }
    var fragment = document.createDocumentFragment();
    ordered.forEach(function (card) { fragment.appendChild(card.element); });
    list.insertBefore(fragment, list.firstChild);
    domOrder = ordered.concat(domOrder.filter(function (card) { return !rank.has(card); }));
  }

  // --- chips: the active filters, each removable -------------------------------------------------

  function chip(label, description, remove) {
    var item = document.createElement("li");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "kb-chip";
    button.setAttribute("aria-label", description);
    var text = document.createElement("span");
    text.textContent = label;
    var cross = document.createElement("span");
    cross.className = "kb-chip__cross";
    cross.setAttribute("aria-hidden", "true");
    cross.textContent = "×";
    button.appendChild(text);
    button.appendChild(cross);
    button.addEventListener("click", function () {
      var next = item.nextElementSibling || item.previousElementSibling;
      var nextIndex = next ? Array.prototype.indexOf.call(chipList.children, next) : -1;
      remove();
      render();
      var target = nextIndex >= 0 ? chipList.children[Math.min(nextIndex, chipList.children.length - 1)] : null;
      (target ? target.querySelector("button") : queryInput).focus();
    });
    item.appendChild(button);
    return item;
  }

  function renderChips(chosen, text) {
    if (!chipsElement) {
      return;
    }
    var items = [];
    if (text) {
      items.push(chip("“" + text + "”", "Zoekterm " + text + " weghalen", function () { queryInput.value = ""; }));
    }
    facets.forEach(function (facet) {
      facet.boxes.forEach(function (box) {
        if (box.checked) {
          var label = box.getAttribute("data-kb-label");
          items.push(chip(label, "Filter " + facet.label + ": " + label + " weghalen", function () { box.checked = false; }));
        }
      });
    });
    chipList.textContent = "";
    items.forEach(function (item) { chipList.appendChild(item); });
    chipsElement.hidden = items.length === 0;
  }

  // --- no results: say so, and offer what would give results -------------------------------------

  function suggestionButton(text, action, wrapper) {
    var item = document.createElement(wrapper || "li");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "kb-suggestion";
    button.textContent = text;
    button.addEventListener("click", function () {
      action();
      render();
      queryInput.focus();
    });
    item.appendChild(button);
    return item;
  }

  function renderEmpty(chosen, text, scores, visibleCount) {
    if (!emptyElement) {
      return;
    }
    emptyElement.hidden = visibleCount > 0;
    if (visibleCount > 0 || !suggestionsElement) {
      return;
    }
    emptyMessage.textContent = text
      ? "Geen " + plural + " gevonden met “" + text + "”" + (chosen.some(function (values) { return values.length; }) ? " en deze filters." : ".")
      : "Geen " + plural + " met deze combinatie van filters.";
    suggestionsElement.textContent = "";
    var offers = document.createElement("ul");
    offers.className = "kb-suggestions";
    // Filters that would give results: each active filter left out in turn.
    facets.forEach(function (facet, facetIndex) {
      facet.boxes.forEach(function (box) {
        if (!box.checked) {
          return;
        }
        var without = chosen.map(function (values, index) {
          return index === facetIndex ? values.filter(function (value) { return value !== box.value; }) : values;
        });
        var count = countWith(without, scores);
        if (count) {
          offers.appendChild(suggestionButton(
            // "Zonder “Randvoorwaarden”: 3 praktijken": the value the reader chose, in quotes
            // (a facet's label lower-cased in front of it read as "zonder regio Groningen").
            "Zonder “" + box.getAttribute("data-kb-label") + "”: " + count + " " + (count === 1 ? singular : plural),
            function () { box.checked = false; }
          ));
        }
      });
    });
    if (text && scores && Object.keys(scores).length === 0) {
      var spelling = document.createElement("p");
      spelling.hidden = true;
      suggestionsElement.appendChild(spelling);
      suggestSpelling(text, spelling);
    }
    if (offers.children.length) {
      var intro = document.createElement("p");
      intro.textContent = "Met een filter minder vind je wel iets:";
      suggestionsElement.appendChild(intro);
      suggestionsElement.appendChild(offers);
    }
    if (text) {
      var site = document.createElement("p");
      var link = document.createElement("a");
      var address = new URL(form.getAttribute("data-kb-site-search"), document.baseURI);
      address.searchParams.set("q", text);
      link.href = address.href;
      link.textContent = "Zoek “" + text + "” in de hele kennisbank";
      site.appendChild(link);
      suggestionsElement.appendChild(site);
    }
  }

  /* "Bedoelde je …": for each query word the index does not know, the nearest word it does. */
  function suggestSpelling(text, paragraph) {
    var queryWords = search.words(text);
    var unknown = queryWords.filter(function (word) { return !search.hasTerm(word); });
    if (!unknown.length) {
      return;
    }
    search.loadVocabulary().then(function (vocabulary) {
      if (queryInput.value.trim() !== text) {
        return;
      }
      var corrected = text;
      var changed = false;
      unknown.forEach(function (word) {
        var best = nearest(word.raw, vocabulary);
        if (best) {
          corrected = corrected.replace(new RegExp(escapeRegExp(word.raw), "i"), best);
          changed = true;
        }
      });
      if (!changed) {
        return;
      }
      var button = suggestionButton("Bedoelde je “" + corrected + "”?", function () { queryInput.value = corrected; startSearch(); }, "span").firstChild;
      button.setAttribute("data-kb-did-you-mean", corrected);
      paragraph.appendChild(button);
      paragraph.hidden = false;
    }, function (error) { window.console.warn(error); });
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  /* The vocabulary word closest to ``word`` (at most one edit for short words, two for longer),
     the most common one when several are as close. */
  function nearest(word, vocabulary) {
    var limit = word.length <= 4 ? 1 : 2;
    var best = null;
    var bestDistance = limit + 1;
    var bestCount = 0;
    vocabulary.forEach(function (entry) {
      var candidate = entry[0];
      if (Math.abs(candidate.length - word.length) > limit || candidate === word) {
        return;
      }
      var distance = editDistance(word, candidate, limit);
      if (distance < bestDistance || (distance === bestDistance && entry[1] > bestCount)) {
        best = candidate;
        bestDistance = distance;
        bestCount = entry[1];
      }
    });
    return bestDistance <= limit ? best : null;
  }

  /* Damerau–Levenshtein distance (adjacent swaps count as one edit), stopping above ``limit``. */
  function editDistance(a, b, limit) {
    var previous2 = null;
    var previous = [];
    for (var j = 0; j <= b.length; j++) {
      previous.push(j);
    }
    for (var i = 1; i <= a.length; i++) {
      var current = [i];
      var rowMinimum = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (previous2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          value = Math.min(value, previous2[j - 2] + 1);
        }
        current.push(value);
        rowMinimum = Math.min(rowMinimum, value);
      }
      if (rowMinimum > limit) {
        return limit + 1;
      }
      previous2 = previous;
      previous = current;
    }
    return previous[b.length];
  }

  // --- URL state -------------------------------------------------------------------------------

  function stateQuery(chosen, text, sort) {
    var params = new URLSearchParams(window.location.search);
    facets.forEach(function (facet) { params.delete(facet.param); });
    params.delete("q");
    params.delete("sorteer");
    facets.forEach(function (facet, index) {
      chosen[index].forEach(function (value) { params.append(facet.param, value); });
    });
    if (text) {
      params.set("q", text);
    }
    if (sort !== (text ? "relevantie" : "titel")) {
      params.set("sorteer", sort);
    }
    return params.toString();
  }

  function writePrintLinks(query) {
    printLinks.forEach(function (link, index) {
      link.setAttribute("href", printBases[index] + (query ? "?" + query : ""));
    });
  }

  function writeUrl(chosen, text, sort) {
    var query = stateQuery(chosen, text, sort);
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.replaceState(window.history.state, "", url);
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
    sortChosen = params.get("sorteer") || "";
  }

  // --- the filter panel on a phone ---------------------------------------------------------------

  function setPanel(open, returnFocus) {
    if (!toggle || !panel) {
      return;
    }
    toggle.setAttribute("aria-expanded", String(open));
    panel.toggleAttribute("data-open", open);
    if (open) {
      panel.querySelector("#kb-filters-kop").focus();
    } else if (returnFocus) {
      toggle.focus();
    }
  }

  // --- events ----------------------------------------------------------------------------------

  var pending = false;
  function schedule() {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        render(true);
      });
    }
  }

  function startSearch() {
    var text = queryInput.value.trim();
    if (!text || search.ready(text)) {
      schedule();
      return;
    }
    search.prepare(text).then(function () {
      if (queryInput.value.trim() === text) {
        render(true);
      }
    }, function (error) {
      countElement.textContent = "Zoeken is nu niet beschikbaar; de filters werken wel.";
      window.console.warn(error);
    });
    schedule();
  }

  form.addEventListener("change", function (event) {
    if (event.target.type === "checkbox") {
      render();
    } else if (event.target === sortSelect) {
      sortChosen = sortSelect.value;
      render();
    }
  });
  queryInput.addEventListener("input", startSearch);
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
  if (toggle) {
    toggle.addEventListener("click", function () {
      setPanel(toggle.getAttribute("aria-expanded") !== "true", true);
    });
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        event.preventDefault();
        setPanel(false, true);
      }
    });
  }
  if (doneButton) {
    doneButton.addEventListener("click", function () {
      setPanel(false, false);
      document.getElementById("resultaten").focus();
    });
  }

  if (form.getAttribute("data-kb-controls") !== "none") {
    Array.prototype.forEach.call(form.querySelectorAll("[data-kb-js-only]"), function (element) {
      element.hidden = false; // embeds filter by their address only, without visible controls
    });
    form.classList.add("kb-listing--ready"); // on a phone the filters now wait behind their button
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
