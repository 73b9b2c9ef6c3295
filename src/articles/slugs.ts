/**
 * Slugs: ASCII, readable, unique and stable. Chinese is written in toneless pinyin
 * (Eleventy's own slugify turns Chinese into an empty string).
 */
import { pinyin } from "pinyin-pro";

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG_LENGTH = 60;

export function isValidSlug(slug: string): boolean {
  return SLUG_PATTERN.test(slug) && slug.length <= 100;
}

/**
 * Turns any text into a slug: Han characters become pinyin syllables, Latin words and digits are
 * kept, everything else separates words. Pass Simplified text: pinyin-pro reads it best.
 */
export function slugify(text: string, maxLength = MAX_SLUG_LENGTH): string {
  const syllables = pinyin(text.normalize("NFKC"), { toneType: "none", type: "array", nonZh: "consecutive", v: true });
  const words = syllables
    .flatMap((part) => part.toLowerCase().split(/[^a-z0-9]+/))
    .filter((word) => word.length > 0);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  // A single word longer than the limit is cut rather than lost.
  if (!slug && words[0]) slug = words[0].slice(0, maxLength);
  return slug;
}
