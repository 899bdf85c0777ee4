/** Binary search over lists in order: the one way the core finds a place by line or value. */

/** The index of the first of `count` items for which `before(i)` is false, when it is true for a prefix of them. */
export function partition(count: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/** The index of the first number that is `value` or more, in a sorted list (its length when there is none). */
export function firstAtLeast(sorted: readonly number[], value: number): number {
  return partition(sorted.length, (i) => sorted[i] < value);
}

/** The index of the last number that is `value` or less, in a sorted list (-1 when there is none). */
export function lastAtMost(sorted: readonly number[], value: number): number {
  return partition(sorted.length, (i) => sorted[i] <= value) - 1;
}

/** The index of the first item on line `line` or after it, in a list in line order (its length when there is none). */
export function firstOnOrAfter(items: readonly { readonly line: number }[], line: number): number {
  return partition(items.length, (i) => items[i].line < line);
}
