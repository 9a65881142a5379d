
/*
 * Kennisbank: appended to Material's lunr.nl.min.js, which only its site-search worker loads.
 *
 * Material turns every search word into a prefix query ("praktijken*"), and lunr does not
 * stem wildcard terms, while the index holds stems ("praktijk"). So a Dutch plural never
 * found its singular. Here each prefix term is stemmed first: "praktijken*" becomes
 * "praktijk*", which finds praktijk, praktijken and praktijkvoorbeeld alike.
 */
(function () {
  "use strict";
  var lunr = typeof self !== "undefined" ? self.lunr : undefined;
  if (!lunr || !lunr.nl || !lunr.QueryParser || lunr.QueryParser.prototype.kennisbankStemming) {
    return;
  }
  var parse = lunr.QueryParser.prototype.parse;
  lunr.QueryParser.prototype.parse = function () {
    var query = parse.apply(this, arguments);
    this.query.clauses.forEach(function (clause) {
      var match = /^([^*]+)\*$/.exec(clause.term);
      if (match) {
        var stem = lunr.nl.stemmer(new lunr.Token(match[1], {})).toString();
        if (stem) {
          clause.term = stem + "*";
        }
      }
    });
    return query;
  };
  lunr.QueryParser.prototype.kennisbankStemming = true;
})();
