/**
 * `npm run -s cli -- [--json] [--corpus DIR] [COMMAND ...]`: answers one command from the arguments, or
 * one command per line of stdin. Replies go to stdout; progress and logs to stderr.
 */
import { createInterface } from "node:readline";
import { parseArgs } from "./args";
import { answerLine, render } from "./session";
import { openEngine } from "./start";

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const engine = await openEngine(args.corpus);
  if (args.command !== null) {
    process.stdout.write(`${render(answerLine(engine, args.command), args.json)}\n`);
    return;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    process.stdout.write(`${render(answerLine(engine, line), args.json)}\n${args.json ? "" : "\n"}`);
  }
}

await main();
