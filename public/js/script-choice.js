// Remembers the script a reader picks (any link with data-script), and on the root page sends the
// reader to that script, or else to the one their browser asks for. Without JavaScript the root
// page shows plain links.
(function () {
  "use strict";
  var KEY = "zh-archive:script";
  var script = document.currentScript;

  function stored() {
    try { return localStorage.getItem(KEY); } catch (error) { return null; }
  }
  function remember(value) {
    try { localStorage.setItem(KEY, value); } catch (error) { /* private mode: nothing to keep */ }
  }

  // zh-TW, zh-HK, zh-MO and zh-Hant read Traditional; any other Chinese reads Simplified.
  function fromBrowser() {
    var languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    for (var i = 0; i < languages.length; i++) {
      var tag = String(languages[i]).toLowerCase();
      if (/^zh-(hant|tw|hk|mo)\b/.test(tag)) return "zh-Hant";
      if (/^zh\b/.test(tag)) return "zh-Hans";
    }
    return "zh-Hans";
  }

  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest ? event.target.closest("a[data-script]") : null;
    if (link) remember(link.getAttribute("data-script"));
  });

  if (script && script.hasAttribute("data-redirect")) {
    var choice = stored();
    if (choice !== "zh-Hans" && choice !== "zh-Hant") choice = fromBrowser();
    location.replace(script.getAttribute("data-redirect") + choice.toLowerCase() + "/");
  }
})();
