/** `npm run build`: the archive in content/ → the site in _site/, in both scripts. */
import { ensureHeapRoom } from "./heap.ts";
import { parseCommandLine } from "./options.ts";

const usage = "Usage: npm run build -- [--content DIR] [--output DIR] [--verbose] [--search-shard-size ARTICLES]";
const { values } = parseCommandLine(
  {
    options: {
      content: { type: "string", default: "content" },
      output: { type: "string", default: "_site" },
      verbose: { type: "boolean", default: false },
      "search-shard-size": { type: "string" },
      help: { type: "boolean", default: false },
    },
  },
  usage,
);

if (values.help) {
  console.log(usage);
  process.exit(0);
}

ensureHeapRoom();
// Loaded after the heap check, which may run this command again in a Node with more room.
const { buildSite, problemsIn } = await import("../build.ts");
const { formatProblem } = await import("../problems.ts");

try {
  const shardSize = values["search-shard-size"] === undefined ? undefined : Number(values["search-shard-size"]);
  if (shardSize !== undefined && !(Number.isInteger(shardSize) && shardSize > 0)) {
    console.error(`--search-shard-size: "${values["search-shard-size"]}" is not a number of articles (such as 5000)`);
    process.exit(1);
  }
  const result = await buildSite({ contentDir: values.content, outputDir: values.output, verbose: values.verbose, searchShardSize: shardSize });
  const { search } = result;
  console.log(
    `Built the site into ${values.output}/ in ${result.seconds.toFixed(2)} s ` +
      `(search index ${search.seconds.toFixed(2)} s: ${search.articles} articles, ${search.indexed} indexed anew)`,
  );
} catch (error) {
  const problems = problemsIn(error);
  if (problems) {
    console.error(`The build stopped: ${problems.problems.length} problem(s) in the content.`);
    for (const problem of problems.problems) console.error(`  ${formatProblem(problem)}`);
  } else {
    console.error(`The build failed: ${(error as Error).message}`);
    if (process.env.DEBUG) console.error(error);
  }
  process.exit(1);
}
