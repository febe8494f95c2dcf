// Search and sort for the article explorer (ainews.report.explorer_html).
// Runs only on pages holding a .ainews-explorer; reads text with textContent and never writes
// HTML, so article text stays inert. No network access.
(function () {
  "use strict";
  function norm(s) {
    return (s || "").normalize("NFC").toLowerCase().replace(/\s+/g, " ");
  }
  function setup(root) {
    var table = root.querySelector("table");
    var input = root.querySelector("input[type=search]");
    var count = root.querySelector(".ainews-count");
    if (!table || !input) return;
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    var keys = rows.map(function (r) { return norm(r.textContent); });
    var total = rows.length;
    var selects = Array.prototype.slice.call(root.querySelectorAll("select[data-filter]"));
    var dates = Array.prototype.slice.call(root.querySelectorAll("input[data-date]"));
    function filter() {
      // Substring match on the whole row, so a Korean query matches inside words (데이터 in 데이터센터).
      var terms = norm(input.value).trim().split(" ").filter(Boolean);
      var chosen = selects.filter(function (s) { return s.value; });
      var from = "", to = "";
      dates.forEach(function (d) { if (d.getAttribute("data-date") === "from") from = d.value; else to = d.value; });
      var shown = 0;
      rows.forEach(function (r, i) {
        var ok = terms.every(function (t) { return keys[i].indexOf(t) !== -1; });
        ok = ok && chosen.every(function (s) {
          var cell = r.getAttribute("data-f-" + s.getAttribute("data-filter")) || "";
          return cell.split(",").map(function (v) { return v.trim(); }).indexOf(s.value) !== -1;
        });
        var day = r.getAttribute("data-date") || "";
        if (from && (!day || day < from)) ok = false;
        if (to && (!day || day > to)) ok = false;
        r.hidden = !ok;
        if (ok) shown += 1;
      });
      count.textContent = shown.toLocaleString("en") + " of " + total.toLocaleString("en") + " articles";
    }
    // A link from a chapter opens the explorer filtered: ?theme=regional_hubs&outlet=…&q=…&from=…&to=…
    var params = new URLSearchParams(window.location.search);
    if (params.get("q")) input.value = params.get("q");
    selects.forEach(function (s) {
      var v = params.get(s.getAttribute("name"));
      if (v !== null) s.value = v;
      s.addEventListener("change", filter);
    });
    dates.forEach(function (d) {
      var v = params.get(d.getAttribute("name"));
      if (v) d.value = v;
      d.addEventListener("change", filter);
    });
    input.addEventListener("input", filter);
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    heads.forEach(function (th, col) {
      var btn = th.querySelector("button.ainews-sort");
      if (!btn) return;
      btn.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var numeric = th.getAttribute("data-type") === "number";
        var order = rows.map(function (r, i) {
          var cell = r.cells[col];
          var key = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
          return { i: i, k: numeric ? parseFloat(key) || 0 : norm(key) };
        });
        order.sort(function (a, b) {
          var c = numeric ? a.k - b.k : a.k.localeCompare(b.k, ["ko", "en", "ja"]);
          if (c === 0) c = a.i - b.i;
          return asc ? c : -c;
        });
        var newRows = order.map(function (o) { return rows[o.i]; });
        var newKeys = order.map(function (o) { return keys[o.i]; });
        newRows.forEach(function (r) { tbody.appendChild(r); });
        rows = newRows;
        keys = newKeys;
      });
    });
    filter();
    // #doc-<id> (a title link in a chapter) opens that article's text and scrolls to it.
    if (window.location.hash.indexOf("#doc-") === 0) {
      var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
      if (target && tbody.contains(target)) {
        target.hidden = false;
        var det = target.querySelector("details");
        if (det) det.open = true;
        target.scrollIntoView();
      }
    }
  }
  function init() {
    document.querySelectorAll(".ainews-explorer").forEach(setup);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
