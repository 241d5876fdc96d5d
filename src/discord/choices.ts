/** Autocomplete choices made safe for Discord: ≤ 25, names 1–100 characters, values ≤ 100, no duplicates. */
import type { Choice } from "../source/choices";
import * as L from "./limits";
import { truncate } from "./truncate";

/** The engine's autocomplete choice (one type for /ask, /compare and /source). */
export type { Choice };

export function sanitizeChoices(choices: readonly Choice[]): Choice[] {
  const seen = new Set<string>();
  const out: Choice[] = [];
  for (const choice of choices) {
    const value = choice.value.trim();
    // A value cannot be shortened (it is what the command receives), so one that is too long is dropped.
    if (!value || value.length > L.CHOICE_VALUE_MAX || seen.has(value)) continue;
    const name = truncate(choice.name.replace(/\s+/g, " ").trim(), L.CHOICE_NAME_MAX) || truncate(value, L.CHOICE_NAME_MAX);
    if (name.length < L.CHOICE_NAME_MIN) continue;
    seen.add(value);
    out.push({ name, value });
    if (out.length === L.AUTOCOMPLETE_CHOICES_MAX) break;
  }
  return out;
}
