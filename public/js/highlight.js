// On an article opened from the search page (?hl=word&hl=word), marks the words searched for in the
// article's text. Only text nodes are changed, so nothing from the address becomes markup.
(function () {
  "use strict";
  var terms = new URLSearchParams(location.search).getAll("hl").map(function (term) {
    return term.normalize("NFKC").trim();
  }).filter(Boolean);
  var article = document.querySelector(".article");
  if (!terms.length || !article) return;

  terms.sort(function (a, b) { return b.length - a.length; });
  var pattern = new RegExp(terms.map(function (term) {
    return term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }).join("|"), "giu");

  var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
    acceptNode: function (node) {
      return node.parentElement && node.parentElement.closest("mark, script, style, nav, .conversion-note")
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT;
    },
  });
  var nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);

  nodes.forEach(function (node) {
    var text = node.nodeValue;
    pattern.lastIndex = 0;
    if (!pattern.test(text)) return;
    pattern.lastIndex = 0;
    var fragment = document.createDocumentFragment();
    var last = 0;
    text.replace(pattern, function (match, offset) {
      fragment.appendChild(document.createTextNode(text.slice(last, offset)));
      var mark = document.createElement("mark");
      mark.className = "search-hit";
      mark.textContent = match;
      fragment.appendChild(mark);
      last = offset + match.length;
      return match;
    });
    fragment.appendChild(document.createTextNode(text.slice(last)));
    node.parentNode.replaceChild(fragment, node);
  });
})();
