// Plugins published without type declarations.
declare module "markdown-it-image-figures" {
  import type MarkdownIt from "markdown-it";
  const plugin: MarkdownIt.PluginWithOptions<Record<string, unknown>>;
  export default plugin;
}
