/** "1 article", "2 articles": a count with its noun in the right number (`many` for irregular plurals). */
export function plural(count: number, noun: string, many = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : many}`;
}
