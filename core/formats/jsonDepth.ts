// How deep a parsed JSON value nests. JSON.parse takes any depth, but what comes after it
// does not: JSON.stringify, zod and every other recursive walk overflow the stack some
// thousands of levels down, and SQLite's JSON functions refuse more than 1,000. So a
// record nested deeper than MAX_JSON_DEPTH is refused with a reason before anything walks
// it; no tool writes such records (doccano, Prodigy and Spanlab use a handful of levels).

/** The deepest nesting of arrays and objects a record may have. */
export const MAX_JSON_DEPTH = 100;

/// Whether `value` nests arrays and objects more than `limit` levels deep.
export function nestsDeeperThan(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  // A loop, not recursion: the value may be deeper than the stack.
  const pending: [unknown, number][] = [[value, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (typeof item !== 'object' || item === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(item)) if (typeof child === 'object' && child !== null) pending.push([child, depth + 1]);
  }
  return false;
}
