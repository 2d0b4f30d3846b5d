/* policyparse review page: details on click, a sortable and filterable table.
   Document text only ever reaches the page as text (textContent), never as markup. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("pp-data").textContent);
  var byId = {};
  data.commitments.forEach(function (c) { byId[c.id] = c; });
  var details = document.getElementById("details");
  var table = document.getElementById("commitments");
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var selected = null;

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function num(v) {
    if (v === null || v === undefined) return null;
    return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
  }

  function amount(c) {
    var unit = c.unit || "";
    var sign = { ">=": "≥ ", "<=": "≤ ", "=": "= " }[c.comparator] || "";
    if (c.value === null) return c.placeholder ? sign + "xx" + unit : "—";
    if (c.comparator === "between" && c.value_max !== null) return num(c.value) + "–" + num(c.value_max) + unit;
    return sign + num(c.value) + unit;
  }

  function deadline(c) {
    if (c.deadline === null) return "—";
    return c.deadline_month ? c.deadline + "-" + String(c.deadline_month).padStart(2, "0") : String(c.deadline);
  }

  function jump(anchorId) {
    var anchor = document.getElementById(anchorId);
    if (!anchor) return;
    anchor.scrollIntoView({ block: "center" });
    var target = anchor.nextElementSibling;
    if (target) {
      target.classList.remove("flash");
      void target.offsetWidth;
      target.classList.add("flash");
    }
  }

  function spanId(prefix, span) { return prefix + "-" + span[0] + "-" + span[1]; }

  function showDetails(c) {
    details.textContent = "";
    details.appendChild(el("h2", "Details"));
    var head = el("p", null, "quote");
    head.appendChild(el("span", c.kind, "tag k-" + c.kind));
    head.appendChild(document.createTextNode(" " + c.quote));
    details.appendChild(head);
    var dl = el("dl");
    dl.id = "details-fields";
    function row(name, value, extra) {
      var dt = el("dt", name);
      var dd = el("dd", value === null || value === undefined || value === "" ? "—" : value);
      dd.dataset.field = name;
      if (extra) dd.appendChild(extra);
      dl.appendChild(dt);
      dl.appendChild(dd);
    }
    function link(label, anchorId) {
      var b = el("button", label);
      b.type = "button";
      b.addEventListener("click", function () { jump(anchorId); });
      var wrap = el("span", " ");
      wrap.appendChild(b);
      return wrap;
    }
    row("metric", c.metric);
    row("amount", amount(c));
    row("value", num(c.value));
    if (c.value_max !== null) row("value_max", num(c.value_max));
    row("unit", c.unit);
    row("comparator", c.comparator);
    row("deadline", deadline(c), c.deadline_span ? link("where", spanId("d", c.deadline_span)) : null);
    row("frequency", c.frequency);
    row("scope", c.scope);
    row("owner", c.owner, c.owner_span ? link("where", spanId("o", c.owner_span)) : null);
    if (c.owner) row("owner from", data.ownerSources[c.owner_source] || c.owner_source);
    if (c.owner_normalized) {
      var o = c.owner_normalized;
      row("owner body", [o.body, o.level, o.generic ? "generic" : null, o.bodies > 1 ? o.bodies + " bodies" : null]
        .filter(function (x) { return x; }).join(" · "));
    }
    var name = c.indicator ? data.indicatorNames[c.indicator] : null;
    row("indicator", c.indicator ? c.indicator + (name ? " · " + name : "") + " (" + num(c.indicator_score) + ")" : null);
    row("modality", c.modality);
    if (c.placeholder) row("placeholder", "yes: the value is a template placeholder");
    row("confidence", num(c.confidence));
    row("rule", c.rule);
    row("section", c.section);
    row("span", "[" + c.span[0] + ", " + c.span[1] + ")");
    details.appendChild(dl);
    var nav = el("div", null, "nav");
    var prev = el("button", "← previous");
    prev.type = "button";
    prev.addEventListener("click", function () { step(-1); });
    var next = el("button", "next →");
    next.type = "button";
    next.addEventListener("click", function () { step(1); });
    nav.appendChild(prev);
    nav.appendChild(next);
    details.appendChild(nav);
  }

  function select(id, options) {
    var c = byId[id];
    if (!c) return;
    selected = id;
    document.querySelectorAll(".hl.sel").forEach(function (n) { n.classList.remove("sel"); });
    document.querySelectorAll('.hl[data-ref~="' + id + '"]').forEach(function (n) { n.classList.add("sel"); });
    rows.forEach(function (r) { r.classList.toggle("sel", r.dataset.ref === id); });
    showDetails(c);
    var row = rows.filter(function (r) { return r.dataset.ref === id; })[0];
    if (row && !row.hidden && options.scrollRow) row.scrollIntoView({ block: "nearest" });
    if (options.scrollText) jump("c-" + id);
    if (window.history && window.history.replaceState) window.history.replaceState(null, "", "#c-" + id);
  }

  function step(delta) {
    var visible = rows.filter(function (r) { return !r.hidden; });
    if (!visible.length) return;
    var at = visible.findIndex(function (r) { return r.dataset.ref === selected; });
    var next = visible[(at + delta + visible.length) % visible.length];
    select(next.dataset.ref, { scrollText: true, scrollRow: true });
  }

  // a click on a highlight: the innermost commitment first, again for the next one
  document.getElementById("text").addEventListener("click", function (event) {
    var node = event.target.closest ? event.target.closest(".hl") : null;
    if (!node) return;
    var refs = node.dataset.ref.split(" ");
    var at = refs.indexOf(selected);
    var id = at >= 0 && refs.length > 1 ? refs[(at + 1) % refs.length] : refs[0];
    showTab("commitments");
    select(id, { scrollRow: true });
  });

  table.tBodies[0].addEventListener("click", function (event) {
    var row = event.target.closest("tr");
    if (row) select(row.dataset.ref, { scrollText: true });
  });
  table.tBodies[0].addEventListener("keydown", function (event) {
    var row = event.target.closest("tr");
    if (row && event.key === "Enter") select(row.dataset.ref, { scrollText: true });
  });

  // filters
  var kind = document.getElementById("f-kind");
  var indicator = document.getElementById("f-indicator");
  var owner = document.getElementById("f-owner");
  var hasDeadline = document.getElementById("f-deadline");
  var search = document.getElementById("f-text");
  var shown = document.getElementById("shown");

  function filter() {
    var needle = search.value.trim();
    var count = 0;
    rows.forEach(function (r) {
      var c = byId[r.dataset.ref];
      var ok = (!kind.value || r.dataset.kind === kind.value) &&
        (!indicator.value || r.dataset.indicator === indicator.value) &&
        (!owner.value || r.dataset.owner === owner.value) &&
        (!hasDeadline.checked || r.dataset.deadline === "1") &&
        (!needle || (c.quote + " " + (c.metric || "")).indexOf(needle) >= 0);
      r.hidden = !ok;
      if (ok) count += 1;
    });
    shown.textContent = count + " of " + rows.length + " shown";
  }
  [kind, indicator, owner, hasDeadline].forEach(function (input) { input.addEventListener("change", filter); });
  search.addEventListener("input", filter);

  // sorting: click a column head; again to reverse
  function sortKey(row, index, type) {
    var cell = row.cells[index];
    var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
    if (raw.trim() === "" || raw === "—") return null;
    return type === "num" ? Number(raw) : raw;
  }
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
    th.querySelector("button").addEventListener("click", function () {
      var type = th.dataset.type;
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var sorted = rows.slice().sort(function (a, b) {
        var x = sortKey(a, index, type), y = sortKey(b, index, type);
        // rows without a value go last whichever the direction; ties keep text order
        if (x === null || y === null) {
          if (x !== y) return x === null ? 1 : -1;
        } else {
          var order = type === "num" ? (x === y ? 0 : x < y ? -1 : 1) : String(x).localeCompare(String(y), "zh-Hans-CN");
          if (order !== 0) return ascending ? order : -order;
        }
        return sortKey(a, 0, "num") - sortKey(b, 0, "num");
      });
      sorted.forEach(function (r) { table.tBodies[0].appendChild(r); });
      rows = sorted;
    });
  });

  // tabs and the skipped numbers
  function showTab(name) {
    ["commitments", "skipped"].forEach(function (tab) {
      document.getElementById("tab-" + tab).setAttribute("aria-selected", String(tab === name));
      document.getElementById("panel-" + tab).hidden = tab !== name;
    });
  }
  document.getElementById("tab-commitments").addEventListener("click", function () { showTab("commitments"); });
  document.getElementById("tab-skipped").addEventListener("click", function () { showTab("skipped"); });
  var skipped = document.getElementById("skipped");
  var reason = document.getElementById("f-reason");
  skipped.tBodies[0].addEventListener("click", function (event) {
    var row = event.target.closest("tr");
    if (row) jump(row.dataset.anchor);
  });
  reason.addEventListener("change", function () {
    Array.prototype.forEach.call(skipped.tBodies[0].rows, function (r) {
      r.hidden = Boolean(reason.value) && r.dataset.reason !== reason.value;
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.target.closest && event.target.closest("input, select, textarea")) return;
    if (event.key === "j") step(1);
    if (event.key === "k") step(-1);
  });

  // a link to #c-<id> opens with that commitment selected
  var hash = window.location.hash.replace(/^#c-/, "");
  if (hash && byId[hash]) select(hash, { scrollText: true, scrollRow: true });
})();
