/**
 * Characters no XML document may hold (XML 1.0 §2.2): C0 controls other than tab, line feed and
 * carriage return, U+FFFE/U+FFFF and lone surrogates. A feed or sitemap holding one cannot be
 * parsed by any reader, so they are taken out of every text when it is read in.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export interface CleanedText {
  text: string;
  /** How many characters were taken out. */
  removed: number;
}

/** The text without the characters XML forbids, and how many there were. */
export function withoutForbiddenCharacters(text: string): CleanedText {
  let removed = 0;
  const cleaned = text.replace(FORBIDDEN, () => {
    removed++;
    return "";
  });
  return { text: cleaned, removed };
}

/** "3 characters that no feed may hold (control characters, U+FFFE/U+FFFF, lone surrogates) were removed" */
export function describeRemoved(removed: number): string {
  return `${removed} character${removed === 1 ? "" : "s"} that no feed or page may hold (control characters, U+FFFE/U+FFFF, lone surrogates) removed`;
}

/** The same for every text inside a value read from YAML or JSON (keys included). */
export function valueWithoutForbiddenCharacters<T>(value: T): { value: T; removed: number } {
  let removed = 0;
  const clean = (item: unknown): unknown => {
    if (typeof item === "string") {
      const cleaned = withoutForbiddenCharacters(item);
      removed += cleaned.removed;
      return cleaned.text;
    }
    if (Array.isArray(item)) return item.map(clean);
    if (item && typeof item === "object") {
      return Object.fromEntries(Object.entries(item).map(([key, entry]) => [clean(key) as string, clean(entry)]));
    }
    return item;
  };
  const cleaned = clean(value) as T;
  return { value: cleaned, removed };
}
