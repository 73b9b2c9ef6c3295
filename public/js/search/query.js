// The search itself: a query, in either script, against the index both scripts share.
//
// The index holds Chinese as overlapping pairs of characters, each written as an ASCII word
// (src/search/characters.ts, whose rule hanWords repeats): the zh-Hans text's pairs ("zq"), and
// where a Simplified character stands for several Traditional ones (后: 後 后), the zh-Hant text's
// pairs too ("zr"), which the zh-Hant page asks for instead (indexWords). A run of two or more Han
// characters is asked for as the exact phrase of its pairs, one character as the prefix every pair
// it starts has. Every page that contains the query is found, and no other. The query is looked up
// as typed and converted into both scripts (./convert.js): the page's own script finds the converted
// articles, the other finds names and quotations kept as written. Each form is looked up only when
// the index has all its characters.

const WORD_PREFIX = "zq";
const HANT_PREFIX = "zr";
const HAN_RUN_ONLY = /^\p{Script=Han}+$/u;
const HAN_RUN = /\p{Script=Han}+/gu;
// Letters and digits of other scripts, with the joiners of names such as GPT-4, Node.js, C++, C#.
const WORD = /(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}_])+(?:[-.'’](?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}_])+)*[+#]*/gu;
const MAX_TERMS = 12;

/**
 * The terms of a query: runs of Han characters and words of other scripts. Spaces, punctuation and
 * symbols only separate them; full-width letters and digits count as their ASCII forms.
 * @param {string} query
 * @returns {{ kind: "han" | "word", text: string }[]}
 */
export function queryTerms(query) {
  const text = query.normalize("NFKC");
  const terms = [];
  for (const match of text.matchAll(new RegExp(`${HAN_RUN.source}|${WORD.source}`, "gu"))) {
    const kind = /\p{Script=Han}/u.test(match[0]) ? "han" : "word";
    if (!terms.some((term) => term.text === match[0])) terms.push({ kind, text: match[0] });
  }
  return terms.slice(0, MAX_TERMS);
}

const code = (/** @type {string} */ char) => /** @type {number} */ (char.codePointAt(0)).toString(36).padStart(4, "0");

/** The index's words for a run of Han characters: "zq" and four base-36 digits per character. */
export function hanWords(run) {
  const chars = [...run];
  return chars.map((char, i) => WORD_PREFIX + code(char) + (i + 1 < chars.length ? code(chars[i + 1]) : ""));
}

/**
 * The words a page asks for, for a run of Han characters that its text would hold. The zh-Hans
 * page: the run's pairs. The zh-Hant page: a pair that has a character standing for several
 * Traditional ones (in the run's Simplified form) is asked for as the zh-Hant text's pair, so 頭髮
 * is not 頭發; the others as the zh-Hans text's. A lone Simplified character of that kind (后, 发)
 * stands for all it may mean.
 * @param {string} run  Han characters
 * @param {"zh-Hans" | "zh-Hant"} script  the page's
 * @param {string} simplified  the run converted into Simplified (the zh-Hant page only)
 * @param {{ simplified: Set<string>, marked: Set<string> }} ambiguous  Simplified characters that
 *   stand for several Traditional ones; those and the Traditional ones (src/search/bundle.ts marks
 *   the pairs that have one, in either form)
 */
export function indexWords(run, script, simplified, ambiguous) {
  const chars = [...run];
  if (script === "zh-Hans" || (chars.length === 1 && ambiguous.simplified.has(chars[0]))) return hanWords(run);
  let s = [...simplified];
  if (s.length !== chars.length) s = chars;
  const marked = (/** @type {number} */ i) => i < chars.length && (ambiguous.marked.has(s[i]) || ambiguous.marked.has(chars[i]));
  return chars.map((char, i) => {
    const last = i + 1 === chars.length;
    if (marked(i) || marked(i + 1)) return HANT_PREFIX + code(char) + (last ? "" : code(chars[i + 1]));
    return WORD_PREFIX + code(s[i]) + (last ? "" : code(s[i + 1]));
  });
}

/**
 * What is sent to Pagefind for a term. `match` decides which pages contain the term; `rank`, when
 * given, orders them (Pagefind scores an exact phrase as 1 on every page, so the pairs are also
 * asked for loosely, which weighs titles and frequency; all use the same index chunks). `pairs`,
 * for two characters or more: each pair, asked for alone to find every place the term is (an exact
 * phrase gives only the first).
 * @param {{ kind: "han" | "word", text: string }} term
 * @param {string[]} [words]  for Han characters, the index's words (indexWords; hanWords when not given)
 * @returns {{ match: string, rank?: string, pairs?: string[] }}
 */
export function pagefindQueries(term, words = hanWords(term.text)) {
  if (term.kind === "word") return { match: term.text };
  // One character: the prefix of every pair it starts, and of itself at the end of a run.
  if (words.length === 1) return { match: words[0] };
  // An exact phrase even of one pair: asked for a word it does not have, Pagefind answers with the
  // longest word it has that the query starts with (妄圖 would find the 妄 that ends a sentence).
  const pairs = words.slice(0, -1);
  return { match: `"${pairs.join(" ")}"`, rank: pairs.join(" "), pairs };
}

/** The characters of an index word ("zq" or "zr", then one or two codes), or null for another word. */
export function wordCharacters(word) {
  const match = /^(z[qr])([0-9a-z]{4})([0-9a-z]{4})?$/.exec(word);
  if (!match) return null;
  const chars = [match[2], match[3]].filter(Boolean).map((digits) => String.fromCodePoint(parseInt(digits, 36)));
  return { kind: match[1], text: chars.join("") };
}

/**
 * Does the index have every Han character of this text? A bitmap of U+4E00–U+9FFF and a list of
 * the others, as src/search/characters.ts writes them.
 */
export function characterTest(set) {
  const bits = Uint8Array.from(atob(set.block), (c) => c.charCodeAt(0));
  const has = (/** @type {string} */ char) => {
    const code = /** @type {number} */ (char.codePointAt(0));
    if (code < 0x4e00 || code > 0x9fff) return set.others.includes(char);
    const bit = code - 0x4e00;
    return ((bits[bit >> 3] >> (bit & 7)) & 1) === 1;
  };
  return (/** @type {string} */ text) => [...text].every((char) => !/\p{Script=Han}/u.test(char) || has(char));
}

/**
 * Runs a query on one script's index.
 * @param {object} engine  { pagefind, byDate(filters, order), script, indexHas(word), prepare(word),
 *   converters: { "zh-Hans", "zh-Hant": { convert, ambiguous } } }; byDate lists every page the
 *   filters allow in date order ("newest" or "oldest"); prepare loads every chunk of the words a
 *   one-character query's prefix stands for
 * @param {string} query
 * @param {{ filters?: object, order?: "newest" | "oldest" }} options  without an order, the best first
 * @returns {Promise<{ results: Hit[], terms: string[][] }>} hits in order; the terms of each form searched
 */
export async function search(engine, query, options = {}) {
  const { pagefind, script } = engine;
  const filters = options.filters ?? {};
  const pagefindOptions = { filters };
  const other = script === "zh-Hans" ? "zh-Hant" : "zh-Hans";
  const text = query.normalize("NFKC").trim();
  if (!text) {
    // Filters alone: every article they allow.
    const all = await engine.byDate(filters, options.order ?? "newest");
    return { results: all.map((result) => ({ id: result.id, score: 0, result, words: [], terms: [] })), terms: [] };
  }
  const mine = engine.converters[script];
  // The other script's form is for names and quotations kept as written; a lone character of it
  // would only match the characters both scripts share (后 of 皇后 for a query 後).
  const hanCount = [...text].filter((char) => /\p{Script=Han}/u.test(char)).length;
  const [converted, theirs, ambiguous] = await Promise.all([
    mine.convert(text),
    hanCount > 1 ? engine.converters[other].convert(text) : text,
    script === "zh-Hant" ? engine.converters["zh-Hant"].ambiguous() : { simplified: new Set(), marked: new Set() },
  ]);
  const forms = [...new Set([converted, text, theirs])];
  const wordsOf = async (/** @type {{ kind: string, text: string }} */ term) => {
    if (term.kind !== "han") return undefined;
    const simplified = script === "zh-Hant" ? await engine.converters["zh-Hans"].convert(term.text) : term.text;
    return indexWords(term.text, script, simplified, ambiguous);
  };
  const cache = new Map();
  const run = (/** @type {string} */ q) => {
    if (!cache.has(q)) cache.set(q, pagefind.search(q, pagefindOptions).then((found) => found.results));
    return cache.get(q);
  };

  /** @type {Map<string, Hit>} */
  const hits = new Map();
  const searched = [];
  for (const form of forms) {
    const terms = queryTerms(form);
    if (terms.length === 0) continue;
    const words = await Promise.all(terms.map(wordsOf));
    // A word whose characters the index does not have is on no page: the form is not sent.
    if (!words.every((list) => !list || list.every((word) => engine.indexHas(word)))) continue;
    await Promise.all(words.map((list) => list?.length === 1 && engine.prepare(list[0])));
    searched.push(terms.map((term) => term.text));
    const perTerm = await Promise.all(terms.map((term, i) => termHits(run, term, words[i])));
    // Every term must be on the page; a page's score is the sum of its terms' scores.
    for (const [id, first] of perTerm[0]) {
      if (!perTerm.every((map) => map.has(id))) continue;
      const score = perTerm.reduce((sum, map) => sum + map.get(id).score, 0);
      const words = perTerm.flatMap((map) => map.get(id).words);
      const known = hits.get(id);
      if (!known) hits.set(id, { id, score, result: first.result, words, terms: terms.map((term) => term.text) });
      else {
        known.score = Math.max(known.score, score);
        known.words = [...new Set([...known.words, ...words])];
        known.terms = [...new Set([...known.terms, ...terms.map((term) => term.text)])];
      }
    }
  }
  let results = [...hits.values()];
  if (options.order) {
    const order = new Map((await engine.byDate(filters, options.order)).map((result, i) => [result.id, i]));
    results.sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity));
  } else {
    results.sort((a, b) => b.score - a.score);
  }
  return { results, terms: searched };
}

