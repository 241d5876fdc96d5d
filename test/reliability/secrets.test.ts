/**
 * Secrets: the bot token never reaches logs, errors or crash output (checked by grepping everything a
 * child process printed, including an unhandled rejection and a crash), and `.env` is git-ignored.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REDACTED, redact } from "../../src/process/safety";
import { ROOT, runTsx } from "../support/child";
import { CANARY_TOKEN, leaks } from "./canary";

describe("redact", () => {
  it("replaces the token as is, URL-encoded and base64, and anything token-shaped", () => {
    const other = "MTAwMDAwMDAwMDAwMDAwMDAwMA.Gxxxxx.abcdefghijklmnopqrstuvwxyz0123";
    const text = `a ${CANARY_TOKEN} b ${encodeURIComponent(CANARY_TOKEN)} c ${Buffer.from(CANARY_TOKEN).toString("base64")} d Bot ${other}`;
    const out = redact(text, [CANARY_TOKEN]);
    expect(leaks(out)).toEqual([]);
    expect(out).not.toContain(other);
    expect(out.split(REDACTED)).toHaveLength(5);
  });

  it("leaves ordinary text alone, and ignores secrets too short to be tokens", () => {
    expect(redact("The council said 12 people were hurt.", ["said", CANARY_TOKEN])).toBe("The council said 12 people were hurt.");
  });
});

describe("a process with the safety nets on", () => {
  const script = `
    import { scrubOutput, installProcessGuards } from ${JSON.stringify(join(ROOT, "src/process/safety.ts"))};
    const token = process.env.CANARY!;
    scrubOutput([token]);
    installProcessGuards({ secrets: [token] });
    console.log("login with", token);
    console.error({ rest: { headers: { Authorization: "Bot " + token } } });
    console.warn(new Error("401 for token " + token));
    process.stderr.write(Buffer.from("raw buffer " + token + "\\n"));
    Promise.reject(new Error("rejected while using " + token));
    setTimeout(() => {
      console.log("still running after the rejection");
      setTimeout(() => { throw new Error("crash holding " + token); }, 10);
    }, 50);
  `;

  it("prints no form of the token, keeps running after an unhandled rejection, and exits 1 on a crash", () => {
    const dir = mkdtempSync(join(tmpdir(), "secrets-"));
    const file = join(dir, "leaky.ts");
    writeFileSync(file, script);
    const r = runTsx([file], { env: { ...process.env, CANARY: CANARY_TOKEN } });
    const output = `${r.stdout}\n${r.stderr}`;
    expect(leaks(output)).toEqual([]);
    expect(r.stdout).toContain(`login with ${REDACTED}`);
    expect(r.stderr).toMatch(/unhandled promise rejection \(logged; the bot keeps running\): Error: rejected while using \[redacted\]/);
    expect(r.stdout).toContain("still running after the rejection");
    expect(r.stderr).toMatch(/uncaught exception, stopping: Error: crash holding \[redacted\]/);
    expect(r.status).toBe(1);
  });

  it("without the nets the same script would leak (the check above can fail)", () => {
    const dir = mkdtempSync(join(tmpdir(), "secrets-"));
    const file = join(dir, "bare.ts");
    writeFileSync(file, `console.log("login with", process.env.CANARY);`);
    const r = runTsx([file], { env: { ...process.env, CANARY: CANARY_TOKEN } });
    expect(leaks(r.stdout)).not.toEqual([]);
  });
});

const IN_GIT_CHECKOUT = existsSync(join(ROOT, ".git")) && spawnSync("git", ["--version"]).status === 0;

describe(".env", () => {
  it("is ignored by git, so a token saved there is never committed", () => {
    const git = spawnSync("git", ["check-ignore", "--no-index", "-q", ".env"], { cwd: ROOT });
    if (git.error || !existsSync(join(ROOT, ".git"))) {
      // No git (an unpacked archive): the rule itself must still be there.
      expect(readFileSync(join(ROOT, ".gitignore"), "utf8").split(/\r?\n/)).toContain(".env");
      return;
    }
    expect(git.status).toBe(0);
  });

  // Only a git checkout can track files; an unpacked archive has nothing to check.
  it.skipIf(!IN_GIT_CHECKOUT)("is not tracked", () => {
    const git = spawnSync("git", ["ls-files", "--error-unmatch", ".env"], { cwd: ROOT, encoding: "utf8" });
    expect(git.status).toBe(1);
    expect(git.stderr).toMatch(/did not match any file/);
  });
});
