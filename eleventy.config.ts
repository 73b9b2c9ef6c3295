// The site is a composition of plugins; each lives in src/site/plugin.ts.
import { archiveData, archivePages, staticAssets, type EleventyConfig } from "./src/site/plugin.ts";

export default function (eleventyConfig: EleventyConfig & { addPlugin: Function }) {
  eleventyConfig.addPlugin(archiveData);
  eleventyConfig.addPlugin(archivePages);
  eleventyConfig.addPlugin(staticAssets);
}

// Defaults for `npm run build` and `npm start`; a command line or test may name other folders.
// Templates are virtual (layouts/); Markdown under content/ is read by the archive, not by Eleventy.
export const config = {
  dir: { input: "content", output: "_site" },
  templateFormats: ["11ty.js"],
};
