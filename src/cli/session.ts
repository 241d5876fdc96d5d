/** Answers typed command lines with the engine: shared by the CLI, the console and piped input. */
import type { Engine } from "../engine/engine";
import { dispatch, type Answer } from "../engine/dispatch";
import { parseCommand } from "./parse";
import { renderJson } from "../render/json";
import { renderText } from "../render/text";
import { writeCompareChart } from "../compare/render/chart-file";

export function answerLine(engine: Engine, line: string): Answer {
  const request = parseCommand(line);
  if ("error" in request) return request;
  try {
    return dispatch(engine, request);
  } catch (error) {
    // One failing command must not stop the others: report it and go on.
    console.error(`error while answering ${JSON.stringify(line.slice(0, 200))}:`, error);
    return { command: request.name, error: "Something went wrong while answering this command; it has been logged. Try again or rephrase." };
  }
}

/** A command echoed above its answer in a piped text transcript, as it was typed at the prompt. */
export function heading(line: string): string {
  return `> ${line.trim()}`;
}

export function render(answer: Answer, json: boolean): string {
  return json ? renderJson(answer) : renderText(answer);
}

/**
 * `--chart PATH`: writes each /compare answer's chart (PATH, then PATH-2.png, …); the note goes to stderr,
 * never stdout. Without a path it does nothing.
 */
export function chartWriter(path: string | null): (answer: Answer) => void {
  let written = 0;
  return (answer) => {
    if (!path) return;
    const note = writeCompareChart(answer, path, written + 1);
    if (note === null) return;
    if (note.startsWith("chart written")) written++;
    console.error(note);
  };
}
