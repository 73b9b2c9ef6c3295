// The index the build writes itself, checked against Pagefind's own indexer: the same articles,
// their Han runs given to Pagefind as the index's pair words, must come out as the same words on
// the same pages at the same positions and weights, with the same text at every position.
import { after as afterAll, before as beforeAll, describe, it } from "node:test";
import { expect } from "expect";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { decode } from "cbor2";
import * as pagefind from "pagefind";
import { PROJECT_ROOT } from "../helpers.ts";
import { temporaryDir } from "../temporary.ts";
import { loadArchive } from "../../src/archive.ts";
import { buildSiteModel } from "../../src/site/model.ts";
import { basePath } from "../../src/settings.ts";
import { searchRecords, type SearchRecord } from "../../src/search/records.ts";
import { closePagefind, pagefindText, recordPage } from "../../src/search/pagefind-text.ts";
import { writeBundle } from "../../src/search/bundle.ts";
import { decodeHanWord, hanWords } from "../../src/search/characters.ts";
import { ambiguousCharacters, markedCharacters } from "../../src/search/conversion.ts";

const { indexedText } = (await import(pathToFileURL(path.join(PROJECT_ROOT, "public/js/search/query.js")).href)) as {
  indexedText(rawContent: string): string[];
};

type Postings = Map<string, string>;
const SIGNATURE_LENGTH = "pagefind_dcd".length;
const read = (file: string) => decode(gunzipSync(readFileSync(file)).subarray(SIGNATURE_LENGTH)) as unknown;

/** Every word of a bundle's language, page by page (by link), as "weight:position" lists. */
function postingsOf(dir: string, language: string): { words: Postings; texts: Map<string, string[]> } {
  const entry = JSON.parse(readFileSync(path.join(dir, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { hash: string }> };
  const meta = read(path.join(dir, `pagefind.${entry.languages[language]!.hash}.pf_meta`)) as [string, [string, number][], [string, string, string][]];
  const fragments = meta[1].map(([name]) => {
    const raw = gunzipSync(readFileSync(path.join(dir, "fragment", `${name}.pf_fragment`))).toString("utf8");
    return JSON.parse(raw.slice(raw.indexOf("{"))) as { url: string; content: string };
  });
  const words: Postings = new Map();
  for (const [, , chunk] of meta[2]) {
    for (const [word, pages, variants] of (read(path.join(dir, "index", `${chunk}.pf_index`)) as [[string, [number, number[]][], [string, [number, number[]][]][]][]])[0]) {
      const describe = (list: [number, number[]][]) => {
        let page = 0;
        return list
          .map(([delta, locations]) => {
            page += delta;
            let weight = 24;
            let position = 0;
            const at: string[] = [];
            for (const value of locations) {
              if (value < 0) [weight, position] = [-value - 1, 0];
              else at.push(`${weight}:${(position += value)}`);
            }
            return `${fragments[page]!.url} ${at.sort().join(",")}`;
          })
          .sort()
          .join(" | ");
      };
      words.set(word, describe(pages));
      for (const [variant, list] of variants) words.set(`${word}/${variant}`, describe(list));
    }
  }
  return { words, texts: new Map(fragments.map((fragment) => [fragment.url, indexedText(fragment.content)])) };
}

describe("the index's format", () => {
  let records: SearchRecord[];
  let ours: ReturnType<typeof postingsOf>;
  let reference: ReturnType<typeof postingsOf>;

  beforeAll(async () => {
    const archive = loadArchive({ contentDir: path.join(PROJECT_ROOT, "test/fixtures/search/content"), cacheDir: null, includeDrafts: false });
    records = searchRecords(buildSiteModel(archive).articles, basePath(archive.settings)).reverse();
    const ourDir = temporaryDir("search-ours-");
    await writeBundle(records, pagefindText, { dir: ourDir, part: 1, id: "0123abcd", ambiguous: markedCharacters(ambiguousCharacters("tw")) });
    await closePagefind();
    ours = postingsOf(ourDir, "zh-hans");

    // Pagefind indexing the same pages itself, each Han run written as its pair words.
    const referenceDir = temporaryDir("search-reference-");
    const { index } = await pagefind.createIndex({ forceLanguage: "zh-hans" });
    for (const record of records) {
      const added = await index!.addHTMLFile({ url: record.url["zh-Hans"], content: recordPage(record.text["zh-Hans"], (run) => hanWords(run).join(" ")) });
      expect(added.errors).toEqual([]);
    }
    await index!.writeFiles({ outputPath: referenceDir });
    reference = postingsOf(referenceDir, "zh-hans");
  });

  afterAll(async () => {
    await pagefind.close();
  });

  it("has every word Pagefind's indexer makes of the same text, on the same pages at the same positions and weights", () => {
    const differ = [...reference.words].filter(([word, postings]) => ours.words.get(word) !== postings).map(([word]) => word);
    expect(differ).toEqual([]);
    expect(reference.words.size).toBeGreaterThan(500);
  });

  it("has no other words but the zh-Hant text's pairs", () => {
    const extra = [...ours.words.keys()].filter((word) => !reference.words.has(word));
    expect(extra.filter((word) => !word.startsWith("zr"))).toEqual([]);
    expect(extra.length).toBeGreaterThan(0);
  });

  it("stores the same text at every position as Pagefind does, characters where it has pair words", () => {
    for (const record of records) {
      const url = record.url["zh-Hans"];
      // The spaces between pieces are the page's to show or not (the search page drops those beside Chinese).
      const expected = reference.texts.get(url)!.map((piece) => decodeHanWord(piece.trim()) ?? piece.trim());
      expect([url, ours.texts.get(url)!.map((piece) => piece.trim())]).toEqual([url, expected]);
    }
  });
});
