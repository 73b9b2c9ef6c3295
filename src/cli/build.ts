/** `npm run build`: the archive in content/ → the site in _site/, in both scripts. */
import { parseArgs } from "node:util";
import { buildSite, problemsIn } from "../site/build.ts";
import { formatProblem } from "../problems.ts";
import { loadArchive } from "../archive.ts";

const { values } = parseArgs({
  options: {
    content: { type: "string", default: "content" },
    output: { type: "string", default: "_site" },
    verbose: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

if (values.help) {
  console.log("Usage: npm run build -- [--content DIR] [--output DIR] [--verbose]");
  process.exit(0);
}

try {
  // Validate first, so content problems are reported plainly, not inside Eleventy's error log;
  // Eleventy's data step then finds this archive already loaded.
  loadArchive({ contentDir: values.content, includeDrafts: false });
  const result = await buildSite({ contentDir: values.content, outputDir: values.output, verbose: values.verbose });
  console.log(`Built the site into ${values.output}/ in ${result.seconds.toFixed(2)} s`);
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
