/*
 * Runs inside an embedded list (/embed/...): tells the page around the iframe how tall the
 * content is, so the host can size the iframe without a scrollbar (see embed.js).
 *
 * Message shape, posted to the parent window:  { "type": "kennisbank:hoogte", "height": <px> }
 * Only the height leaves the frame. This page never listens to messages it receives.
 */
(function () {
  "use strict";
  if (window.parent === window) {
    return;
  }
  var last = -1;
  function post() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: "kennisbank:hoogte", height: height }, "*");
    }
  }
  if (typeof ResizeObserver === "function") {
    new ResizeObserver(post).observe(document.documentElement);
  }
  document.addEventListener("kennisbank:rendered", post);
  window.addEventListener("load", post);
  post();
})();
