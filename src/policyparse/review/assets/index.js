/* policyparse batch index: sort by any column, show failures only. */
(function () {
  "use strict";
  var table = document.getElementById("documents");
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);

  function key(row, index) {
    var cell = row.cells[index];
    if (!cell || cell.colSpan > 1) return null;
    var text = cell.textContent.trim();
    if (text === "") return null;
    var number = Number(text);
    return isNaN(number) ? text : number;
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
    var button = th.querySelector("button");
    if (!button) return;
    button.addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      rows.sort(function (a, b) {
        var x = key(a, index), y = key(b, index);
        if (x === null || y === null) {
          if (x !== y) return x === null ? 1 : -1;
        } else if (x !== y) {
          var order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "zh-Hans-CN");
          if (order !== 0) return ascending ? order : -order;
        }
        return key(a, 0) - key(b, 0);
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });

  var failedOnly = document.getElementById("failed-only");
  if (failedOnly) {
    failedOnly.addEventListener("change", function () {
      rows.forEach(function (r) { r.hidden = failedOnly.checked && r.dataset.status !== "failed"; });
    });
  }
})();
