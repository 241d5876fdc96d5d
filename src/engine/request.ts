/** A command as the engine takes it, whatever it came from (a typed line, a Discord interaction). */
export type CommandName = "ask" | "compare" | "source" | "help";

export interface CommandRequest {
  name: CommandName;
  /** Option values by Discord option name (`question`, `topic`, `id`, `page`, …). */
  options: Record<string, string>;
}

/** Each command's main option (what unnamed text fills in the console) and its named options. */
export const COMMAND_OPTIONS: Record<CommandName, { main: string | null; named: string[] }> = {
  // `private` keeps a Discord answer to the asker; the console accepts it and has nobody to hide from.
  ask: { main: "question", named: ["private"] },
  compare: { main: "topic", named: ["private"] },
  source: { main: "id", named: ["page", "paragraph", "find", "summary", "private"] },
  help: { main: null, named: [] },
};
