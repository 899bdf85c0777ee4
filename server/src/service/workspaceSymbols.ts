/** Workspace symbols: the headings of the open documents, searchable by title. */
import { SymbolInformation, SymbolKind } from 'vscode-languageserver';
import type { Outline } from '../core/model';
import { containsInOrder, normalizeTitle } from '../core/pattern';
import { sectionName } from './documentSymbols';

export const MAX_WORKSPACE_SYMBOLS = 500;

export function workspaceSymbols(
  docs: Iterable<{ uri: string; outline: Outline }>,
  query: string,
  titleMaxLength: number,
): SymbolInformation[] {
  const q = normalizeTitle(query);
  const out: SymbolInformation[] = [];
  for (const { uri, outline } of docs) {
    for (const s of outline.all) {
      // every character of the query, in order, somewhere in the title: a fuzzy match, as VS Code users expect
      if (!containsInOrder(normalizeTitle(outline.titleOf(s).text), q)) {
        continue;
      }
      out.push({
        name: sectionName(outline, s, titleMaxLength),
        kind: SymbolKind.Namespace,
        location: { uri, range: { start: { line: s.line, character: s.marker.start }, end: { line: s.line, character: s.marker.end } } },
        containerName: s.parent !== undefined ? sectionName(outline, s.parent, titleMaxLength) : undefined,
      });
      if (out.length >= MAX_WORKSPACE_SYMBOLS) {
        return out;
      }
    }
  }
  return out;
}
