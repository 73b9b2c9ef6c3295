// The search page: reads the query and filters from the URL (?q=&tag=&year=&sort=), keeps the URL
// in step as the reader types or chooses (so a search can be shared, reloaded and left with the back
// button), and draws the results. Everything taken from the index is put in as text, never as HTML.
import { search, excerpt, characterTest, queryTerms, wordCharacters } from "./query.js";
import { createConverter } from "./convert.js";

const PAGE_SIZE = 10;
const TYPING_PAUSE = 250;

const root = document.getElementById("search");
if (root) start(root);

function start(root) {
  const words = JSON.parse(root.dataset.strings);
  const script = root.dataset.script;
  const dataUrl = root.dataset.searchData;
  const form = root.querySelector("form");
  const input = form.elements.namedItem("q");
  const fields = ["tag", "year", "sort"].map((name) => form.elements.namedItem(name));
  const status = root.querySelector(".search-status");
  const section = root.querySelector(".search-results");
  const list = root.querySelector(".search-list");
  const suggestions = root.querySelector(".search-suggestions");
  const switchLink = document.querySelector(".script-switch");
  const switchBase = switchLink?.getAttribute("href");

  let engine = null;
  let sequence = 0;
  let typing = 0;

  // A result's title and text are in its Pagefind fragment (about 5 KB), fetched when the result
  // comes near the screen: a search loads the results a reader sees, not all ten of a page.
  // "Near": within half a screen below it, for the first draw and for the watcher alike.
  const NEAR = 0.5;
  const pending = new Map();
  const nearScreen = (item) => item.getBoundingClientRect().top < innerHeight * (1 + NEAR);
  const watcher = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) if (entry.isIntersecting) pending.get(entry.target)?.();
    },
    { rootMargin: `0px 0px ${NEAR * 100}% 0px` },
  );
  // Moving through the results with the keyboard skips nothing: they are all drawn at once.
  section.addEventListener("focusin", () => {
    for (const load of pending.values()) load();
  });
  // Results of an earlier search that were never fetched never will be.
  const clearPending = () => {
    for (const item of pending.keys()) watcher.unobserve(item);
    pending.clear();
  };

  const fetchJson = async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  };

  /**
   * What the search asks of a set of bundles (newest first; `parts`, their numbers): Pagefind, the
   * date order, and the loading of every chunk a one-character query's prefix needs. A
   * one-character query is the prefix of that character's words; where they fill several index
   * chunks, each bundle lists a word of each (spans.json), loaded before the search.
   */
  const spans = new Map();
  const phase = (pagefind, bundles, parts) => ({
    pagefind,
    byDate: byDate(pagefind, parts),
    prepare: async (word) => {
      const group = word.slice(0, 6);
      const lists = await Promise.all(
        bundles.map((bundle) => {
          if (!spans.has(bundle)) spans.set(bundle, fetchJson(`${bundle}spans.json`));
          return spans.get(bundle);
        }),
      );
      const probes = [...new Set(lists.flatMap((list) => list[group] ?? []))];
      await Promise.all(probes.map((probe) => pagefind.preload(probe)));
    },
  });

  // Pagefind, the index list and the conversion code load with the first search, not with the page.
  const loadEngine = () =>
    (engine ??= (async () => {
      const data = await fetchJson(`${dataUrl}${script.toLowerCase()}.json`);
      const converters = {
        "zh-Hans": createConverter(dataUrl, "zh-Hans", fetchJson),
        "zh-Hant": createConverter(dataUrl, "zh-Hant", fetchJson),
      };
      if (data.bundles.length === 0) return null;
      const pagefind = await import(`${data.bundles[0]}pagefind.js`);
      // The index holds each page's link as the site writes it, base path included. Searching a
      // few chunks takes the WebAssembly milliseconds: Pagefind's web worker, another copy of its
      // code (12 KB compressed), would cost every first search more than it saves.
      await pagefind.options({ baseUrl: "/", noWorker: true });
      const parts = data.shards.length;
      const numbers = Array.from({ length: parts }, (_, i) => parts - i);
      // The newest bundle is searched first and its results shown. The older ones are then merged
      // into the same Pagefind (sharing its WebAssembly), which searches them all from then on: the
      // newest bundle's files come from the browser's cache.
      let all = parts > 1 ? null : phase(pagefind, data.bundles, []);
      let merging = null;
      const loadAll = () =>
        (merging ??= (async () => {
          for (const bundle of data.bundles.slice(1)) await pagefind.mergeIndex(bundle, { baseUrl: "/", noWorker: true });
          all = phase(pagefind, data.bundles, numbers);
          return all;
        })());
      return {
        newest: phase(pagefind, data.bundles.slice(0, 1), parts > 1 ? [parts] : []),
        /** All the bundles, once merged (at once for an archive of one); null until then. */
        all: () => all,
        loadAll,
        script,
        converters,
        // "zq" words are of the zh-Hans text, "zr" words of the zh-Hant text.
        indexHas: wordTest(characterTest(data.simplifiedCharacters ?? data.characters), characterTest(data.characters)),
      };
    })().catch((error) => {
      // A failed load (the network, say) is tried again by the next search.
      engine = null;
      throw error;
    }));

  const stateOf = (params) => ({
    q: params.get("q") ?? "",
    tag: params.get("tag") ?? "",
    year: params.get("year") ?? "",
    sort: params.get("sort") ?? "",
  });
  const urlOf = (state) => {
    const params = new URLSearchParams();
    for (const key of ["q", "tag", "year", "sort"]) if (state[key]) params.set(key, state[key]);
    const query = params.toString();
    return location.pathname + (query ? `?${query}` : "");
  };
  const formState = () => stateOf(new FormData(form));
  const fill = (state) => {
    input.value = state.q;
    for (const field of fields) {
      const value = state[field.name];
      field.value = [...field.options].some((option) => option.value === value) ? value : "";
    }
  };
  // The switch to the other script keeps the search.
  const updateSwitch = () => {
    if (switchLink && switchBase) switchLink.setAttribute("href", switchBase + location.search);
  };

  const commit = (push) => {
    const url = urlOf(formState());
    if (url !== location.pathname + location.search) history[push ? "pushState" : "replaceState"](null, "", url);
    updateSwitch();
    run(formState());
  };

  input.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => commit(false), TYPING_PAUSE);
  });
  input.addEventListener("focus", () => loadEngine().catch(() => {}), { once: true });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typing);
    commit(true);
  });
  for (const field of fields) field.addEventListener("change", () => commit(true));
  window.addEventListener("popstate", () => {
    const state = stateOf(new URLSearchParams(location.search));
    fill(state);
    updateSwitch();
    run(state);
  });

  const initial = stateOf(new URLSearchParams(location.search));
  fill(initial);
  updateSwitch();
  run(initial);

  async function run(state) {
    const id = ++sequence;
    const filters = {};
    // The URL names a tag by its key, the same in both scripts; the index by its name in this one.
    const tag = [...fields[0].options].find((option) => option.value === state.tag && option.value);
    if (tag) filters.tag = tag.dataset.filter;
    if (state.year) filters.year = state.year;
    const filtered = Object.keys(filters).length > 0;
    const query = state.q.trim();
    // Without a query the filters list their articles, newest first.
    const order = state.sort === "oldest" ? "oldest" : state.sort === "newest" || !query ? "newest" : undefined;
    if (!query && !filtered) {
      root.setAttribute("aria-busy", "false");
      status.textContent = "";
      section.hidden = true;
      suggestions.hidden = true;
      clearPending();
      list.replaceChildren();
      return;
    }
    root.setAttribute("aria-busy", "true");
    status.textContent = words.searching;
    const counted = (n) => fillIn(filtered ? words.countFiltered : words.count, { n });
    let ready;
    let results;
    let olderToCome = false;
    const searchAll = async () => (await search({ ...ready, ...(await ready.loadAll()) }, query, { filters, order })).results;
    try {
      ready = await loadEngine();
      if (!ready) results = [];
      else if (ready.all()) results = (await search({ ...ready, ...ready.all() }, query, { filters, order })).results;
      else {
        results = (await search({ ...ready, ...ready.newest }, query, { filters, order })).results;
        // Oldest first, the older bundles' results come first; with nothing found yet, there is nothing to show.
        if (order === "oldest" || results.length === 0) results = await searchAll();
        else olderToCome = true;
      }
    } catch (error) {
      if (id !== sequence) return;
      status.textContent = words.unavailable;
      section.hidden = true;
      root.setAttribute("aria-busy", "false");
      throw error;
    }
    if (id !== sequence) return;
    if (results.length === 0) {
      status.textContent = query ? fillIn(filtered ? words.noneFiltered : words.none, { q: query }) : words.noneInFilters;
      section.hidden = true;
      clearPending();
      list.replaceChildren();
      showSuggestions(state, filtered);
      root.setAttribute("aria-busy", "false");
      return;
    }
    suggestions.hidden = true;
    section.hidden = false;
    await showMore(id, results, 0);
    if (id !== sequence) return;
    if (olderToCome) {
      status.textContent = fillIn(words.searchingOlder, { n: results.length });
      let more;
      try {
        // Every bundle's results, less those shown already.
        const shownIds = new Set(results.map((hit) => hit.id));
        more = (await searchAll()).filter((hit) => !shownIds.has(hit.id));
      } catch (error) {
        if (id !== sequence) return;
        status.textContent = counted(results.length);
        root.setAttribute("aria-busy", "false");
        throw error;
      }
      if (id !== sequence) return;
      // Appended after what is shown, which stays where it is.
      const shown = list.children.length;
      results.push(...more);
      if (shown < PAGE_SIZE) await showMore(id, results, shown, true);
      else if (!section.querySelector(".search-more")) addMoreButton(id, results, shown);
      if (id !== sequence) return;
    }
    status.textContent = counted(results.length);
    root.setAttribute("aria-busy", "false");
  }

  /** Draws results[from…] up to a page's end (`filling`: the rest of the page already begun). */
  async function showMore(id, results, from, filling = false) {
    if (from === 0) clearPending();
    const end = filling ? Math.ceil(Math.max(from, 1) / PAGE_SIZE) * PAGE_SIZE : from + PAGE_SIZE;
    const page = results.slice(from, end).map((hit) => pendingResult(hit));
    section.querySelector(".search-more")?.remove();
    if (from === 0) list.replaceChildren(...page.map((result) => result.item));
    else list.append(...page.map((result) => result.item));
    // The search is done when what is on the screen, or nearly, is drawn.
    await Promise.all(page.filter((result) => nearScreen(result.item)).map((result) => result.load()));
    if (id !== sequence) return;
    if (end < results.length) addMoreButton(id, results, end);
  }

  /** The button that draws the next page of results, from results[from]. */
  function addMoreButton(id, results, from) {
    const button = element("button", "search-more", words.more);
    button.type = "button";
    button.addEventListener("click", async () => {
      button.disabled = true;
      await showMore(id, results, from);
      // Keyboard readers continue from the first new result, unless they have gone elsewhere.
      const first = list.children[from];
      await pending.get(first)?.();
      if (id === sequence && (document.activeElement === document.body || document.activeElement === button)) {
        first?.querySelector("a")?.focus();
      }
    });
    section.append(button);
  }

  function pendingResult(hit) {
    const item = element("li", "search-result search-result-pending");
    item.setAttribute("aria-busy", "true");
    item.append(element("span", "visually-hidden", words.resultLoading));
    let loading = null;
    const load = () =>
      (loading ??= hit.result.data().then(
        (data) => {
          watcher.unobserve(item);
          pending.delete(item);
          item.classList.remove("search-result-pending");
          item.removeAttribute("aria-busy");
          item.replaceChildren(...resultContent(hit, data));
        },
        () => {
          // A failed fetch (the network) is tried again when the result next comes near the screen.
          loading = null;
          item.classList.remove("search-result-pending");
          item.removeAttribute("aria-busy");
          item.replaceChildren(element("span", "search-result-failed", words.resultFailed));
        },
      ));
    pending.set(item, load);
    watcher.observe(item);
    return { item, load };
  }

  /** What a result shows: title, date and source, tags, an excerpt with the matches marked. */
  function resultContent(hit, data) {
    const parts = [];
    const heading = element("h2", "search-result-title");
    const link = element("a", "", data.meta.title || data.url);
    link.href = highlighted(data.url, hit.terms);
    heading.append(link);
    parts.push(heading);

    const meta = element("p", "search-result-meta");
    if (data.meta.date) {
      const time = element("time", "", data.meta.date);
      if (data.meta.datetime) time.dateTime = data.meta.datetime;
      meta.append(time);
    }
    if (data.meta.source) meta.append(element("span", "search-result-source", `${words.source}：${data.meta.source}`));
    parts.push(meta);

    const tags = parseTags(data.meta.tags);
    if (tags.length > 0) {
      const tagList = element("ul", "tag-list");
      for (const [name, url] of tags) {
        // A tag the query matched is marked, as words are in the excerpt.
        const tag = element("a", "tag", hit.terms.some((term) => name.toLowerCase().includes(term.toLowerCase())) ? element("mark", "", name) : name);
        tag.href = url;
        tagList.append(element("li", "", tag));
      }
      parts.push(tagList);
    }

    const text = element("p", "search-result-excerpt");
    for (const piece of excerpt(data, hit.words)) {
      text.append(piece.marked ? element("mark", "", piece.text) : document.createTextNode(piece.text));
    }
    parts.push(text);
    return parts;
  }

  function showSuggestions(state, filtered) {
    const items = [];
    if (filtered) items.push(linkItem(words.clearFilters, urlOf({ q: state.q })));
    const terms = queryTerms(state.q);
    if (terms.length > 1) {
      const each = element("li", "", `${words.searchEach}：`);
      terms.forEach((term, i) => {
        if (i > 0) each.append("、");
        const link = element("a", "", term.text);
        link.href = urlOf({ ...state, q: term.text });
        each.append(link);
      });
      items.push(each);
    }
    items.push(linkItem(words.browseTags, words.tagsUrl), linkItem(words.browseDates, words.datesUrl));
    suggestions.replaceChildren(element("p", "", words.tryInstead), element("ul", "", ...items));
    suggestions.hidden = false;
  }
}

