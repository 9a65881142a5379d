/* The review desk (/redactie/): filter the rows by region and core element, sort them by a
   column. Without this script the table is complete, in the order the build wrote it. */
(function () {
  "use strict";
  var table = document.querySelector("[data-kb-review]");
  var controls = document.querySelector("[data-kb-review-controls]");
  if (!table || !controls) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var count = controls.querySelector("[data-kb-review-count]");
  var filters = controls.querySelectorAll("[data-kb-review-filter]");

  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var visible = Array.prototype.every.call(filters, function (select) {
        var wanted = select.value;
        var key = select.getAttribute("data-kb-review-filter");
        return !wanted || (row.getAttribute("data-" + key) || "").split(" ").indexOf(wanted) !== -1;
      });
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    count.textContent = shown === 1 ? "1 kaart" : shown + " kaarten";
  }

  function sortBy(header) {
    var key = header.getAttribute("data-kb-sort-key");
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th[data-kb-sort-key]").forEach(function (other) { other.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var numeric = key === "punten";
    rows.sort(function (a, b) {
      var x = a.getAttribute("data-" + key), y = b.getAttribute("data-" + key);
      var order = numeric ? Number(x) - Number(y) : x.localeCompare(y, "nl");
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  filters.forEach(function (select) { select.addEventListener("change", apply); });
  table.querySelectorAll("th[data-kb-sort-key] button").forEach(function (button) {
    button.addEventListener("click", function () { sortBy(button.parentNode); });
  });
  controls.hidden = false;
  apply();
})();
