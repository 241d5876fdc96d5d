/** Routes a parsed command to the engine: the one entry point of the console and the CLI. */
import type { Engine } from "./engine";
import type { CommandRequest } from "./request";
import type { AskAnswer, CompareAnswer, CompareTopicsAnswer, ErrorAnswer, HelpAnswer, SourceAnswer, SourceListAnswer } from "./answers";

export type Answer = AskAnswer | CompareAnswer | CompareTopicsAnswer | ErrorAnswer | HelpAnswer | SourceAnswer | SourceListAnswer;

export const HELP: HelpAnswer = {
  command: "help",
  commands: [
    { usage: "/ask <question>", description: "Passages that answer the question, quoted verbatim with their source." },
    { usage: "/compare [topic]", description: "The figures the articles give on a topic (deaths, injured, arrests…), side by side." },
    { usage: "/source [id] [page:N] [paragraph:N or N-M] [find:words] [summary]", description: "One article: who published it, a summary, its text page by page." },
    { usage: "/help", description: "This list." },
  ],
};

export function dispatch(engine: Engine, request: CommandRequest): Answer {
  switch (request.name) {
    case "ask":
      return engine.ask(request.options.question ?? "");
    case "source":
      return engine.source(request.options);
    case "compare":
      return engine.compare(request.options.topic ?? "");
    case "help":
      return HELP;
    default:
      return { command: request.name, error: `/${request.name} is not yet available in this version.` };
  }
}
