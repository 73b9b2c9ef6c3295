import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Eleventy imports eleventy.config.ts itself: workers load TypeScript through tsx, as the CLIs do.
    pool: "forks",
    poolOptions: { forks: { execArgv: ["--import", "tsx"] } },
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
