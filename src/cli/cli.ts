/**
 * `npm run -s cli -- [--json] [--corpus DIR] [COMMAND ...]`: answers one command from the arguments, or
 * one command per line of stdin. Replies go to stdout; progress and logs to stderr.
 */
import { createInterface } from "node:readline";
import { parseArgs } from "./args";
import { answerLine, chartWriter, heading, render } from "./session";
import { openEngine } from "./start";

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const engine = await openEngine(args.corpus);
  const chart = chartWriter(args.chart);
  if (args.command !== null) {
    const answer = answerLine(engine, args.command);
    process.stdout.write(`${render(answer, args.json)}\n`);
    chart(answer);
    return;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const answer = answerLine(engine, line);
    // Text answers follow their command as a heading; JSON keeps exactly one object a line.
    process.stdout.write(args.json ? `${render(answer, true)}\n` : `${heading(line)}\n${render(answer, false)}\n\n`);
    chart(answer);
  }
}

await main();