/**
 * @typedef {{ id: string, score: number, result: any, words: number[], terms: string[] }} Hit
 */

/** The pages that contain one term, with a score and the positions of its characters or words on each. */
async function termHits(run, term, words) {
  const queries = pagefindQueries(term, words);
  const pairs = queries.pairs ?? [];
  const [matched, ranked, ...pairResults] = await Promise.all([
    run(queries.match),
    queries.rank ? run(queries.rank) : null,
    ...pairs.map((pair) => run(pair)),
  ]);
  const scoreOf = ranked ? new Map(ranked.map((result) => [result.id, result.score])) : null;
  const pairAt = pairResults.map((results) => new Map(results.map((result) => [result.id, new Set(result.words)])));
  const hits = new Map();
  for (const result of matched) {
    let words = result.words;
    if (pairs.length > 0) {
      // Every place where the pairs follow one another, and the characters they cover.
      const at = pairAt.map((positions) => positions.get(result.id) ?? new Set());
      const starts = [...at[0]].filter((start) => at.every((positions, k) => positions.has(start + k)));
      words = (starts.length > 0 ? starts : result.words.slice(0, 1)).flatMap((start) => pairs.map((_, k) => start + k).concat(start + pairs.length));
    }
    hits.set(result.id, { result, words, score: scoreOf ? scoreOf.get(result.id) ?? 0 : result.score });
  }
  return hits;
}

