// Highlight the quote named by the URL fragment on a source page.
// Each quote's start is an empty <span id="q-..."> and every piece of text it
// covers is a <mark> with the class "q-..."; quotes may overlap.
(function () {
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
  function ready() {
    nameSearch();
    searchOnInput();
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
