import { describe, it } from "node:test";
import { expect } from "expect";
import iconv from "iconv-lite";
import { codeKind, decodeBytes } from "../../src/import/decode.ts";

const PROSE = "清晨的小城里，第一班公交车准时驶出总站，车上只有三五位赶早市的老人。司机说，这条线路已经开了二十年。".repeat(20);

describe("decodeBytes", () => {
  it("reads UTF-8 with one bad byte as UTF-8 and counts the replacement", () => {
    const bytes = Buffer.from(PROSE);
    bytes[30] = 0xff;
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe("utf-8");
    expect(decoded.replaced).toBeGreaterThanOrEqual(1);
    expect(decoded.text).toContain("司机说");
  });

  it("drops the partial character of UTF-8 cut inside one, and says so", () => {
    const bytes = Buffer.from(PROSE);
    const decoded = decodeBytes(bytes.subarray(0, bytes.length - 1));
    expect(decoded).toMatchObject({ encoding: "utf-8", cutInCharacter: true, replaced: 0 });
    expect(decoded.text.endsWith("\uFFFD")).toBe(false);
  });

  it("never takes GBK text for UTF-8 with bad bytes", () => {
    expect(decodeBytes(iconv.encode(PROSE, "gbk")).encoding).toBe("gb18030");
  });

  it("never takes Big5 text for UTF-8 with bad bytes", () => {
    const traditional = "清晨的小城裡，第一班公車準時駛出總站，車上只有三五位趕早市的老人。".repeat(20);
    expect(decodeBytes(iconv.encode(traditional, "big5")).encoding).toBe("big5");
  });

  it("reads valid UTF-8 with nothing replaced", () => {
    expect(decodeBytes(Buffer.from(PROSE))).toMatchObject({ replaced: 0, cutInCharacter: false });
  });
});

describe("codeKind", () => {
  it("finds a stylesheet", () => {
    expect(codeKind("body { margin: 0; }\n.nav a { color: #333; }\n@media (max-width: 600px) {\n  .nav { display: none; }\n}\n")).toBe("a stylesheet or script");
  });

  it("finds a minified script on one line", () => {
    expect(codeKind('!function(e){var t={};function n(r){if(t[r])return t[r].exports;var o=t[r]={i:r,l:!1,exports:{}};return e[r].call(o.exports,o,o.exports,n),o.l=!0,o.exports}}([]);')).toBe("a stylesheet or script");
  });

  it("finds JSON data", () => {
    expect(codeKind('{"title": "a", "items": [1, 2, 3]}')).toBe("JSON data");
  });

  it("takes Chinese prose for prose", () => {
    expect(codeKind(PROSE)).toBeUndefined();
  });

  it("takes a Chinese technical text with some code for prose", () => {
    expect(codeKind(`${PROSE}\n\nfunction add(a, b) { return a + b; }\n\n${PROSE}`)).toBeUndefined();
  });
});
