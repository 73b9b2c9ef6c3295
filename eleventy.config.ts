// The site is a composition of plugins, in src/eleventy/plugins.ts and serve.ts. Eleventy's input folder is the
// content folder (npm scripts pass content/ and _site/; tests pass their own).
import { archiveData, archivePages, contentIsData, devServer, noDataFolder, servedPath, staticAssets, type EleventyConfig } from "./src/eleventy/plugins.ts";
import { isServing, pagesOnRequest } from "./src/eleventy/serve.ts";

export default function (eleventyConfig: EleventyConfig & { addPlugin: Function }) {
  eleventyConfig.addPlugin(contentIsData);
  eleventyConfig.addPlugin(archiveData);
  // A build writes every page; `npm start` renders each page when it is asked for (src/eleventy/serve.ts).
  eleventyConfig.addPlugin(isServing() ? pagesOnRequest : archivePages);
  eleventyConfig.addPlugin(staticAssets);
  eleventyConfig.addPlugin(devServer);
  // The dev server serves the site under the base URL's path, as it will be published.
  const input = eleventyConfig.directories.input;
  return { pathPrefix: servedPath(input), dir: { data: noDataFolder(input) } };
}

// Templates are virtual (layouts/); Markdown under content/ is read by the archive, not by Eleventy.
export const config = {
  templateFormats: ["11ty.js"],
};
