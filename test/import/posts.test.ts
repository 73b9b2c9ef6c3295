/**
 * Markdown posts of other generators through the real importer: our fixture archives of a Jekyll,
 * a Hugo and a Hexo site (test/fixtures/archives/), and small posts of our own for each convention,
 * for re-imports, edits and broken posts.
 */
import { describe, it, before } from "node:test";
import { expect } from "expect";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, appendFileSync, copyFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { DateTime } from "luxon";
import { importFiles, keptKeysLine, type ImportEntry, type ImportOptions } from "../../src/import/run.ts";
import { listInputs } from "../../src/import/inputs.ts";
import { frontMatterDate, postDate } from "../../src/import/dates.ts";
import { convertTags } from "../../src/import/shortcodes.ts";
import { loadArticles } from "../../src/articles/load.ts";
import { readFrontMatter } from "../../src/articles/matter.ts";
import { parseSettings } from "../../src/settings.ts";
import { itEach } from "../each.ts";
import { PROJECT_ROOT } from "../helpers.ts";
import { temporaryDir } from "../temporary.ts";

const ARCHIVES = path.join(PROJECT_ROOT, "test/fixtures/archives");
const settings = parseSettings({});

/** Every input under the paths, as the command lists and imports them. */
function importPaths(paths: string[], options: Partial<ImportOptions> & { contentDir: string }): ImportEntry[] {
  const listed = listInputs(paths);
  return [...listed.failed, ...listed.skipped, ...importFiles(listed.inputs, { timeZone: "Asia/Shanghai", ...options })];
}

/** A fixture archive imported into a fresh content folder: its entries by the input's path under the archive. */
function importArchive(name: string) {
  const contentDir = temporaryDir(`zh-archive-${name}-`);
  const root = path.join(ARCHIVES, name);
  const entries = importPaths([root], { contentDir });
  const byInput = (relative: string) => entries.find((entry) => entry.input === path.join(root, relative))!;
  const front = (relative: string) => readFrontMatter(readFileSync(byInput(relative).output!, "utf8"));
  return { contentDir, entries, byInput, front };
}

