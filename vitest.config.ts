import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // One file at a time: the end-to-end files measure Discord's 3-second window on a 2-core machine,
    // and files running beside them would eat into it. The suite takes about as long either way.
    fileParallelism: false,
  },
});
