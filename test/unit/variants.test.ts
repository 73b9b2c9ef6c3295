import { describe, it } from "node:test";
import { expect } from "expect";
import { parseArticle } from "../../src/articles/frontmatter.ts";
import type { Article } from "../../src/articles/types.ts";
import { VariantBuilder } from "../../src/articles/variants.ts";
import { parseSettings, type SettingsInput } from "../../src/settings.ts";

const SOURCE = `---
title: 软件发展
date: 2023-05-30
tags: [软件, 信息]
summary: 关于软件的头发
keep: [发明家]
---
## 软件发展的历史

这是[链接文字](/zh-hans/软件/)和\`软件代码\`，还有{=软件=}与发明家。

![图片说明软件](/images/软件.png "图注软件")

<script>alert("软件")</script>

[坏链接](javascript:alert(1))

\`\`\`
软件 = 1
\`\`\`
`;

function article(source = SOURCE): Article {
  const parsed = parseArticle("content/articles/x.md", source, parseSettings({}));
  expect(parsed.problems).toEqual([]);
  return parsed.article!;
}

const build = (input: SettingsInput = {}) => new VariantBuilder(parseSettings(input)).build(article());

describe("VariantBuilder", () => {
  const { original, converted } = build();

  it("keeps the original as written", () => {
    expect(original).toMatchObject({ lang: "zh-Hans", title: "软件发展", summary: "关于软件的头发", tags: ["软件", "信息"] });
    expect(original.html).toContain("<h2 id=\"软件发展的历史\">软件发展的历史");
  });

  it("converts the title, summary, tags and body text", () => {
    expect(converted).toMatchObject({ lang: "zh-Hant", title: "軟件發展", summary: "關於軟件的頭髮", tags: ["軟件", "信息"] });
    expect(converted.html).toContain("軟件發展的歷史");
    expect(converted.html).toContain(">鏈接文字</a>和");
    expect(converted.html).toContain("，還有");
  });

  it("does not convert link addresses, image sources, inline code or fenced code", () => {
    for (const html of [original.html, converted.html]) {
      expect(html).toContain('href="/zh-hans/%E8%BD%AF%E4%BB%B6/"');
      expect(html).toContain('src="/images/%E8%BD%AF%E4%BB%B6.png"');
      expect(html).toContain("<code>软件代码</code>");
      expect(html).toContain("<pre tabindex=\"0\"><code>软件 = 1\n</code></pre>");
    }
  });

  it("keeps heading ids in the original script", () => {
    expect(converted.html).toContain('<h2 id="软件发展的历史">軟件發展的歷史');
    expect(converted.html).toContain('href="#软件发展的历史"');
  });

  it("keeps {=…=} spans and keep: terms as written, marking the span with its language", () => {
    expect(converted.html).toContain('<span class="keep" lang="zh-Hans">软件</span>與发明家');
    expect(original.html).toContain('<span class="keep" lang="zh-Hans">软件</span>与发明家');
  });

  it("converts image alt text and the figure caption", () => {
    expect(converted.html).toContain('alt="圖片說明軟件"');
    expect(converted.html).toContain("<figcaption>圖注軟件</figcaption>");
  });

  it("drops a script written in the Markdown, with its content, in both scripts", () => {
    for (const html of [original.html, converted.html]) {
      expect(html).not.toMatch(/<script|&lt;script/i);
      // The script's own text (the javascript: link below stays as text, not a link).
      expect(html).not.toMatch(/alert\(("|&quot;)/);
    }
  });

  it("converts the text inside HTML the Markdown wrote, never its tags or attributes", () => {
    const source = SOURCE.replace("<script>", '<figure><img src="/images/软件.png" alt="软件"><figcaption>软件的图注</figcaption></figure>\n\n<script>');
    const { converted } = new VariantBuilder(parseSettings({})).build(article(source));
    expect(converted.html).toContain("<figcaption>軟件的圖注</figcaption>");
    expect(converted.html).toContain('src="/images/软件.png" alt="软件"');
  });

  it("does not render a javascript: link as a link", () => {
    for (const html of [original.html, converted.html]) expect(html).not.toMatch(/href="javascript:/i);
  });

  it("converts with the site's Traditional standard", () => {
    expect(build({ traditional: "twp" }).converted.title).toBe("軟體發展");
  });

  it("uses the site's overrides for the direction of conversion", () => {
    const { converted: text } = build({ overrides: { toHant: { 软件: "软体字" }, toHans: {} } });
    expect(text.title).toBe("软体字發展");
  });
});

describe("VariantBuilder and names", () => {
  const withNames = (front: string) =>
    new VariantBuilder(parseSettings({})).build(article(`---\ntitle: 旧时光\ndate: 2023-05-30\n${front}\n---\n\n记得那年秋天。\n`));

  it("converts the author and the source like the text on the page in the other script", () => {
    const { original, converted } = withNames("author: 顾青禾\nsource: 旧时光杂志");
    expect(original).toMatchObject({ author: "顾青禾", source: "旧时光杂志" });
    expect(converted).toMatchObject({ author: "顧青禾", source: "舊時光雜誌" });
  });

  it("keeps an author the article keeps as written", () => {
    const { converted } = withNames("author: 顾青禾\nkeep: [顾青禾]");
    expect(converted.author).toBe("顾青禾");
  });

  it("converts a tag and an author written in the other script to the article's own on its own page", () => {
    const { original } = withNames("author: 顧青禾\ntags: [高校反性騷擾, 秋天]");
    expect(original).toMatchObject({ author: "顾青禾", tags: ["高校反性骚扰", "秋天"], blocksConverted: 2 });
  });
});

describe("quotation marks of the Traditional text", () => {
  const QUOTED = `---
title: 他说“好”
date: 2023-05-30
---
他说：“我读过‘西湖’这首诗。”这是 don’t 的用法。

\`“代码”\` 和 {=“保留”=}

\`\`\`
print("“原样”")
\`\`\`
`;
  const convert = (input: SettingsInput = {}) => new VariantBuilder(parseSettings(input)).build(article(QUOTED)).converted;

  it("are corner brackets, 「」 outside and 『』 inside, for Taiwan and Hong Kong readers", () => {
    const { title, html } = convert();
    expect(title).toBe("他說「好」");
    expect(html).toContain("他說：「我讀過『西湖』這首詩。」");
  });
  it("leave an apostrophe between Latin letters as it is", () => {
    expect(convert().html).toContain("don’t");
  });
  it("stay as written in code and in kept spans", () => {
    const { html } = convert();
    expect(html).toContain("<code>“代码”</code>");
    expect(html).toContain("“原样”");
    expect(html).toContain(">“保留”</span>");
  });
  it("stay “” when the site's cornerQuotes setting is false", () => {
    expect(convert({ cornerQuotes: false }).html).toContain("他說：“我讀過‘西湖’這首詩。”");
  });
});
