// Converts a query into one script exactly as the build converts an article: with opencc-js's own
// converter and the site's Traditional standard and word pairs (written by src/search/conversion.ts).
// Dictionaries come in buckets by the first character of each entry; only the buckets of the
// characters being converted are fetched, so a query costs a few KB instead of 1 MB.

const HAN = /\p{Script=Han}/u;

/**
 * @param {string} dataUrl  the site's search data folder, ending in "/"
 * @param {"zh-Hans"|"zh-Hant"} script  the script to convert into
 * @param {(url: string) => Promise<any>} fetchJson
 */
export function createConverter(dataUrl, script, fetchJson) {
  const dir = `${dataUrl}convert/${script.toLowerCase()}/`;
  /** @type {Map<number, Promise<Record<string, string>>>} */
  const buckets = new Map();
  /** @type {Promise<[any, any]> | null} */
  let ready = null;

  const load = () => (ready ??= Promise.all([import(`${dataUrl}opencc-core.js`), fetchJson(`${dir}manifest.json`)]));
  const bucket = (/** @type {number} */ n) => {
    if (!buckets.has(n)) buckets.set(n, fetchJson(`${dir}${n}.json`));
    return /** @type {Promise<Record<string, string>>} */ (buckets.get(n));
  };

  /** @param {string} text */
  async function convert(text) {
    if (!HAN.test(text)) return text;
    const [core, manifest] = await load();
    const needed = (/** @type {string} */ chars) =>
      [...new Set([...chars].map((c) => /** @type {number} */ (c.codePointAt(0)) % manifest.buckets))];
    // A stage of the conversion may turn a character into one whose entries are in another
    // bucket: convert, fetch the buckets of what came out, and again until nothing is missing.
    let out = null;
    for (;;) {
      const wanted = needed(out === null ? text : text + out);
      const missing = wanted.filter((n) => !buckets.has(n));
      if (out !== null && missing.length === 0) return out;
      for (const n of missing) bucket(n);
      out = (await converterFor(core, manifest))(text);
    }
  }

  // Building opencc-js's tries costs more than converting a query: keep them until buckets are added.
  let built = { count: -1, convert: (/** @type {string} */ text) => text };
  async function converterFor(core, manifest) {
    const loaded = await Promise.all([...buckets].map(async ([n, entries]) => [n, await entries]));
    if (loaded.length !== built.count) {
      built = { count: loaded.length, convert: withOverrides(converterOf(core, manifest, Object.fromEntries(loaded)), manifest.overrides) };
    }
    return built.convert;
  }
  /**
   * Into Traditional: the Simplified characters that stand for several Traditional ones (后: 後 后),
   * and `marked`, those and the Traditional ones, whose pairs the index also holds in Traditional.
   */
  async function ambiguous() {
    const [, manifest] = await load();
    const simplified = new Set(Object.keys(manifest.alternatives));
    return { simplified, marked: new Set([...simplified, ...Object.values(manifest.alternatives).flatMap((chars) => [...chars])]) };
  }
  return { convert, ambiguous };
}

/** opencc-js's ConverterBuilder over the dictionary entries fetched so far. */
function converterOf(core, manifest, loaded) {
  const dict = (/** @type {number} */ i) =>
    Object.values(loaded)
      .map((entries) => entries[i])
      .filter(Boolean)
      .join("|");
  // An empty dictionary string is not a dictionary to opencc-js: leave it out of its group.
  const group = (/** @type {number[]} */ ids) => ids.map(dict).filter((d) => d !== "");
  const { normalizationChain, segmentation, conversionChain } = manifest.config;
  const config = { conversionChain: conversionChain.map(group) };
  if (normalizationChain) config.normalizationChain = normalizationChain.map(group);
  if (segmentation !== undefined) config.segmentation = Array.isArray(segmentation) ? group(segmentation) : dict(segmentation) || [];
  const preset = { from: { [manifest.from]: [] }, to: { [manifest.to]: [] }, configs: { [manifest.name]: config } };
  return core.ConverterBuilder(preset)({ from: manifest.from, to: manifest.to });
}

/** The site's word pairs win over OpenCC's, as in src/convert/text.ts. */
function withOverrides(convert, overrides) {
  if (overrides.length === 0) return convert;
  const fixed = new Map(overrides);
  const pattern = new RegExp(
    [...fixed.keys()]
      .sort((a, b) => b.length - a.length)
      .map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("|"),
    "gu",
  );
  return (/** @type {string} */ text) => {
    let out = "";
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      out += convert(text.slice(last, match.index)) + fixed.get(match[0]);
      last = /** @type {number} */ (match.index) + match[0].length;
    }
    return out + convert(text.slice(last));
  };
}
