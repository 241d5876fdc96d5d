// The container files a host uses: the Dockerfile is multi-stage, runs the compiled bot as a non-root user
// with corpus/ and .cache/ as volumes and a HEALTHCHECK on /healthz; the README shows both files as they are.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/child";

const read = (name: string) => readFileSync(join(ROOT, name), "utf8");

describe("container files", () => {
  const dockerfile = read("Dockerfile");
  const instructions = dockerfile.split("\n").filter((l) => /^[A-Z]+ /.test(l));

  it("builds in one stage and runs the compiled code in another, as a non-root user", () => {
    expect(instructions.filter((l) => l.startsWith("FROM "))).toHaveLength(2);
    expect(dockerfile).toMatch(/^RUN node scripts\/build\.mjs$/m);
    expect(dockerfile).toMatch(/^COPY --from=build \/app\/dist dist$/m);
    expect(dockerfile).toMatch(/^RUN npm ci --omit=dev/m);
    const user = instructions.filter((l) => l.startsWith("USER ")).at(-1);
    expect(user).toBe("USER node");
    expect(instructions.findIndex((l) => l.startsWith("USER "))).toBeLessThan(instructions.findIndex((l) => l.startsWith("CMD ")));
    expect(instructions.at(-1)).toBe('CMD ["node", "dist/src/main.js"]');
  });

  it("keeps the articles and the index cache in volumes, where the bot reads them", () => {
    expect(dockerfile).toMatch(/^VOLUME \["\/app\/corpus", "\/app\/\.cache"\]$/m);
    expect(dockerfile).toMatch(/CORPUS_DIR=\/app\/corpus/);
    expect(dockerfile).toMatch(/INDEX_CACHE_DIR=\/app\/\.cache/);
  });

  it("checks its health on the port the endpoint serves", () => {
    expect(dockerfile).toMatch(/HEALTH_PORT=9464/);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n\s+CMD \["node", "-e", ".*\/healthz/m);
  });

  it("is shown in the README as it is, with compose.yaml", () => {
    const readme = read("README.md");
    expect(readme).toContain("```dockerfile\n" + dockerfile + "```");
    expect(readme).toContain("```yaml\n" + read("compose.yaml") + "```");
  });
});
