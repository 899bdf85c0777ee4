/** Document symbols: the sections, nested, named marker + title, ranging over the whole section. */
import { DocumentSymbol, Range, SymbolKind } from 'vscode-languageserver';
import type { Config } from '../core/config';
import type { Outline, Section } from '../core/model';
import { keepOutermost } from './limit';
import { Localize, SERVICE_MESSAGES } from './localize';

/** Cuts a title at `max` characters (whole code points) with an ellipsis. */
export function shorten(title: string, max: number): string {
  if (title.length <= max) {
    return title; // no more code points than UTF-16 units: nothing to cut
  }
  const chars = Array.from(title);
  return chars.length <= max ? title : chars.slice(0, max - 1).join('') + '…';
}

export function sectionName(outline: Outline, s: Section, max: number): string {
  return s.marker.text.trim() + shorten(outline.titleOf(s).text, max);
}

/** A heading: from its marker to the end of its title (which may wrap onto the next lines). */
export function headingRange(outline: Outline, s: Section): Range {
  const title = outline.titleOf(s);
  return {
    start: { line: s.line, character: s.marker.start },
    end: { line: title.endLine, character: Math.max(title.endCharacter, title.endLine === s.line ? s.marker.end : 0) },
  };
}

const KIND_BY_LEVEL = [SymbolKind.Namespace, SymbolKind.Class, SymbolKind.Method, SymbolKind.Field, SymbolKind.Constant];

/** `t(template, n)` for many numbers: the template is translated once and the number put in its place. */
function numberFormatter(t: Localize, template: string): (n: number) => string {
  const slot = '\u0000';
  const translated = t(template, slot);
  const at = translated.indexOf(slot);
  if (at < 0 || translated.indexOf(slot, at + 1) >= 0) {
    return (n) => t(template, n);
  }
  const before = translated.slice(0, at);
  const after = translated.slice(at + 1);
  return (n) => before + n + after;
}

/** How many entries the full outline of a document has: its sections, and their 一是/二是 when those are shown. */
export function outlineSize(outline: Outline, config: Config): number {
  let n = outline.all.length;
  if (config.inlineItems) {
    for (const s of outline.all) {
      n += outline.textOf(s).inline.length;
    }
  }
  return n;
}

/** Which sections and inline items an outline over `config.outlineMaxItems` keeps. */
export interface Filter {
  kept(s: Section): boolean;
  keptInline(s: Section, j: number): boolean;
}

/**
 * Which sections and inline items stay in an outline over `config.outlineMaxItems` (the outermost levels), as
 * `kept(section)` and `keptInline(section, j)`; everything when the outline fits.
 */
export function outlineFilter(outline: Outline, config: Config): Filter {
  const depths: number[] = [];
  const first: number[] = []; // index in `depths` of each section
  for (const s of outline.all) {
    first.push(depths.length);
    depths.push(s.level);
    if (config.inlineItems) {
      for (let j = 0; j < outline.textOf(s).inline.length; j++) {
        depths.push(s.level + 1);
      }
    }
  }
  const keep = keepOutermost(depths, config.outlineMaxItems);
  if (keep === undefined) {
    return { kept: () => true, keptInline: () => true };
  }
  return { kept: (s) => keep[first[s.index]], keptInline: (s, j) => keep[first[s.index] + 1 + j] };
}

/** The outline as nested symbols, at most `config.outlineMaxItems` of them. */
export function documentSymbols(outline: Outline, config: Config, t: Localize, filter = outlineFilter(outline, config)): DocumentSymbol[] {
  const chars = numberFormatter(t, SERVICE_MESSAGES.chars);
  const { kept, keptInline } = filter;
  const toSymbol = (s: Section): DocumentSymbol => {
    const children = s.children.filter(kept).map(toSymbol);
    if (config.inlineItems) {
      outline.textOf(s).inline.forEach(({ line, item }, j) => {
        if (keptInline(s, j)) {
          const range = { start: { line, character: item.start }, end: { line, character: item.end } };
          children.push({ name: item.text, kind: SymbolKind.EnumMember, range, selectionRange: range });
        }
      });
      children.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    }
    const endLine = outline.endOf(s);
    const range = { start: { line: s.line, character: 0 }, end: { line: endLine, character: outline.line(endLine).length } };
    const symbol: DocumentSymbol = {
      name: sectionName(outline, s, config.titleMaxLength),
      detail: chars(outline.charsBetween(s.line, endLine)),
      kind: KIND_BY_LEVEL[s.level - 1],
      range,
      selectionRange: headingRange(outline, s),
    };
    if (children.length > 0) {
      symbol.children = children; // optional in LSP: leaves (most headings) send none
    }
    return symbol;
  };
  return outline.sections.filter(kept).map(toSymbol);
}
