/** The two writing systems the archive is published in, as BCP 47 tags. */
export const SCRIPTS = ["zh-Hans", "zh-Hant"] as const;
export type Script = (typeof SCRIPTS)[number];

export function isScript(value: unknown): value is Script {
  return value === "zh-Hans" || value === "zh-Hant";
}

export function otherScript(script: Script): Script {
  return script === "zh-Hans" ? "zh-Hant" : "zh-Hans";
}

/** The URL prefix of a script's pages: lowercase, as Pagefind keys its indexes. */
export function scriptPrefix(script: Script): string {
  return script.toLowerCase();
}
