// mtkit audit report: link highlights to cards, filter by category and severity.
// Reads everything from data- attributes (no input text is ever evaluated).
(function () {
  "use strict";
  var RANK = { critical: 0, major: 1, minor: 2 };
  var cards = Array.prototype.slice.call(document.querySelectorAll(".card[data-flag]"));
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.hl[data-flags]"));
  var segments = Array.prototype.slice.call(document.querySelectorAll("section.seg"));
  var flags = {};  // flag id -> {card, category, severity, marks}
  cards.forEach(function (card) {
    flags[card.dataset.flag] = { card: card, category: card.dataset.category,
                                 severity: card.dataset.severity, marks: [] };
  });
  marks.forEach(function (mark) {
    idsOf(mark).forEach(function (id) { if (flags[id]) { flags[id].marks.push(mark); } });
  });
  var active = null;

  function idsOf(mark) { return mark.dataset.flags.split(" ").filter(Boolean); }

  function checkedValues(cls) {
    var out = {};
    document.querySelectorAll("input." + cls + ":checked").forEach(function (box) { out[box.value] = true; });
    return out;
  }

  function isShown(id) {
    var flag = flags[id];
    return !!flag && !flag.card.hidden;
  }

  function setSeverityClass(mark, severity) {
    mark.classList.remove("sev-critical", "sev-major", "sev-minor");
    if (severity) { mark.classList.add("sev-" + severity); }
  }

  function applyFilters() {
    var cats = checkedValues("f-cat"), sevs = checkedValues("f-sev");
    var onlyFlagged = document.getElementById("only-flagged").checked;
    var shown = 0;
    cards.forEach(function (card) {
      card.hidden = !(cats[card.dataset.category] && sevs[card.dataset.severity]);
      if (!card.hidden) { shown += 1; }
    });
    marks.forEach(function (mark) {
      var visible = idsOf(mark).filter(isShown);
      mark.classList.toggle("off", visible.length === 0);
      mark.tabIndex = visible.length ? 0 : -1;
      // Color by the worst flag still shown.
      visible.sort(function (a, b) { return RANK[flags[a].severity] - RANK[flags[b].severity]; });
      setSeverityClass(mark, visible.length ? flags[visible[0]].severity : "");
    });
    segments.forEach(function (seg) {
      seg.hidden = onlyFlagged && !seg.querySelector(".card:not([hidden])");
    });
    if (active && !isShown(active)) { clear(); }
    var label = document.getElementById("showing");
    if (label) { label.textContent = "showing " + shown + " of " + cards.length + " flags"; }
  }

  function clear() {
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
    active = null;
  }

  function activate(id, scrollCard) {
    var flag = flags[id];
    if (!flag) { return; }
    clear();
    active = id;
    flag.card.classList.add("active");
    flag.marks.forEach(function (mark) { mark.classList.add("active"); });
    // Bring both columns' spans into view, then the card.
    flag.marks.forEach(function (mark) { mark.scrollIntoView({ block: "nearest", inline: "nearest" }); });
    if (scrollCard || !flag.marks.length) { flag.card.scrollIntoView({ block: "nearest" }); }
  }

  function onMark(mark) {
    if (mark.classList.contains("off")) { return; }
    // A piece covered by several flags: each click moves to the next one.
    var ids = idsOf(mark).filter(isShown);
    if (!ids.length) { return; }
    var next = ids.indexOf(active) >= 0 ? ids[(ids.indexOf(active) + 1) % ids.length] : ids[0];
    activate(next, true);
  }

  document.addEventListener("click", function (event) {
    var mark = event.target.closest("mark.hl");
    if (mark) { onMark(mark); return; }
    var card = event.target.closest(".card[data-flag]");
    if (card) { activate(card.dataset.flag, false); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { clear(); return; }
    if (event.key !== "Enter" && event.key !== " ") { return; }
    var el = document.activeElement;
    if (el && el.matches("mark.hl")) { event.preventDefault(); onMark(el); }
    else if (el && el.matches(".card[data-flag]")) { event.preventDefault(); activate(el.dataset.flag, false); }
  });
  document.querySelectorAll(".filters input").forEach(function (box) {
    box.addEventListener("change", applyFilters);
  });
  applyFilters();

  // ---- review: accept or reject flags, note why, export the decisions as a waivers file ----
  // The export is the waivers file mtkit writes itself: one decision per line, keys sorted,
  // lines sorted by fingerprint; decisions already in the file the audit read are kept.
  var decisions = {};   // fingerprint -> record
  var store = document.getElementById("waivers");
  if (store) {
    JSON.parse(store.dataset.decisions || "[]").forEach(function (d) { decisions[d.fingerprint] = d; });
  }

  function today() { return new Date().toISOString().slice(0, 10); }

  function record(card, decision, note) {
    // keys in sorted order, as Python's json.dumps(sort_keys=True) writes them
    return { check: card.dataset.check, decision: decision, fingerprint: card.dataset.fingerprint,
             note: note, spans: { ar: card.dataset.tgt, en: card.dataset.src },
             when: today(), who: document.getElementById("reviewer").value.trim() };
  }

  function showCard(card) {
    var d = decisions[card.dataset.fingerprint];
    card.classList.toggle("decided-accept", !!d && d.decision === "accept");
    card.classList.toggle("decided-reject", !!d && d.decision === "reject");
    card.querySelectorAll("button.decide").forEach(function (b) {
      b.setAttribute("aria-pressed", d && d.decision === b.dataset.decision ? "true" : "false");
    });
    var state = card.querySelector(".state");
    state.textContent = !d ? "" : (d.decision === "accept" ? "accepted (waived)" : "rejected") +
      (d.who ? " by " + d.who : "") + (d.when ? ", " + d.when : "");
  }

  function showCount() {
    var count = Object.keys(decisions).length;
    document.getElementById("decided").textContent = count + " decision" + (count === 1 ? "" : "s");
  }

  function decide(card, decision) {
    var key = card.dataset.fingerprint, note = card.querySelector(".note").value.trim();
    if (decisions[key] && decisions[key].decision === decision) { delete decisions[key]; }  // a second click undoes
    else { decisions[key] = record(card, decision, note); }
    showCard(card);
    showCount();
  }

  function exportText() {
    return Object.keys(decisions).sort().map(function (key) {
      var d = decisions[key];
      return JSON.stringify({ check: d.check, decision: d.decision, fingerprint: d.fingerprint,
                              note: d.note || "", spans: { ar: (d.spans || {}).ar || "", en: (d.spans || {}).en || "" },
                              when: d.when || "", who: d.who || "" }) + "\n";
    }).join("");
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.decide");
    if (button) { decide(button.closest(".card"), button.dataset.decision); return; }
    if (event.target.id === "export") {
      var text = exportText(), area = document.getElementById("export-text");
      area.value = text;
      area.hidden = false;
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([text], { type: "application/x-ndjson" }));
      link.download = "mtkit-waivers.jsonl";
      document.body.appendChild(link);
      link.click();
      link.remove();
    }
  }, true);
  document.addEventListener("change", function (event) {
    if (!event.target.matches(".card .note")) { return; }
    var card = event.target.closest(".card"), d = decisions[card.dataset.fingerprint];
    if (d) { decisions[card.dataset.fingerprint] = record(card, d.decision, event.target.value.trim()); showCard(card); }
  });
  cards.forEach(showCard);
  showCount();
}());
