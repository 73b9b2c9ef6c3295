// HTML written in an article's Markdown: the elements real articles use are rendered, and nothing
// that could run in a reader's browser passes (src/render/sanitize.ts, through src/render/markdown.ts).
import { describe, it } from "node:test";
import { expect } from "expect";
import { parseHTML } from "linkedom";
import { itEach } from "../each.ts";
import { renderMarkdown } from "../../src/render/markdown.ts";
import { htmlToMarkdown } from "../../src/import/markdown.ts";

const render = (markdown: string) => renderMarkdown(markdown, { sourceLang: "zh-Hans", basePath: "/" });

/** Everything in rendered HTML that could run: elements, handlers, addresses. */
function runnable(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const found: string[] = [];
  for (const element of document.querySelectorAll("*")) {
    const name = element.tagName.toLowerCase();
    if (["script", "style", "iframe", "object", "embed", "form", "input", "button", "link", "meta", "base", "svg", "math", "frame", "frameset", "textarea", "select"].includes(name)) found.push(`<${name}>`);
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name) || attribute.name === "style" && !/^text-align:(left|right|center);?$/.test(attribute.value) || attribute.name === "srcdoc" || attribute.name === "formaction") found.push(`${name}[${attribute.name}]`);
      if (/^\s*(javascript|vbscript|data):/i.test(attribute.value.replace(/[\u0000-\u0020]/g, ""))) found.push(`${name}[${attribute.name}=${attribute.value}]`);
    }
  }
  return found;
}

describe("HTML in an article", () => {
  itEach([
    ["a figure and its caption", '<figure><img src="/a.png" alt="图"><figcaption>图注</figcaption></figure>', "figcaption"],
    ["a line break", "第一行<br>第二行", "br"],
    ["superscript and subscript", "注<sup>1</sup>，H<sub>2</sub>O", "sup"],
    ["a table", "<table><tr><th>甲</th><td>乙</td></tr></table>", "td"],
    ["deleted and inserted text", "<del>旧</del><ins>新</ins>", "ins"],
    ["details and summary", "<details><summary>摘要</summary>全文</details>", "summary"],
    ["ruby", "<ruby>汉<rp>(</rp><rt>hàn</rt><rp>)</rp></ruby>", "rt"],
  ])("renders %s", (_name, markdown, element) => {
    const { document } = parseHTML(`<body>${render(markdown)}</body>`);
    expect(document.querySelector(element)).not.toBeNull();
  });

  it("renders <center> as a centred block and <font> as its text", () => {
    const html = render("<center>居中</center>\n\n<font color=red size=7>红字</font>");
    expect(html).toContain('<div class="center">居中</div>');
    expect(html).toContain("<span>红字</span>");
  });

  it("keeps the text of an element it does not allow, and not the element", () => {
    const html = render('<marquee>滚动的字</marquee><blink>闪</blink>');
    expect(html).toContain("滚动的字");
    expect(html).not.toMatch(/marquee|blink/);
  });

  itEach([
    ["a script", "<script>alert(1)</script>"],
    // The caption is parsed on its own, which once made the page seem to hold no HTML.
    ["a script after a figure with a caption", '![图](/a.png "图注")\n\n<script>alert(1)</script>'],
    ["a handler after a figure with a caption", '![图](/a.png "图注")\n\n<img src=x onerror=alert(1)>'],
    ["a script in one line with text", "文字<script>alert(1)</script>文字"],
    ["a script with odd case and spacing", "<ScRiPt >alert(1)</sCrIpT >"],
    ["an event handler", '<img src="/a.png" onerror="alert(1)">'],
    ["an event handler without quotes", "<img src=x onerror=alert(1)>"],
    ["a handler on an allowed element", '<p onclick="alert(1)">点</p>'],
    ["a javascript: link", '<a href="javascript:alert(1)">链接</a>'],
    ["a javascript: link with spaces and case", '<a href=" JaVaScRiPt:alert(1)">链接</a>'],
    ["a javascript: link with entities", '<a href="&#106;avascript:alert(1)">链接</a>'],
    ["a javascript: link with a tab", '<a href="java\tscript:alert(1)">链接</a>'],
    ["a data: image", '<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">'],
    ["a data: link", '<a href="data:text/html,<script>alert(1)</script>">链接</a>'],
    ["an iframe", '<iframe src="https://example.com/"></iframe>'],
    ["an iframe with srcdoc", '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
    ["an object and an embed", '<object data="x.swf"></object><embed src="x.swf">'],
    ["a style element", "<style>body{display:none}</style>"],
    ["a style attribute", '<div style="position:fixed;top:0">层</div>'],
    ["an SVG with a script", "<svg><script>alert(1)</script></svg>"],
    ["an SVG handler", '<svg onload="alert(1)"></svg>'],
    ["a form", '<form action="https://evil.example/"><input name="x"><button formaction="javascript:alert(1)">提交</button></form>'],
    ["a meta refresh", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
    ["a base element", '<base href="https://evil.example/">'],
    ["a link element", '<link rel="stylesheet" href="https://evil.example/a.css">'],
    ["math with a link", '<math><mtext><a href="javascript:alert(1)">x</a></mtext></math>'],
    ["a comment that hides a script", "<!--<script>alert(1)</script>-->"],
    ["a tag split across lines", '<img\nsrc=x\nonerror=alert(1)\n>'],
    ["a protocol-relative image", '<img src="//evil.example/track.gif">'],
    ["a noscript trick", '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'],
    ["a template", "<template><script>alert(1)</script></template>"],
    ["a textarea breakout", '<textarea></textarea><script>alert(1)</script></textarea>'],
  ])("lets nothing run from %s", (_name, markdown) => {
    const html = render(`前文\n\n${markdown}\n\n后文`);
    expect(runnable(html)).toEqual([]);
    expect(html).not.toMatch(/<script|alert\(1\)<\/script/i);
    expect(html).toContain("前文");
    expect(html).toContain("后文");
  });

  it("drops a protocol-relative address, which would load from another site", () => {
    expect(render('<img src="//evil.example/track.gif">')).not.toContain("evil.example");
  });

  it("keeps as text an imported page's text that reads like a tag", () => {
    const markdown = htmlToMarkdown("<p>写 &lt;div&gt; 和 &lt;script&gt;alert(1)&lt;/script&gt;，以及 a &lt; b。</p>");
    const { document } = parseHTML(`<!doctype html><html><body>${render(markdown)}</body></html>`);
    expect(document.body.textContent?.trim()).toBe("写 <div> 和 <script>alert(1)</script>，以及 a < b。");
    expect(document.querySelectorAll("div, script")).toHaveLength(0);
  });
});

describe("keyboard access to an article's parts", () => {
  it("keeps a heading's anchor out of the Tab order, as it is hidden from screen readers", () => {
    const anchor = parseHTML(render("## 小标题\n\n正文")).document.querySelector("a.header-anchor")!;
    expect([anchor.getAttribute("aria-hidden"), anchor.getAttribute("tabindex")]).toEqual(["true", "-1"]);
  });
  it("lets a code block take the keyboard's focus, so it can be scrolled sideways", () => {
    expect(render("```\nlet a = 1;\n```")).toContain('<pre tabindex="0">');
  });
  it("lets a code block written as HTML take the focus too", () => {
    expect(render("<pre>let a = 1;</pre>")).toContain('<pre tabindex="0">');
  });
  it("drops a tabindex an author wrote on a link", () => {
    expect(render('<a href="/x" tabindex="3">链接</a>')).not.toContain("tabindex");
  });
});
