/** Every slash command, in the order /help and the deploy script list them. */
import type { CommandModule } from "../src/discord/command";
import * as ask from "./ask";
import * as compare from "./compare";
import * as source from "./source";
import * as help from "./help";
import * as reload from "./reload";
import * as add from "./add";
import * as remove from "./remove";

export const commands: readonly CommandModule[] = [ask, compare, source, help, reload, add, remove];
