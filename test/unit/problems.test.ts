import { describe, it } from "node:test";
import { expect } from "expect";
import { formatWarnings, type Problem } from "../../src/problems.ts";

const layout = (file: string): Problem => ({ file, field: "layout", message: "is not a known field; kept" });

describe("warnings as lines", () => {
  it("gives warnings of one kind one line, with how many files and the first three", () => {
    const lines = formatWarnings(["a.md", "b.md", "c.md", "d.md", "e.md"].map(layout));
    expect(lines).toEqual(["5 files: layout: is not a known field; kept (a.md, b.md, c.md and 2 more; --verbose names them all)"]);
  });

  it("keeps a warning that only one file has as it is", () => {
    expect(formatWarnings([layout("a.md"), { file: "b.md", message: "has no body text" }])).toEqual([
      "a.md: layout: is not a known field; kept",
      "b.md: has no body text",
    ]);
  });

  it("tells kinds apart by field and by reason, in the order first met", () => {
    const lines = formatWarnings([
      layout("a.md"),
      { file: "a.md", field: "comments", message: "is not a known field; kept" },
      layout("b.md"),
      { file: "b.md", field: "comments", message: "is not a known field; kept" },
    ]);
    expect(lines).toEqual(["2 files: layout: is not a known field; kept (a.md, b.md)", "2 files: comments: is not a known field; kept (a.md, b.md)"]);
  });

  it("gives every warning its own line when verbose", () => {
    expect(formatWarnings(["a.md", "b.md"].map(layout), true)).toEqual(["a.md: layout: is not a known field; kept", "b.md: layout: is not a known field; kept"]);
  });
});
