/**
 * The local console: the bot's commands without Discord. Interactive with a prompt and history on a
 * terminal; with piped input it answers each line and exits.
 */
import { createInterface } from "node:readline";
import type { Engine } from "../engine/engine";
import { answerLine, chartWriter, render } from "./session";

/**
 * `engine` may be a getter, so a live reload swaps the engine between two lines; `chart` is a PNG path
 * where each /compare answer's chart is written (`--chart PATH`).
 */
export async function runConsole(engine: Engine | (() => Engine), json = false, chart: string | null = null): Promise<void> {
  const writeChart = chartWriter(chart);
  const current = (): Engine => (typeof engine === "function" ? engine() : engine);
  const interactive = process.stdin.isTTY === true;
  if (interactive) {
    console.log(`News study bot: ${current().articles.length} article(s) indexed. Running without Discord (no DISCORD_TOKEN).`);
    console.log("Type /help for the commands, /quit to leave.");
  }
  const rl = createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, terminal: interactive, historySize: 200 });
  if (interactive) rl.setPrompt("> ");
  if (interactive) rl.prompt();
  for await (const line of rl) {
    const trimmed = line.trim();
    if (/^\/?(quit|exit)$/i.test(trimmed)) break;
    if (trimmed) {
      const answer = answerLine(current(), trimmed);
      console.log(`${render(answer, json)}\n`);
      writeChart(answer);
    }
    if (interactive) rl.prompt();
  }
  rl.close();
}
