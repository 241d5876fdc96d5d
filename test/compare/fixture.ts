/** A small invented corpus for /compare: a recent event reported by three articles, an older one mentioned in passing. */
import { articleText, writeCorpus } from "../support/corpus";

export const EVENT_CORPUS: Record<string, string> = {
  "001_roof.txt": articleText("Roof collapse at Velmora stadium", [
    "Published 13 June 2031",
    "The roof of the Arkel Stadium in Velmora collapsed on Saturday during a cup final, killing 41 people and injuring more than 200. Rescue teams worked through the night to reach people trapped under the steel beams.",
    "The club said the roof had been inspected last spring, and the city council has promised a full inquiry into the design of the stand and the work done on it since it opened.",
    "It is not the first such disaster in the region. In 2019, a bridge collapse in Tarsk killed 12 people, and the inquiry that followed took three years to publish its findings.",
    "Supporters gathered outside the ground on Sunday to lay flowers and scarves along the fence, while the league suspended all matches for the rest of the month.",
  ]),
  "002_toll.txt": articleText("Velmora stadium disaster toll rises", [
    "Published 14 June 2031",
    "At least 45 people died when the roof of the Arkel Stadium in Velmora gave way on Saturday, as rescuers recovered more bodies from the rubble overnight.",
    "Officials said 180 people were injured, many of them seriously, and that the hospitals of the city were struggling to cope with the number of patients arriving.",
    "Engineers had warned about the state of the roof for years, according to letters seen by reporters, but the repairs they asked for were postponed twice for lack of money.",
    "The mayor declared three days of mourning and asked residents to donate blood at the main hospital, where queues formed early on Sunday morning.",
  ]),
  "003_questions.txt": articleText("Questions after the Velmora collapse", [
    "Published 15 June 2031",
    "Nearly 50 people were killed in the collapse at the Arkel Stadium in Velmora, officials said, making it the deadliest accident in the country for a decade.",
    "Police arrested three engineers on Monday on suspicion of negligence, and investigators seized the files of the company that maintained the roof.",
    "The disaster recalls the 2019 collapse of a bridge in Tarsk, in which 12 people died, and the promises of stricter inspections that were made at the time.",
    "Families of the victims have asked for the inquiry to be led by a judge rather than by the ministry, which they accuse of having ignored the warnings.",
  ]),
};

export function eventCorpusDir(): string {
  return writeCorpus(EVENT_CORPUS);
}

export const NO_FIGURES_CORPUS: Record<string, string> = {
  "001_quiet.txt": articleText("A quiet season at the harbour", [
    "The harbour was calm this spring, and fishermen said the weather had been kind.",
    "Local cafés reported a steady trade through the season.",
  ]),
};
