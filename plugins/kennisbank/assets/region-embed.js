/*
 * The embed snippet on a region page: a core element choice that updates the code and the
 * preview, and a copy button. The code itself is rendered on the page (one place, with the
 * site's public address); a choice only adds the core element to its address. Without
 * JavaScript the textarea shows the code for all practices of the region.
 */
(function () {
  "use strict";
  var box = document.querySelector("[data-kb-snippet]");
  if (!box) {
    return;
  }
  var choice = box.querySelector("[data-kb-snippet-choice]");
  var code = box.querySelector("[data-kb-snippet-code]");
  var copy = box.querySelector("[data-kb-snippet-copy]");
  var status = box.querySelector("[data-kb-snippet-status]");
  var preview = box.querySelector("[data-kb-snippet-preview]");
  // The code is rendered once, on the page (kb.embed_code), with the site's public address.
  // Here its addresses follow this page's own address, so the code is right wherever this copy
  // of the site is served (a test server, a staging copy); a choice adds the core element.
  var original = code.value;
  var embedUrl = new URL(box.getAttribute("data-embed-path"), document.baseURI);
  var scriptUrl = new URL(box.getAttribute("data-script-path"), document.baseURI);

  function attribute(value) {
    return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function update() {
    var url = new URL(embedUrl.href);
    if (choice.value) {
      url.searchParams.set("kernelement", choice.value);
    }
    code.value = original
      .replace(/(<iframe[^>]*\ssrc=")[^"]*"/, function (match, start) { return start + attribute(url.href) + '"'; })
      .replace(/(<script[^>]*\ssrc=")[^"]*"/, function (match, start) { return start + attribute(scriptUrl.href) + '"'; });
    if (preview.src !== url.href) {
      preview.src = url.href;
    }
    status.textContent = "";
  }

  choice.addEventListener("change", update);
  copy.addEventListener("click", function () {
    var copied = navigator.clipboard ? navigator.clipboard.writeText(code.value) : Promise.reject(new Error("no clipboard"));
    copied.then(function () {
      status.textContent = "Gekopieerd.";
    }, function () {
      code.focus();
      code.select();
      status.textContent = "Kopiëren lukte niet automatisch: de code is geselecteerd, kopieer met Ctrl+C (Cmd+C op een Mac).";
    });
  });
  Array.prototype.forEach.call(box.querySelectorAll("[data-kb-snippet-controls]"), function (element) {
    element.hidden = false;
  });
  update();
})();
