/**
 * The local console: the bot's commands without Discord. Interactive with a prompt and history on a
 * terminal; with piped input it answers each line and exits.
 */
import { createInterface } from "node:readline";
import type { Engine } from "../engine/engine";
import { answerLine, render } from "./session";

export async function runConsole(engine: Engine, json = false): Promise<void> {
  const interactive = process.stdin.isTTY === true;
  if (interactive) {
    console.log(`News study bot: ${engine.articles.length} article(s) indexed. Running without Discord (no DISCORD_TOKEN).`);
    console.log("Type /help for the commands, /quit to leave.");
  }
  const rl = createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, terminal: interactive, historySize: 200 });
  if (interactive) rl.setPrompt("> ");
  if (interactive) rl.prompt();
  for await (const line of rl) {
    const trimmed = line.trim();
    if (/^\/?(quit|exit)$/i.test(trimmed)) break;
    if (trimmed) console.log(`${render(answerLine(engine, trimmed), json)}\n`);
    if (interactive) rl.prompt();
  }
  rl.close();
}
