import type { Section } from '../model';

/** The heading line of a section as a finding range: from the marker to the end of the title on its first line. */
export function headingRange(s: Section): { line: number; character: number; endLine: number; endCharacter: number } {
  const end = s.titleEndLine === s.line ? Math.max(s.titleEndCharacter, s.marker.end) : s.marker.end;
  return { line: s.line, character: s.marker.start, endLine: s.line, endCharacter: end };
}

export function markerRange(s: Section): { line: number; character: number; endLine: number; endCharacter: number } {
  return { line: s.line, character: s.marker.start, endLine: s.line, endCharacter: s.marker.end };
}

/** The children of a parent (or the top-level sections), grouped by level in document order. */
export function byLevel(children: readonly Section[]): Section[][] {
  const groups = new Map<number, Section[]>();
  for (const c of children) {
    let g = groups.get(c.level);
    if (g === undefined) {
      g = [];
      groups.set(c.level, g);
    }
    g.push(c);
  }
  return [...groups.values()];
}

/** Every list of siblings in the outline: the top level, then each section's children. */
export function* siblingLists(sections: readonly Section[], all: readonly Section[]): Generator<readonly Section[]> {
  yield sections;
  for (const s of all) {
    if (s.children.length > 0) {
      yield s.children;
    }
  }
}

export function label(s: Section): string {
  return s.marker.text.trim() + s.title;
}