/**
 * Every page the filters allow, in date order. Pagefind keeps no sort key here: the build numbers a
 * bundle's pages oldest first, and a search without words lists them in that order. The n-th bundle
 * holds the n-th stretch of dates and its pages have the filter part=n, so the bundles are asked one
 * by one, in the order of their dates.
 * @param {number[]} parts  the parts this Pagefind holds, newest first; none: one bundle, no filter
 * @returns {(filters: object, order: "newest" | "oldest") => Promise<object[]>} Pagefind's results
 */
function byDate(pagefind, parts) {
  return async (filters, order) => {
    const asked = parts.length === 0 ? [null] : order === "oldest" ? [...parts].reverse() : parts;
    const found = await Promise.all(
      asked.map((part) => pagefind.search(null, { filters: part === null ? filters : { ...filters, part: String(part) } })),
    );
    return found.flatMap(({ results }) => (order === "oldest" ? results : [...results].reverse()));
  };
}

/** Does the index have the characters of this word? Words of other scripts are left to Pagefind. */
function wordTest(simplified, traditional) {
  return (word) => {
    const chars = wordCharacters(word);
    if (!chars) return true;
    return (chars.kind === "zq" ? simplified : traditional)(chars.text);
  };
}

/** The article's address with the matched words, which the article page marks (js/highlight.js). */
function highlighted(url, terms) {
  const address = new URL(url, location.href);
  for (const term of terms) address.searchParams.append("hl", term);
  return address.pathname + address.search;
}

/** Tags as the index holds them: [[name, link], …]; only links within the site are kept. */
function parseTags(json) {
  try {
    const tags = JSON.parse(json ?? "[]");
    return Array.isArray(tags)
      ? tags.filter((tag) => typeof tag?.[0] === "string" && typeof tag?.[1] === "string" && /^\/(?!\/)/.test(tag[1]))
      : [];
  } catch {
    return [];
  }
}

function fillIn(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ""));
}

function linkItem(text, url) {
  const link = element("a", "", text);
  link.href = url;
  return element("li", "", link);
}

function element(name, className, ...children) {
  const node = document.createElement(name);
  if (className) node.className = className;
  node.append(...children);
  return node;
}
