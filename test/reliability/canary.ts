/** A bot token for the leak checks: recognizable, token-shaped, and not anything real. */
import { secretForms } from "../../src/process/safety";

export const CANARY_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GcAnRy.canary-secret-do-not-print-0123456789abcdef";

/** Every form of the canary a leak could take (as is, encoded, its secret part alone), found in `output`. */
export function leaks(output: string): string[] {
  return [...secretForms(CANARY_TOKEN), CANARY_TOKEN.split(".")[2]!].filter((f) => output.includes(f));
}
