/**
 * The local console: the bot's commands without Discord. Interactive with a prompt and history on a
 * terminal; with piped input it answers each line (under the line itself, as a heading) and exits.
 */
import { clearLine, createInterface, cursorTo, type Interface } from "node:readline";
import type { Engine } from "../engine/engine";
import { answerLine, chartWriter, heading, render } from "./session";
import { plural } from "../text/plural";

export interface ConsoleOptions {
  json?: boolean;
  /** A PNG path where each /compare answer's chart is written (`--chart PATH`). */
  chart?: string | null;
  /** The streams (tests); default stdin and stdout, interactive when stdin is a terminal. */
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  terminal?: boolean;
}

export interface LocalConsole {
  /** Prints a line from elsewhere (the corpus watcher) above the prompt, and redraws the prompt and what was typed. */
  notice(line: string): void;
  /** Answers lines until /quit or the end of the input. */
  run(): Promise<void>;
}

/** `engine` may be a getter, so a live reload swaps the engine between two lines. */
export function openConsole(engine: Engine | (() => Engine), options: ConsoleOptions = {}): LocalConsole {
  const { json = false } = options;
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const interactive = options.terminal ?? process.stdin.isTTY === true;
  const writeChart = chartWriter(options.chart ?? null);
  const current = (): Engine => (typeof engine === "function" ? engine() : engine);
  const print = (text: string) => output.write(`${text}\n`);
  let rl: Interface | null = null;

  return {
    notice(line) {
      if (!rl || !interactive) {
        console.error(line);
        return;
      }
      clearLine(output, 0);
      cursorTo(output, 0);
      print(line);
      rl.prompt(true);
    },
    async run() {
      if (interactive) {
        print(`News study bot: ${plural(current().articles.length, "article")} indexed. Running without Discord (no DISCORD_TOKEN).`);
        print("Type /help for the commands, /quit to leave.");
      }
      rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, historySize: 200 });
      rl.setPrompt("> ");
      if (interactive) rl.prompt();
      for await (const line of rl) {
        const trimmed = line.trim();
        if (/^\/?(quit|exit)$/i.test(trimmed)) break;
        if (trimmed) {
          const answer = answerLine(current(), trimmed);
          // Piped text answers follow their command, so a transcript reads as one; JSON stays one object a line.
          if (!interactive && !json) print(heading(trimmed));
          print(`${render(answer, json)}\n`);
          writeChart(answer);
        }
        if (interactive) rl.prompt();
      }
      rl.close();
      rl = null;
    },
  };
}
