// Highlight the quote named by the URL fragment on a source page.
// Each quote's start is an empty <span id="q-..."> and every piece of text it
// covers is a <mark> with the class "q-..."; quotes may overlap.
(function () {
  // The site's root: this script is <root>/javascripts/site.js (read now: currentScript is
  // only set while the script first runs).
  var siteRoot = document.currentScript ? new URL("../", document.currentScript.src) : null;
  function highlight() {
    document.querySelectorAll("mark.pk-current").forEach(function (el) {
      el.classList.remove("pk-current");
    });
    // The fragment is whatever a link says: only a quote anchor is ever used, and only
    // as a class name (never as markup); a malformed escape is no anchor, not an error.
    var id;
    try {
      id = decodeURIComponent(window.location.hash.slice(1));
    } catch (e) {
      return;
    }
    if (!/^q-[0-9a-f]+$/.test(id)) return;
    var marks = document.querySelectorAll("mark." + id);
    marks.forEach(function (el) { el.classList.add("pk-current"); });
    if (marks.length) marks[0].scrollIntoView({ block: "center" });
  }
  // Material's search box is a dialog without a name; screen readers need one.
  function nameSearch() {
    var search = document.querySelector(".md-search[role=dialog]");
    if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search");
  }
  // A series' time strip wider than a phone opens at its latest end, where the planned
  // "next meeting" mark is, rather than at the labels on the left.
  function showLatest() {
    document.querySelectorAll(".pk-latest").forEach(function (box) {
      box.scrollLeft = box.scrollWidth;
    });
  }
  // Material's search reads the box on keyup; text that arrives without a key (an input
  // method, dictation, a paste from the menu: often Cyrillic) is searched on input too.
  function searchOnInput() {
    var box = document.querySelector("input.md-search__input");
    if (!box || box.dataset.pkInput) return;
    box.dataset.pkInput = "1";
    box.addEventListener("input", function () {
      box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    });
  }
  // Lists: a filter box over every sortable table and filterable list, and column headers
  // that sort. Progressive enhancement: without this script the page shows the whole list in
  // its own order. Rows are only shown, hidden and moved; record text is read with
  // textContent and written nowhere, so nothing in it can become markup.
  var listCount = 0;
  function filterBox(box, items, noun) {
    listCount += 1;
    var label = document.createElement("label");
    label.className = "pk-filter";
    label.setAttribute("for", "pk-filter-" + listCount);
    label.textContent = "Filter the " + noun + ": ";
    var input = document.createElement("input");
    input.type = "search";
    input.id = "pk-filter-" + listCount;
    input.setAttribute("autocomplete", "off");
    var count = document.createElement("p");
    count.className = "pk-count";
    count.setAttribute("role", "status");
    count.setAttribute("aria-live", "polite");
    var form = document.createElement("div");
    form.className = "pk-filter-box";
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(count);
    box.parentNode.insertBefore(form, box);
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      items.forEach(function (item) {
        var text = item.textContent.toLowerCase();
        var keep = words.every(function (w) { return text.indexOf(w) >= 0; });
        item.hidden = !keep;
        if (keep) shown += 1;
      });
      count.textContent = words.length ? shown + " of " + items.length + " shown" : "";
    });
  }
  function sortable(box) {
    var table = box.querySelector("table");
    if (!table || !table.tBodies.length || !table.tHead) return;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (row, i) { row.dataset.pkIndex = String(i); });
    filterBox(box, rows, "rows");
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    heads.forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "pk-sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var up = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", up ? "ascending" : "descending");
        var key = th.dataset.pkOrder
          ? function (row) { return Number(row.dataset.pkIndex); }
          : function (row) { return (row.cells[column] || row).textContent.trim(); };
        var sorted = rows.slice().sort(function (a, b) {
          var x = key(a), y = key(b);
          var order = typeof x === "number"
            ? x - y
            : String(x).localeCompare(String(y), undefined, { numeric: true });
          return (up ? order : -order) || Number(a.dataset.pkIndex) - Number(b.dataset.pkIndex);
        });
        sorted.forEach(function (row) { body.appendChild(row); });
      });
    });
  }
  function enhanceLists() {
    document.querySelectorAll(".pk-sortable").forEach(function (box) {
      if (box.dataset.pkReady) return;
      box.dataset.pkReady = "1";
      sortable(box);
    });
    document.querySelectorAll(".pk-filterable").forEach(function (box) {
      if (box.dataset.pkReady) return;
      box.dataset.pkReady = "1";
      var items = Array.prototype.slice.call(box.querySelectorAll("li"));
      if (items.length) filterBox(box, items, "list");
    });
  }
  // Material gives each code block's copy button a <nav> of its own, all without a name;
  // landmarks of one kind need distinct names.
  function nameCodeNavs() {
    document.querySelectorAll(".md-code__nav").forEach(function (nav, i) {
      if (!nav.hasAttribute("aria-label")) nav.setAttribute("aria-label", "Code block " + (i + 1));
    });
  }
  // A box that does scroll sideways (a wide table on a narrow window) can be scrolled
  // from the keyboard.
  function focusableScrollers() {
    document.querySelectorAll(".md-typeset__scrollwrap, .pk-scroll").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1 && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
      }
    });
  }
  // Record search. Record pages are not in Material's full-text index (it is built in the
  // reader's browser and would grow with the dataset); the generator writes one small index
  // per record kind (pakru.site.search), fetched the first time the search box is used, and
  // every query is one pass over it. Results go in a list of their own above Material's,
  // made with createElement and textContent only: record text never becomes markup.
  var SEPARATOR = /[\s\-.,:;!?=\[\]()"\/]+/;  // as mkdocs.yml's search separator
  var RECORD_URL = /^[a-z]+\/[a-z0-9-]+\/$/;  // a kind's folder, a record id (ID_PATTERN)
  var SHOWN = 10;
  var recordsLoaded = null;
  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }
  function wordsOf(text) {
    return fold(text).split(SEPARATOR).filter(Boolean);
  }
  function loadRecords() {
    if (recordsLoaded) return recordsLoaded;
    var folder = new URL("search/records/", siteRoot);
    function json(name) {
      return fetch(new URL(name, folder)).then(function (r) {
        if (!r.ok) throw new Error("no record index");
        return r.json();
      });
    }
    recordsLoaded = json("index.json").then(function (manifest) {
      return Promise.all(manifest.shards.map(function (shard, kind) {
        return json(shard.file).then(function (rows) {
          return rows.filter(function (row) { return RECORD_URL.test(row[0]); })
            .map(function (row, at) {
              return {
                url: row[0], title: row[1], said: row[2], kind: kind, at: at,
                id: row[0].split("/")[1], whole: wordsOf(row[1]).join(" "),
                name: wordsOf(row[1] + " " + row[3]), other: wordsOf(row[2]),
              };
            });
        });
      }));
    }).then(function (lists) {
      return [].concat.apply([], lists);
    }).catch(function () {
      recordsLoaded = null;  // tried again on the next query
      return [];
    });
    return recordsLoaded;
  }
  // 3 a word of the name (or an alias, or the id), 2 the start of one, 1 the start of a
  // word of the summary; a record matches when every word of the query scores, and the
  // record whose whole name or id the query is comes first.
  function score(record, query) {
    var total = 0;
    for (var i = 0; i < query.length; i++) {
      var q = query[i], best = 0;
      for (var j = 0; j < record.name.length && best < 3; j++) {
        var w = record.name[j];
        if (w === q) best = 3;
        else if (best < 2 && w.lastIndexOf(q, 0) === 0) best = 2;
      }
      for (var k = 0; k < record.other.length && best < 1; k++) {
        if (record.other[k].lastIndexOf(q, 0) === 0) best = 1;
      }
      if (!best) return 0;
      total += best;
    }
    return total;
  }
  // Typing narrows: a query that extends the last one matches only records the last one
  // matched (a longer word is a longer prefix; another word is one more condition), so each
  // key searches the last matches, not the whole index.
  var lastQuery = null;
  function recordResults(records, text) {
    var query = wordsOf(text);
    if (!query.length) return [];
    var whole = query.join(" ");
    var id = fold(text).trim();
    var found = [];
    var narrowed = lastQuery && lastQuery.records === records &&
      text.lastIndexOf(lastQuery.text, 0) === 0;
    var candidates = narrowed ? lastQuery.matched : records;
    candidates.forEach(function (record) {
      var s = score(record, query);
      if (s && (record.whole === whole || record.id === id)) s += 100;
      if (s) found.push({ record: record, score: s });
    });
    lastQuery = {
      text: text, records: records, matched: found.map(function (hit) { return hit.record; }),
    };
    found.sort(function (a, b) {
      return b.score - a.score || a.record.kind - b.record.kind || a.record.at - b.record.at;
    });
    return found;
  }
  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }
  function showRecords(box, list, meta, text) {
    loadRecords().then(function (records) {
      if (box.value !== text) return;  // a later query is on its way
      var found = recordResults(records, text);
      list.textContent = "";
      meta.hidden = !found.length;
      meta.textContent = found.length === 1 ? "1 matching record"
        : found.length + " matching records" + (found.length > SHOWN ? ", the first " + SHOWN + " shown" : "");
      found.slice(0, SHOWN).forEach(function (hit) {
        var link = element("a", "md-search-result__link");
        link.href = new URL(hit.record.url, siteRoot).href;
        var article = element("article", "md-search-result__article md-typeset");
        article.appendChild(element("div", "md-search-result__icon md-icon"));
        article.appendChild(element("h1", "", hit.record.title));
        article.appendChild(element("p", "", hit.record.said));
        link.appendChild(article);
        var item = element("li", "md-search-result__item pk-record-result");
        item.appendChild(link);
        list.appendChild(item);
      });
    });
  }
  function recordSearch() {
    var box = document.querySelector("input.md-search__input");
    var result = document.querySelector(".md-search-result");
    if (!box || !result || !siteRoot || box.dataset.pkRecords) return;
    box.dataset.pkRecords = "1";
    var part = element("div", "pk-search-records");
    var meta = element("div", "md-search-result__meta");
    meta.hidden = true;
    var list = element("ol", "md-search-result__list");
    part.appendChild(meta);
    part.appendChild(list);
    result.insertBefore(part, result.firstElementChild.nextSibling);
    box.addEventListener("focus", loadRecords);
    box.addEventListener("input", function () { showRecords(box, list, meta, box.value); });
    if (box.form) {
      box.form.addEventListener("reset", function () {
        list.textContent = "";
        meta.hidden = true;
      });
    }
    if (box.value) showRecords(box, list, meta, box.value);
  }
  function ready() {
    nameCodeNavs();
    focusableScrollers();
    enhanceLists();
    nameSearch();
    searchOnInput();
    recordSearch();
    showLatest();
    highlight();
  }
  window.addEventListener("hashchange", highlight);
  if (typeof document$ !== "undefined") {
    document$.subscribe(ready);
  } else {
    document.addEventListener("DOMContentLoaded", ready);
  }
})();
