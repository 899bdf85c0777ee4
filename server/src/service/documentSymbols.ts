/** Document symbols: the sections, nested, named marker + title, ranging over the whole section. */
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import type { Config } from '../core/config';
import type { Outline, Section } from '../core/model';
import { Localize, SERVICE_MESSAGES } from './localize';

/** Cuts a title at `max` characters (whole code points) with an ellipsis. */
export function shorten(title: string, max: number): string {
  const chars = Array.from(title);
  return chars.length <= max ? title : chars.slice(0, max - 1).join('') + '…';
}

export function sectionName(s: Section, max: number): string {
  return s.marker.text.trim() + shorten(s.title, max);
}

const KIND_BY_LEVEL = [SymbolKind.Namespace, SymbolKind.Class, SymbolKind.Method, SymbolKind.Field, SymbolKind.Constant];

export function documentSymbols(outline: Outline, config: Config, t: Localize): DocumentSymbol[] {
  const toSymbol = (s: Section): DocumentSymbol => {
    const children = s.children.map(toSymbol);
    if (config.inlineItems) {
      for (const { line, item } of s.inline) {
        const range = { start: { line, character: item.start }, end: { line, character: item.end } };
        children.push({ name: item.text, kind: SymbolKind.EnumMember, range, selectionRange: range });
      }
      children.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    }
    const range = { start: { line: s.line, character: 0 }, end: { line: s.endLine, character: s.endCharacter } };
    const selectionRange = {
      start: { line: s.line, character: s.marker.start },
      end: { line: s.titleEndLine, character: Math.max(s.titleEndCharacter, s.titleEndLine === s.line ? s.marker.end : 0) },
    };
    return {
      name: sectionName(s, config.titleMaxLength),
      detail: t(SERVICE_MESSAGES.chars, outline.charsBetween(s.line, s.endLine)),
      kind: KIND_BY_LEVEL[s.level - 1],
      range,
      selectionRange,
      children,
    };
  };
  return outline.sections.map(toSymbol);
}