/**
 * An excerpt of a result's text around its matches: pieces of text, marked where they matched.
 * Pagefind's own excerpt would show the index's words for Chinese, and marks one search only.
 * @param {{ raw_content: string, meta: { title?: string }, anchors?: { id: string, location: number }[] }} data
 *   what a Pagefind result's data() gives
 * @param {number[]} words  positions of matched words
 * @param {number} length  words (Han characters) to show
 * @returns {{ text: string, marked: boolean }[]}
 */
export function excerpt(data, words, length = 80) {
  const pieces = indexedText(data.raw_content);
  // The text starts with the header (title, names, tags), which the result shows already: prefer
  // matches in the article's text, which starts at its anchor (layouts/article.ts).
  const textAnchor = (data.anchors ?? []).find((anchor) => anchor.id === "article-text");
  const titleEnd = textAnchor ? textAnchor.location : titleLength(pieces, data.meta.title ?? "");
  const positions = [...new Set(words)].sort((a, b) => a - b);
  // Without a match in the text (the title, a name or a tag matched), the text's beginning.
  const around = positions.filter((p) => p >= titleEnd);
  let start = titleEnd;
  if (around.length > 0) {
    // The window of `length` words with the most matches, starting a little before the first.
    const lead = Math.min(10, Math.floor(length / 4));
    let best = 0;
    for (let i = 0, j = 0; i < around.length; i++) {
      while (around[i] - around[j] >= length - lead) j++;
      if (i - j + 1 > best) {
        best = i - j + 1;
        start = around[j] - lead;
      }
    }
  }
  start = Math.max(titleEnd, Math.min(start, pieces.length - length));
  const marked = new Set(positions);
  const out = [];
  if (start > titleEnd) out.push({ text: "…", marked: false });
  for (let i = start; i < Math.min(pieces.length, start + length); i++) {
    const last = out[out.length - 1];
    const isMarked = marked.has(i);
    if (last && last.marked === isMarked && last.text !== "…") last.text += pieces[i];
    else out.push({ text: pieces[i], marked: isMarked });
  }
  if (start + length < pieces.length) out.push({ text: "…", marked: false });
  if (out.length > 0) out[0].text = out[0].text.trimStart();
  return out;
}

/**
 * Pagefind's stored text of a page, one piece per indexed word. The build writes the index's pair
 * words back as their characters, a run of them as one piece (src/search/compact.ts): such a run
 * is one word per character, and the spaces the index set around it are dropped.
 * @param {string} rawContent  Pagefind's raw_content: words joined by zero-width spaces, < and > escaped
 * @returns {string[]}
 */
export function indexedText(rawContent) {
  const content = rawContent.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
  const words = content.includes("\u200B") ? content.split("\u200B") : content.split(/(?<=\s)/);
  const pieces = words.flatMap((word) => (HAN_RUN_ONLY.test(word) ? [...word].map((char) => ({ text: char, han: true })) : [{ text: word, han: false }]));
  return pieces.map((piece, i) => {
    if (piece.han) return piece.text;
    let text = piece.text;
    if (i > 0 && pieces[i - 1].han) text = text.trimStart();
    if (pieces[i + 1]?.han) text = text.trimEnd();
    return text;
  });
}

function titleLength(pieces, title) {
  const target = title.replace(/\s/g, "").length;
  let seen = 0;
  for (let i = 0; i < pieces.length && target > 0; i++) {
    seen += pieces[i].replace(/\s/g, "").length;
    if (seen >= target) return i + 1;
  }
  return 0;
}
