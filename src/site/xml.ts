/**
 * Every XML file a build writes (feeds, sitemaps) is parsed again with a conforming parser
 * (saxes): a file no reader could parse stops the build with its name and the place, rather than
 * reaching readers.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { SaxesParser } from "saxes";

export interface XmlProblem {
  file: string;
  /** `line:column: reason`, as the parser says it. */
  message: string;
}

/** The first well-formedness error of an XML text, or undefined when it is well-formed. */
export function xmlError(text: string): string | undefined {
  const parser = new SaxesParser({ xmlns: false });
  let error: string | undefined;
  parser.on("error", (e) => {
    error ??= e.message;
  });
  try {
    parser.write(text).close();
  } catch (e) {
    error ??= (e as Error).message;
  }
  return error;
}

/** The XML files under `outputDir` that are not well-formed, each with its first error. */
export function checkXmlFiles(outputDir: string): XmlProblem[] {
  const problems: XmlProblem[] = [];
  for (const entry of readdirSync(outputDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".xml")) continue;
    const file = path.join(entry.parentPath, entry.name);
    const message = xmlError(readFileSync(file, "utf8"));
    if (message) problems.push({ file, message });
  }
  return problems;
}
