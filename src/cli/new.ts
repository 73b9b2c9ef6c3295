/** `npm run new -- "标题"`: creates a new article file and prints its path. */
import { createArticle } from "../articles/create.ts";
import { loadSettings } from "../settings.ts";
import { ProblemsError } from "../problems.ts";
import { scriptOfLanguageTag } from "../articles/frontmatter.ts";
import { parseCommandLine } from "./options.ts";

const usage = `Usage: npm run new -- "标题" [--tags 标签1,标签2] [--lang zh-Hans|zh-Hant] [--draft] [--content DIR]`;
const { values, positionals } = parseCommandLine(
  {
    allowPositionals: true,
    options: {
      tags: { type: "string" },
      lang: { type: "string" },
      draft: { type: "boolean", default: false },
      content: { type: "string", default: "content" },
      help: { type: "boolean", default: false },
    },
  },
  usage,
);
const title = positionals.join(" ").trim();
if (values.help || !title) {
  console.log(usage);
  process.exit(values.help ? 0 : 2);
}
const lang = values.lang === undefined ? undefined : scriptOfLanguageTag(values.lang);
if (values.lang !== undefined && !lang) {
  console.error(`--lang: "${values.lang}" is not zh-Hans or zh-Hant`);
  process.exit(2);
}

try {
  const file = createArticle(values.content, loadSettings(values.content), {
    title,
    lang,
    draft: values.draft,
    tags: values.tags?.split(/[,，、]/).map((tag) => tag.trim()).filter(Boolean),
  });
  console.log(file);
} catch (error) {
  console.error(error instanceof ProblemsError ? error.message : `Could not create the article: ${(error as Error).message}`);
  process.exit(1);
}
