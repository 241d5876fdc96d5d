/** The command-line flags shared by `npm start` and `npm run cli`. */
import { DEFAULT_CORPUS_DIR } from "../config";

export interface CliArgs {
  json: boolean;
  corpus: string;
  /** Where `/compare` writes its chart (PNG), when asked. */
  chart: string | null;
  /** A command given in the arguments; null means "read commands from stdin". */
  command: string | null;
}

export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): CliArgs {
  const args: CliArgs = { json: false, corpus: env.CORPUS_DIR || DEFAULT_CORPUS_DIR, chart: null, command: null };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--json") args.json = true;
    else if (a === "--corpus" && i + 1 < argv.length) args.corpus = argv[++i]!;
    else if (a.startsWith("--corpus=")) args.corpus = a.slice("--corpus=".length);
    else if (a === "--chart" && i + 1 < argv.length) args.chart = argv[++i]!;
    else if (a.startsWith("--chart=")) args.chart = a.slice("--chart=".length);
    else words.push(a);
  }
  if (words.length > 0) args.command = words.join(" ");
  return args;
}
