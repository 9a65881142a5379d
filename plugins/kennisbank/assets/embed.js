/*
 * Kennisbank Toekomstscenario: for the page that embeds a list in an iframe.
 *
 * Gives every <iframe data-kennisbank-embed> the height its content asks for, so the list
 * shows without an inner scrollbar. Without this script the iframe still works, at the
 * height set in its attributes, with a scrollbar.
 *
 * It accepts only messages of the shape { "type": "kennisbank:hoogte", "height": <number> }
 * that come from the window inside one of those iframes, from that iframe's own origin.
 */
(function () {
  "use strict";
  if (window.kennisbankEmbed) {
    return;
  }
  window.kennisbankEmbed = true;
  var MAX_HEIGHT = 100000;

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "kennisbank:hoogte" || typeof data.height !== "number" || !isFinite(data.height)) {
      return;
    }
    var frames = document.querySelectorAll("iframe[data-kennisbank-embed]");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) {
        continue;
      }
      var origin;
      try {
        origin = new URL(frame.src, document.baseURI).origin;
      } catch (error) {
        return;
      }
      if (origin !== event.origin) {
        return;
      }
      var height = Math.max(0, Math.min(MAX_HEIGHT, Math.ceil(data.height)));
      frame.style.height = height + "px";
      frame.setAttribute("scrolling", "no");
      return;
    }
  });
})();