/** A folder of posts of our own: relative path → text. */
function folder(files: Record<string, string | Buffer>): string {
  const dir = temporaryDir("zh-archive-posts-");
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

const post = (frontMatter: string, body = "湖边的柳树发芽了，风一吹就碰到行人的肩膀。") => `---\n${frontMatter.trim()}\n---\n${body}\n`;

describe("a Jekyll site", () => {
  let site: ReturnType<typeof importArchive>;
  before(() => (site = importArchive("jekyll")));

  it("takes the date from a YYYY-MM-DD- file name and from a YYYY-M-D- one", () => {
    expect(site.front("_posts/2019-04-04-west-lake-night.md").data.date).toBe("2019-04-04");
    expect(site.front("_posts/2019-2-6-spring-festival.md").data.date).toBe("2019-02-06");
  });

  it("writes loose front matter dates normalized: 2020-05-01 10:00:00 +0800 and 2021/03/15", () => {
    expect(site.front("_posts/2020-05-01-code-notes.md").data.date).toBe("2020-05-01 10:00");
    expect(site.front("_posts/2021-03-15-taipei-rain.md").data.date).toBe("2021-03-15");
  });

  it("merges categories (a list, or a space-separated text) and tags (a number too) into tags, in order", () => {
    expect(site.front("_posts/2019-04-04-west-lake-night.md").data.tags).toEqual(["随笔", "杭州", "旅行"]);
    expect(site.front("_posts/2019-2-6-spring-festival.md").data.tags).toEqual(["生活", "节日", "996"]);
    expect(site.front("_posts/2021-03-15-taipei-rain.md").data.tags).toEqual(["臺北", "雨季"]);
  });

  it("takes description as the summary", () => {
    expect(site.front("_posts/2019-04-04-west-lake-night.md").data.summary).toBe("一个春夜，沿着湖边慢慢走了一圈。");
  });

  it("keeps Jekyll's default address /:categories/:year/:month/:day/:title.html as an alias, and a permalink as given", () => {
    expect(site.front("_posts/2019-04-04-west-lake-night.md").data.aliases).toEqual(["/随笔/2019/04/04/west-lake-night.html"]);
    expect(site.front("_posts/2019-2-6-spring-festival.md").data.aliases).toEqual(["/生活/节日/2019/02/06/spring-festival.html"]);
    expect(site.front("_posts/2021-03-15-taipei-rain.md").data.aliases).toEqual(["/2021/03/15/taipei-rain.html"]);
    expect(site.front("_posts/2020-05-01-code-notes.md").data.aliases).toEqual(["/notes/code-notes/"]);
  });

  it("takes the slug from the file's name", () => {
    expect(path.basename(site.byInput("_posts/2019-2-6-spring-festival.md").output!)).toBe("spring-festival.md");
    expect(site.front("_posts/2019-2-6-spring-festival.md").data.slug).toBe("spring-festival");
  });

  it("makes a draft of published: false and of a post in _drafts/", () => {
    expect(site.front("_posts/2018-12-31-unpublished.md").data.draft).toBe(true);
    expect(site.front("_drafts/new-idea.md").data.draft).toBe(true);
    expect(site.front("_drafts/new-idea.md").data).not.toHaveProperty("aliases");
    expect(site.front("_posts/2019-04-04-west-lake-night.md").data).not.toHaveProperty("draft");
  });

  it("turns {% highlight %} into a fenced block, {% raw %} into its text and {% post_url %} into the other post's old address", () => {
    const { body } = site.front("_posts/2020-05-01-code-notes.md");
    expect(body).toContain("```python\ndef walk(steps):\n    return sum(range(steps))\n```");
    expect(body).toContain("模板里的 {{ page.title }} 要原样显示。");
    expect(body).toContain("[在西湖边](/随笔/2019/04/04/west-lake-night.html)");
    expect(body).not.toMatch(/\{%/);
  });

  it("copies /assets/ images shown in Markdown and in HTML into content/media/<slug>/ and points the post at the copies", () => {
    const { data, body } = site.front("_posts/2019-04-04-west-lake-night.md");
    const copies = readdirSync(path.join(site.contentDir, "media/west-lake-night"));
    expect(copies).toHaveLength(2);
    expect(Object.values(data.images as Record<string, string>).sort()).toEqual(["/assets/img/boat.png", "/assets/img/lake.png"]);
    for (const copy of copies) expect(body).toContain(`/media/west-lake-night/${copy}`);
    expect(body).toContain('<figure><img src="/media/west-lake-night/');
    expect(body).not.toContain("{{ site.baseurl }}");
  });

  it("reads only _posts/ and _drafts/, and skips the site's pages, layouts and output each with a reason", () => {
    const skipped = Object.fromEntries(site.entries.filter((e) => e.status === "skipped").map((e) => [path.relative(path.join(ARCHIVES, "jekyll"), e.input), e.reason]));
    expect(Object.keys(skipped).sort()).toEqual(["_config.yml", "_layouts", "_site", "about.md", "assets", "index.md"]);
    expect(skipped["about.md"]).toMatch(/is a page of the Jekyll site .* not a post; name it on the command line/);
    expect(skipped["_site"]).toMatch(/is part of the Jekyll site .* not its posts \(_posts\/, _drafts\/\)/);
    expect(site.entries.filter((e) => e.status === "imported")).toHaveLength(6);
  });

  it("keeps the keys with no meaning here, and the summary names them once with how many posts had each", () => {
    expect(site.front("_posts/2019-04-04-west-lake-night.md").data).toMatchObject({ layout: "post", comments: true, image_feature: "lake.png" });
    expect(site.entries.every((entry) => entry.warnings.every((warning) => !/layout|comments/.test(warning)))).toBe(true);
    expect(keptKeysLine(site.entries)).toBe("unknown keys kept: layout (6 posts), comments (2), image_feature (2), mathjax (1), toc (1)");
  });

  it("records the post's path in the site and its SHA-256", () => {
    const imported = site.front("_posts/2019-04-04-west-lake-night.md").data.imported as Record<string, string>;
    expect(imported.file).toBe("_posts/2019-04-04-west-lake-night.md");
    expect(imported.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("writes only articles the build reads without a problem", () => {
    expect(loadArticles(path.join(site.contentDir, "articles"), settings).problems).toEqual([]);
  });
});

describe("a Hugo site", () => {
  let site: ReturnType<typeof importArchive>;
  before(() => (site = importArchive("hugo")));

  it("reads TOML front matter: a date-time with its offset, lastmod as updated, categories and tags", () => {
    const { data } = site.front("content/posts/mountain-temple.md");
    expect(data).toMatchObject({ title: "山顶的小庙", date: "2019-04-04 10:00", updated: "2019-05-01", tags: ["游记", "寺庙", "山"], summary: "爬了三个小时，山顶只有一座小庙。" });
  });

  it("reads JSON front matter", () => {
    expect(site.front("content/posts/json-post.md").data).toMatchObject({ title: "冬天的湖", date: "2021-12-20", tags: ["湖", "冬天"] });
  });

  it("makes a draft of draft = true", () => {
    expect(site.front("content/posts/draft-post.md").data.draft).toBe(true);
  });

  it("keeps Hugo's /posts/<slug>/ and the post's own aliases, a relative one read from its section", () => {
    expect(site.front("content/posts/mountain-temple.md").data.aliases).toEqual(["/posts/mountain-temple/", "/old/mountain-temple/", "/posts/shan-si/"]);
    expect(site.front("content/posts/tea-house/index.md").data.aliases).toEqual(["/posts/tea-house-story/"]);
  });

  it("takes a page bundle's slug from its front matter, and its lang from its text", () => {
    expect(path.basename(site.byInput("content/posts/tea-house/index.md").output!)).toBe("tea-house-story.md");
    expect(site.front("content/posts/tea-house/index.md").data.lang).toBe("zh-Hant");
  });

  it("copies a page bundle's images and turns {{< figure >}} into an image with its caption", () => {
    const { body } = site.front("content/posts/tea-house/index.md");
    expect(readdirSync(path.join(site.contentDir, "media/tea-house-story"))).toHaveLength(2);
    expect(body).toMatch(/^!\[用了三十年的茶壺\]\(\/media\/tea-house-story\/[0-9a-f]{16}\.png "用了三十年的茶壺"\)$/m);
    expect(body).toMatch(/^!\[桌上的茶杯\]\(\/media\/tea-house-story\/[0-9a-f]{16}\.png\)$/m);
  });

  it("copies an image of static/ shown at /images/", () => {
    expect(site.front("content/posts/mountain-temple.md").body).toMatch(/!\[山路的地图\]\(\/media\/mountain-temple\/[0-9a-f]{16}\.png\)/);
  });

  it("turns {{< youtube >}} into a link, and leaves an unknown shortcode as written with one warning naming it", () => {
    const entry = site.byInput("content/posts/mountain-temple.md");
    const { body } = site.front("content/posts/mountain-temple.md");
    expect(body).toContain("[YouTube: https://www.youtube.com/watch?v=w7Ft2ymGmfc](https://www.youtube.com/watch?v=w7Ft2ymGmfc)");
    expect(body).toContain("{{< notice tip >}}记得带水。{{< /notice >}}");
    expect(entry.warnings.filter((warning) => warning.includes("notice"))).toEqual([
      "has {{< notice >}}, a template tag the importer does not turn into Markdown; left as written",
    ]);
  });

  it("skips _index.md, pages at the top of content/, and the site's theme and output, each with a reason", () => {
    const skipped = site.entries.filter((e) => e.status === "skipped").map((e) => path.relative(path.join(ARCHIVES, "hugo"), e.input));
    expect(skipped.sort()).toEqual([
      "content/_index.md", "content/about.md", "content/posts/_index.md", "content/posts/tea-house/cup.png", "content/posts/tea-house/teapot.png",
      "hugo.toml", "public", "static", "themes",
    ]);
    expect(site.byInput("content/posts/_index.md").reason).toMatch(/section's list page \(_index\.md\), not a post; name it on the command line/);
  });

  it("imports a page named on the command line", () => {
    const contentDir = temporaryDir("zh-archive-named-");
    const [entry] = importPaths([path.join(ARCHIVES, "hugo/content/about.md")], { contentDir, fallbackDate: { date: DateTime.fromISO("2020-01-01", { zone: "Asia/Shanghai" }), hasTime: false } });
    expect(entry).toMatchObject({ status: "imported", format: "post", generator: "hugo" });
  });
});

describe("a Hexo site", () => {
  let site: ReturnType<typeof importArchive>;
  before(() => (site = importArchive("hexo")));

  it("flattens nested categories into the tags, before the tags", () => {
    expect(site.front("source/_posts/river-town.md").data.tags).toEqual(["生活", "江南", "旅行", "水乡"]);
  });

  it("takes excerpt as the summary and updated as updated", () => {
    expect(site.front("source/_posts/river-town.md").data).toMatchObject({ summary: "天还没亮，河上已经有船在走。", updated: "2019-04-10 08:00" });
  });

  it("keeps the address of the site's permalink setting, :year/:month/:day/:title/, as an alias", () => {
    expect(site.front("source/_posts/river-town.md").data.aliases).toEqual(["/2019/04/04/river-town/"]);
    expect(site.front("source/_posts/old-letter.md").data.aliases).toEqual(["/2020/02/06/old-letter/"]);
  });

  it("copies the image of {% asset_img %} from the post's asset folder, and one under source/", () => {
    const { data, body } = site.front("source/_posts/river-town.md");
    expect(Object.values(data.images as Record<string, string>).sort()).toEqual(["/images/town.png", "bridge.png"]);
    expect(body).toMatch(/^!\[清晨的石桥\]\(\/media\/river-town\/[0-9a-f]{16}\.png "清晨的石桥"\)$/m);
  });

  it("turns {% blockquote %} into a quotation with who said it, and {% codeblock %} into a fenced block", () => {
    expect(site.front("source/_posts/river-town.md").body).toContain("> 小溪流下去，绕山岨流，约三里便汇入茶峒的大河。\n>\n> — 沈从文, 边城");
    expect(site.front("source/_posts/old-letter.md").body).toContain('```js\nconsole.log("信里夹着一张车票");\n```');
  });

  it("turns {% post_link %} and {% post_path %} into links to the other post's old address", () => {
    const { body } = site.front("source/_posts/old-letter.md");
    expect(body).toContain("[水乡](/2019/04/04/river-town/)");
    expect(body).toContain("[水乡的早晨](/2019/04/04/river-town/)");
  });

  it("skips the post's asset folder, the site's pages and scaffolds, each with a reason", () => {
    const skipped = site.entries.filter((e) => e.status === "skipped").map((e) => path.relative(path.join(ARCHIVES, "hexo"), e.input));
    expect(skipped.sort()).toEqual(["_config.yml", "scaffolds", "source/_posts/river-town", "source/about", "source/images"]);
  });
});

describe("the import command on a site", () => {
  it("says once in its summary which unknown keys the posts carried, and reports every input", () => {
    const contentDir = temporaryDir("zh-archive-cli-");
    copyFileSync(path.join(PROJECT_ROOT, "test/fixtures/site/content/site.json"), path.join(contentDir, "site.json"));
    const report = path.join(contentDir, "report.json");
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/import.ts", "--out", contentDir, "--report", report, path.join(ARCHIVES, "jekyll")], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
    });
    expect(result.status).toBe(0);
    expect(result.stdout.match(/unknown keys kept: .*/g)).toEqual(["unknown keys kept: layout (6 posts), comments (2), image_feature (2), mathjax (1), toc (1)"]);
    expect(result.stdout).not.toMatch(/warning: .*layout/);
    expect(result.stdout).toContain("imported 6, skipped 6, failed 0");
    const { entries } = JSON.parse(readFileSync(report, "utf8")) as { entries: ImportEntry[] };
    expect(entries).toHaveLength(12);
    expect(entries.find((entry) => entry.input.endsWith("2019-04-04-west-lake-night.md"))).toMatchObject({ format: "post", generator: "jekyll", keptKeys: ["layout", "comments", "image_feature"] });
  });
});

describe("a date as other generators write it", () => {
  const zone = "Asia/Shanghai";
  itEach([
    ["a one-digit month", "2019-2-06", "2019-02-06"],
    ["a time and an offset without a colon", "2019-04-04 10:00:00 +0800", "2019-04-04 10:00"],
    ["slashes", "2019/04/04", "2019-04-04"],
    ["UTC", "2019-04-04T02:00:00Z", "2019-04-04 10:00"],
    ["another zone's offset", "2019-04-04 23:30:00 -05:00", "2019-04-05 12:30"],
    ["a one-digit hour", "2020-2-6 9:05", "2020-02-06 09:05"],
  ])("is read: %s", (_name, written, normalized) => {
    expect(frontMatterDate(postDate(written, zone)!)).toBe(normalized);
  });

  it("is read from a YAML Date at UTC midnight as that day", () => {
    expect(frontMatterDate(postDate(new Date(Date.UTC(2019, 3, 4)), zone)!)).toBe("2019-04-04");
  });

  it("is read from TOML: a local date-time in the site's zone, a day as a day", () => {
    const dir = folder({
      "a.md": '+++\ntitle = "甲"\ndate = 2019-04-04T10:00:00\n+++\n湖边的柳树发芽了。\n',
      "b.md": '+++\ntitle = "乙"\ndate = 2019-04-05\n+++\n湖边的柳树发芽了。\n',
    });
    const entries = importPaths([dir], { contentDir: temporaryDir("zh-archive-toml-") });
    expect(entries.map((entry) => entry.fields?.date)).toEqual(["2019-04-04 10:00", "2019-04-05"]);
  });

  itEach([["a month 13", "2019-13-01"], ["words", "去年春天"], ["an offset past +14:00", "2019-04-04 10:00 +1500"]])("is refused: %s", (_name, written) => {
    expect(postDate(written, zone)).toBeNull();
  });
});

describe("a batch of posts", () => {
  it("skips everything the second time the same folder is imported", () => {
    const contentDir = temporaryDir("zh-archive-again-");
    const root = path.join(ARCHIVES, "hugo");
    const first = importPaths([root], { contentDir });
    const second = importPaths([root], { contentDir });
    expect(first.filter((entry) => entry.status === "imported")).toHaveLength(4);
    expect(second.filter((entry) => entry.status === "imported")).toEqual([]);
    for (const entry of second.filter((e) => e.format === "post")) expect(entry.reason).toMatch(/was imported before \(the same bytes\)/);
  });

  it("leaves a post a person edited alone, and --force keeps the edited version beside the new one", () => {
    const dir = folder({ "_posts/2019-04-04-lake.md": post("title: 湖边") });
    const contentDir = temporaryDir("zh-archive-edit-");
    const output = importPaths([dir], { contentDir })[0]!.output!;
    appendFileSync(output, "\n编者补记：柳树后来被移走了。\n");
    expect(importPaths([dir], { contentDir })[0]).toMatchObject({ status: "skipped", edited: true });
    const forced = importPaths([dir], { contentDir, force: true })[0]!;
    expect(forced).toMatchObject({ status: "imported", edited: true, output });
    expect(readFileSync(output, "utf8")).not.toContain("编者补记");
    expect(readdirSync(path.dirname(output)).filter((name) => name.includes(".edited-"))).toHaveLength(1);
  });

  it("gives each broken post one clear line naming the field, and imports the rest", () => {
    const dir = folder({
      "_posts/2019-04-01-bad-yaml.md": "---\ntitle: [湖边\n---\n正文。\n",
      "_posts/2019-04-02-bad-date.md": post("title: 湖边\ndate: 2019-13-45"),
      "_posts/2019-04-03-no-title.md": post("layout: post", "没有标题的正文。"),
      "_posts/2019-04-04-good.md": post("title: 湖边"),
      "_posts/no-date.md": post("title: 没有日期"),
      "content/posts/bad.md": '+++\ntitle = "湖\n+++\n正文。\n',
      "hugo.toml": 'title = "x"\n',
    });
    const entries = importPaths([path.join(dir, "_posts"), path.join(dir, "content")], { contentDir: temporaryDir("zh-archive-bad-") });
    const failed = Object.fromEntries(entries.filter((e) => e.status === "failed").map((e) => [path.basename(e.input), e.reason]));
    expect(failed).toEqual({
      "2019-04-01-bad-yaml.md": "front matter: is not valid YAML (unexpected end of the stream within a flow collection at line 3)",
      "2019-04-02-bad-date.md": 'date: "2019-13-45" is not a date (write 2019-04-04, 2019-04-04 10:00 or 2019-04-04T10:00:00+08:00)',
      "2019-04-03-no-title.md": "title: is missing (the front matter has none, and the text does not start with a heading)",
      "no-date.md": "date: is missing (no date in the front matter or in the file's name, such as 2019-04-04-slug.md; --date gives one)",
      "bad.md": expect.stringMatching(/^front matter: is not valid TOML \(.* at line 2\)$/),
    });
    expect(entries.filter((e) => e.status === "imported").map((e) => path.basename(e.input))).toEqual(["2019-04-04-good.md"]);
  });

  it("takes the first heading as the title of a post without one, and leaves it out of the text", () => {
    const dir = folder({ "notes.md": post("date: 2019-04-04", "# 湖边的早晨\n\n湖边的柳树发芽了，风一吹就碰到行人的肩膀。") });
    const [entry] = importPaths([dir], { contentDir: temporaryDir("zh-archive-heading-") });
    expect(entry!.fields!.title).toBe("湖边的早晨");
    expect(readFileSync(entry!.output!, "utf8")).not.toContain("# 湖边的早晨");
  });

  it("warns about an image that is not there, naming it, and leaves it as written", () => {
    const dir = folder({ "_config.yml": "title: x\n", "_posts/2019-04-04-lake.md": post("title: 湖边", "![湖](/assets/missing.png)\n\n湖边的柳树发芽了。") });
    const [entry] = importPaths([path.join(dir, "_posts")], { contentDir: temporaryDir("zh-archive-missing-") });
    expect(entry!.warnings).toContain("shows the image /assets/missing.png, which is not in the post's folder or among the site's files; left as written");
    expect(readFileSync(entry!.output!, "utf8")).toContain("![湖](/assets/missing.png)");
  });

  it("does not copy an image from outside the site", () => {
    const dir = folder({ "site/_config.yml": "title: x\n", "site/_posts/2019-04-04-lake.md": post("title: 湖边", "![湖](../../secret.png)"), "secret.png": Buffer.from("89504e470d0a1a0a", "hex") });
    const [entry] = importPaths([path.join(dir, "site/_posts")], { contentDir: temporaryDir("zh-archive-outside-") });
    expect(entry!.fields).not.toHaveProperty("images");
    expect(entry!.warnings.join("\n")).toContain("../../secret.png");
  });

  it("writes nothing in a dry run", () => {
    const contentDir = temporaryDir("zh-archive-dry-");
    const entries = importPaths([path.join(ARCHIVES, "hexo")], { contentDir, dryRun: true });
    expect(entries.filter((entry) => entry.status === "imported")).toHaveLength(2);
    expect(existsSync(path.join(contentDir, "articles"))).toBe(false);
    expect(existsSync(path.join(contentDir, "media"))).toBe(false);
  });

  it("reads the site's permalink setting (pretty) for the old address", () => {
    const dir = folder({ "_config.yml": "permalink: pretty\n", "_posts/2019-04-04-lake.md": post("title: 湖边\ncategories: [Travel]") });
    const [entry] = importPaths([path.join(dir, "_posts")], { contentDir: temporaryDir("zh-archive-pretty-") });
    expect(entry!.fields!.aliases).toEqual(["/travel/2019/04/04/lake/"]);
  });

  it("gives a post whose slug is not ASCII a slug from its title, keeping its old address", () => {
    const dir = folder({ "_config.yml": "title: x\n", "_posts/2019-04-04-西湖.md": post("title: 西湖\nslug: 西湖") });
    const [entry] = importPaths([path.join(dir, "_posts")], { contentDir: temporaryDir("zh-archive-slug-") });
    expect(path.basename(entry!.output!)).toBe("xi-hu.md");
    expect(entry!.fields!.aliases).toEqual(["/2019/04/04/西湖.html"]);
  });

  it("keeps a key the archive uses with another meaning under original_<key>", () => {
    const dir = folder({ "a.md": post("title: 湖边\ndate: 2019-04-04\nlang: en\nimages: [cover.png]") });
    const [entry] = importPaths([dir], { contentDir: temporaryDir("zh-archive-original-") });
    const { data } = readFrontMatter(readFileSync(entry!.output!, "utf8"));
    expect(data).toMatchObject({ lang: "zh-Hans", original_lang: "en", original_images: ["cover.png"] });
    expect(entry!.keptKeys).toEqual(["lang → original_lang", "images → original_images"]);
  });

  it("turns Hugo's {{< ref >}} into the other post's old address, keeping its #fragment", () => {
    const dir = folder({
      "hugo.toml": 'title = "x"\n',
      "content/posts/first.md": post("title: 第一篇\ndate: 2019-04-04\nslug: di-yi"),
      "content/posts/second.md": post("title: 第二篇\ndate: 2019-04-05", '见[第一篇]({{< ref "posts/first.md#yuan-lai" >}})和[同一篇]({{< relref "first" >}})。'),
    });
    const entries = importPaths([dir], { contentDir: temporaryDir("zh-archive-ref-") });
    const second = entries.find((entry) => entry.input.endsWith("second.md"))!;
    expect(readFileSync(second.output!, "utf8")).toContain("见[第一篇](/posts/di-yi/#yuan-lai)和[同一篇](/posts/di-yi/)。");
  });

  it("never runs front matter written as code (---js): the file is read as text", () => {
    const marker = path.join(temporaryDir("zh-archive-js-"), "ran");
    const dir = folder({ "evil.md": `---js\n{ title: (require("fs").writeFileSync(${JSON.stringify(marker)}, "x"), "标题") }\n---\n湖边的柳树发芽了，风一吹就碰到行人的肩膀。湖边的柳树发芽了。\n` });
    const [entry] = importPaths([dir], { contentDir: temporaryDir("zh-archive-js-content-"), fallbackDate: { date: DateTime.fromISO("2020-01-01", { zone: "Asia/Shanghai" }), hasTime: false } });
    expect(existsSync(marker)).toBe(false);
    expect(entry!.format).not.toBe("post");
  });

  it("reads a text file that only looks like front matter as a saved page", () => {
    const dir = folder({ "notes.txt": "---\n这是一段分隔线上面的文字，不是任何设置。\n---\n下面是正文，讲的是湖边的早晨和柳树。湖边的柳树发芽了，风一吹就碰到行人的肩膀。\n" });
    const [entry] = importPaths([dir], { contentDir: temporaryDir("zh-archive-text-"), fallbackDate: { date: DateTime.fromISO("2020-01-01", { zone: "Asia/Shanghai" }), hasTime: false } });
    expect(entry!.format).toBe("text");
  });
});

describe("template tags", () => {
  const context = { postAddress: () => undefined };

  it("are left alone in code, with no warning", () => {
    const body = "```liquid\n{% include footer.html %}\n```\n\n行内 `{{< notice >}}` 也一样。";
    expect(convertTags(body, context)).toEqual({ body, warnings: [] });
  });

  it("that name a post the importer cannot find are left as written, with a warning", () => {
    const result = convertTags("见 [上文]({% post_url 2019-01-01-nowhere %})。", context);
    expect(result.body).toBe("见 [上文]({% post_url 2019-01-01-nowhere %})。");
    expect(result.warnings).toEqual(["has {% post_url %}, a template tag the importer does not turn into Markdown; left as written"]);
  });

  it("are counted once per tag in the warnings", () => {
    const result = convertTags("{% include a.html %}\n\n{% include b.html %}", context);
    expect(result.warnings).toEqual(["has {% include %} (2 times), a template tag the importer does not turn into Markdown; left as written"]);
  });
});
