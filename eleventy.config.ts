// The site is a composition of plugins, each in src/site/plugin.ts. Eleventy's input folder is the
// content folder (npm scripts pass content/ and _site/; tests pass their own).
import { archiveData, archivePages, devServer, servedPath, staticAssets, type EleventyConfig } from "./src/site/plugin.ts";

export default function (eleventyConfig: EleventyConfig & { addPlugin: Function }) {
  eleventyConfig.addPlugin(archiveData);
  eleventyConfig.addPlugin(archivePages);
  eleventyConfig.addPlugin(staticAssets);
  eleventyConfig.addPlugin(devServer);
  // The dev server serves the site under the base URL's path, as it will be published.
  return { pathPrefix: servedPath(eleventyConfig.directories.input) };
}

// Templates are virtual (layouts/); Markdown under content/ is read by the archive, not by Eleventy.
export const config = {
  templateFormats: ["11ty.js"],
};
