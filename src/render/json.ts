/**
 * The JSON renderer: the CLI contract (`shared/docs/cli-contract.md`). One object per command, with
 * `command` always present; engine-only fields (offsets) are kept, since extra fields are welcome.
 */
export function renderJson(answer: object): string {
  return JSON.stringify(answer);
}
