/**
 * A text document backed by the incremental line table: it takes the content changes of incremental sync as
 * vscode-languageserver-textdocument's TextDocument does, with the same positions and line breaks, but an edit only
 * re-scans the lines it touches. The outline is built once per version and cached.
 */
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { LineTable } from '../core/lines';
import type { Outline } from '../core/model';
import { parse } from '../core/parser';

export class GongwenDocument {
  private readonly table: LineTable;
  private cached: { revision: number; outline: Outline } | undefined;
  private offsets: { revision: number; starts: number[] } | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    text: string,
  ) {
    this.table = new LineTable(text);
  }

  get lineCount(): number {
    return this.table.lineCount;
  }

  /** The outline of the current version (built at most once per version). */
  get outline(): Outline {
    if (this.cached === undefined || this.cached.revision !== this.table.version) {
      this.cached = { revision: this.table.version, outline: parse(this.table) };
    }
    return this.cached.outline;
  }

  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change) {
        const { start, end } = change.range;
        this.table.applyEdit({
          startLine: start.line,
          startCharacter: start.character,
          endLine: end.line,
          endCharacter: end.character,
          text: change.text,
        });
      } else {
        this.table.setText(change.text);
      }
    }
    this.version = version;
  }

  lineText(line: number): string {
    return this.table.line(line);
  }

  getText(range?: Range): string {
    const text = this.table.getText();
    return range === undefined ? text : text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  private lineStarts(): number[] {
    if (this.offsets === undefined || this.offsets.revision !== this.table.version) {
      // rebuilt lazily: positionAt/offsetAt are not on the keystroke path of any feature
      this.offsets = { revision: this.table.version, starts: this.table.lineStarts() };
    }
    return this.offsets.starts;
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts();
    if (position.line >= starts.length) {
      return this.table.getText().length;
    }
    const line = Math.max(position.line, 0);
    return starts[line] + Math.min(Math.max(position.character, 0), this.table.line(line).length);
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return { line: lo, character: Math.min(Math.max(offset - starts[lo], 0), this.table.line(lo).length) };
  }
}
