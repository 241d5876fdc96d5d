/** `/help` — the commands and their options, read from the command definitions themselves. */
import { SlashCommandBuilder } from "discord.js";
import { makeEmbed, fitMessage } from "../src/discord/embed";
import { message, type Reply } from "../src/discord/reply";
import * as ask from "./ask";
import * as compare from "./compare";
import * as source from "./source";
import * as reload from "./reload";
import * as add from "./add";
import * as remove from "./remove";

export const data = new SlashCommandBuilder().setName("help").setDescription("What this bot can do, and how to ask it");

const NOTES = [
  "Quotes are the articles' own words; **bold** marks the words you asked about.",
  "Buttons under an answer turn its pages; only the person who asked can use them.",
  `/add is for administrators and the roles they chose; give it one file or one link (at most ${add.SIZE_LIMIT}, public web pages only).`,
];

type Described = { name: string; description: string; options?: Described[] };

export function execute(): Reply {
  const listed = [ask, compare, source, { data }, reload, add, remove].map((m) => m.data.toJSON() as Described);
  const fields = listed.map((c) => {
    const options = c.options ?? [];
    const usage = `/${c.name}${options.map((o) => ` ${o.name}:`).join("")}`;
    const details = options.map((o) => `• \`${o.name}\`: ${o.description}`);
    return { name: usage, value: [c.description, ...details].join("\n") };
  });
  return message({ embeds: fitMessage([makeEmbed({ title: "What I can do", description: NOTES.join("\n"), fields })]) }, true);
}
