/**
 * Reads a command line as a user types it in Discord: `/ask who claimed the attack`,
 * `/source 003 page:2`, `/compare deaths`. Named options are written `name:value`; the text that is not
 * a named option fills the command's main option.
 */
import { COMMAND_OPTIONS, type CommandName, type CommandRequest } from "../engine/request";

export interface ParseError {
  error: string;
  /** The command word, when one was recognised. */
  command: string;
}

const NAMES = Object.keys(COMMAND_OPTIONS) as CommandName[];

export function parseCommand(line: string): CommandRequest | ParseError {
  const trimmed = line.trim();
  const m = /^\/?([\p{L}\p{N}_-]+)(?:\s+([\s\S]*))?$/u.exec(trimmed);
  const word = m?.[1]?.toLowerCase() ?? "";
  if (!m || !NAMES.includes(word as CommandName)) {
    const shown = trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed;
    return {
      command: word || "unknown",
      error: `"${shown}" is not a command. Commands: ${NAMES.map((n) => `/${n}`).join(", ")}. Example: /ask who claimed the attack`,
    };
  }
  const name = word as CommandName;
  return { name, options: readOptions(name, m[2] ?? "") };
}

function readOptions(name: CommandName, rest: string): Record<string, string> {
  const spec = COMMAND_OPTIONS[name];
  const options: Record<string, string> = {};
  const free: string[] = [];
  // A named option's value runs until the next `name:` of this command or the end of the line.
  const pattern = new RegExp(`(?:^|\\s)(${spec.named.join("|") || "(?!)"}):`, "gi");
  const marks = [...rest.matchAll(pattern)];
  free.push(rest.slice(0, marks[0]?.index ?? rest.length));
  marks.forEach((mark, i) => {
    const valueStart = mark.index + mark[0].length;
    const valueEnd = marks[i + 1]?.index ?? rest.length;
    options[mark[1]!.toLowerCase()] = rest.slice(valueStart, valueEnd).trim();
  });
  const main = free.join(" ").trim();
  if (spec.main && main) options[spec.main] = main;
  // `summary` is a flag in the console: "/source 3 summary" as well as "summary:true".
  if (name === "source" && /(?:^|\s)summary$/i.test(options.id ?? "")) {
    options.id = options.id!.replace(/\s*summary$/i, "");
    options.summary = "true";
    if (!options.id) delete options.id;
  }
  return options;
}
