/**
 * Choosing what to keep when an answer is over a limit (the client's folding range limit, the outline's maxItems):
 * the outermost levels whole and, of the first level that does not fit whole, the first items in order. Whatever is
 * kept keeps its ancestors, since they sit on levels nearer the top. One count per level and one pass, no sort.
 */

/**
 * `depths[i]` is the level of item i (0 or more; the items in document order). Returns which items to keep, or
 * undefined when all of them fit.
 */
export function keepOutermost(depths: readonly number[], limit: number): boolean[] | undefined {
  if (depths.length <= limit) {
    return undefined;
  }
  const perDepth: number[] = [];
  for (const d of depths) {
    perDepth[d] = (perDepth[d] ?? 0) + 1;
  }
  let cut = 0;
  let room = Math.max(0, limit);
  while (cut < perDepth.length && (perDepth[cut] ?? 0) <= room) {
    room -= perDepth[cut] ?? 0;
    cut++;
  }
  return depths.map((d) => d < cut || (d === cut && room-- > 0));
}
