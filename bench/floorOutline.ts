/**
 * What the floor server (bench/floor.ts) computes, pure: the least any server answering documentSymbol and
 * foldingRange for these documents must do. Four heading regexes on each line, a symbol tree by level, a folding
 * range per heading that has lines under it. Optionally at most `maxSymbols` symbols, outermost levels first, as
 * ours does with `gongwen.outline.maxItems` (default 5,000), so that its answers are no bigger than ours.
 */
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver-protocol';

export const FLOOR_HEADINGS: readonly RegExp[] = [
  /^\s*[一二三四五六七八九十百]+、/,
  /^\s*[（(][一二三四五六七八九十百]+[）)]/,
  /^\s*\d+[.．、](?!\d)/,
  /^\s*[（(]\d+[）)]/,
];

/** 1–4 for a heading line, 0 for any other. */
export function floorLevel(line: string): number {
  for (let k = 0; k < FLOOR_HEADINGS.length; k++) {
    if (FLOOR_HEADINGS[k].test(line)) {
      return k + 1;
    }
  }
  return 0;
}

const STRING_KIND = 15; // SymbolKind.String

export function floorOutline(
  lines: readonly string[],
  maxSymbols = Infinity,
  rangeLimit = Infinity,
): { symbols: DocumentSymbol[]; folds: FoldingRange[]; headings: number } {
  const roots: DocumentSymbol[] = [];
  const stack: { level: number; symbol: DocumentSymbol }[] = [];
  const folds: FoldingRange[] = [];
  let headings = 0;
  const close = (symbol: DocumentSymbol, end: number) => {
    symbol.range.end = { line: end, character: lines[end].length };
    if (end > symbol.range.start.line) {
      folds.push({ startLine: symbol.range.start.line, endLine: end });
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const level = floorLevel(lines[i]);
    if (level === 0) {
      continue;
    }
    headings++;
    while (stack.length > 0 && stack[stack.length - 1].level >= level) {
      close(stack.pop()!.symbol, i - 1);
    }
    const whole = { start: { line: i, character: 0 }, end: { line: i, character: lines[i].length } };
    const symbol: DocumentSymbol = {
      name: lines[i].trim().slice(0, 40),
      kind: STRING_KIND,
      range: whole,
      selectionRange: { start: whole.start, end: whole.end },
      children: [],
    };
    (stack.length > 0 ? stack[stack.length - 1].symbol.children! : roots).push(symbol);
    stack.push({ level, symbol });
  }
  while (stack.length > 0) {
    close(stack.pop()!.symbol, lines.length - 1);
  }
  folds.sort((a, b) => a.startLine - b.startLine);
  return { symbols: headings > maxSymbols ? cap(roots, maxSymbols) : roots, folds: folds.slice(0, rangeLimit), headings };
}

/** The first `max` symbols in breadth-first order (outermost levels first), the tree pruned to them. */
export function cap(roots: readonly DocumentSymbol[], max: number): DocumentSymbol[] {
  const keep = new Set<DocumentSymbol>();
  let level: readonly DocumentSymbol[] = roots;
  while (level.length > 0 && keep.size < max) {
    const next: DocumentSymbol[] = [];
    for (const s of level) {
      if (keep.size >= max) {
        break;
      }
      keep.add(s);
      next.push(...(s.children ?? []));
    }
    level = next;
  }
  const prune = (list: readonly DocumentSymbol[]): DocumentSymbol[] =>
    list.filter((s) => keep.has(s)).map((s) => ({ ...s, children: prune(s.children ?? []) }));
  return prune(roots);
}

export function countSymbols(list: readonly { children?: readonly unknown[] }[] | null | undefined): number {
  let n = 0;
  for (const s of list ?? []) {
    n += 1 + countSymbols(s.children as { children?: unknown[] }[] | undefined);
  }
  return n;
}
