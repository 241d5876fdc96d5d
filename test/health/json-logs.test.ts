// LOG_FORMAT=json: one JSON object a line on stderr, with the details as fields, still scrubbed of the
// token, crashes included (checked in a child process, whose stderr is real).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REDACTED } from "../../src/process/safety";
import { FAKE_TOKEN } from "../support/fake-discord";
import { ROOT, runTsx } from "../support/child";

const script = `
  import { scrubOutput, installProcessGuards } from ${JSON.stringify(join(ROOT, "src/process/safety.ts"))};
  import { createLogger } from ${JSON.stringify(join(ROOT, "src/discord/log.ts"))};
  const token = process.env.CANARY!;
  scrubOutput([token]);
  const log = createLogger("info", undefined, "json");
  installProcessGuards({ secrets: [token], log: (message) => log.error(message) });
  log.debug("not shown");
  log.warn("login with " + token + " refused", { error: new Error("bad token " + token + "\\nsecond line"), user: "42" });
  Promise.reject(new Error("rejected while using " + token));
`;

describe("JSON logs", () => {
  it("writes one parseable object a line (a rejection included), token redacted, errors as their stack", () => {
    const file = join(mkdtempSync(join(tmpdir(), "json-logs-")), "logs.ts");
    writeFileSync(file, script);
    const r = runTsx([file], { env: { ...process.env, CANARY: FAKE_TOKEN } });
    expect(r.stderr).not.toContain(FAKE_TOKEN);
    const records = r.stderr.split("\n").filter(Boolean).map((line) => JSON.parse(line));
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ level: "warn", msg: `login with ${REDACTED} refused`, user: "42" });
    expect(Object.keys(records[0]).slice(0, 3)).toEqual(["time", "level", "msg"]);
    expect(records[0].error.startsWith(`Error: bad token ${REDACTED}\nsecond line\n`)).toBe(true);
    expect(Number.isNaN(Date.parse(records[0].time))).toBe(false);
    expect(records[1].level).toBe("error");
    expect(records[1].msg.startsWith(`unhandled promise rejection (logged; the bot keeps running): Error: rejected while using ${REDACTED}\n`)).toBe(true);
  });
});
