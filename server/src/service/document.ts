/**
 * A text document backed by the incremental line table: it takes the content changes of incremental sync as
 * vscode-languageserver-textdocument's TextDocument does, with the same positions and line breaks, but an edit only
 * re-scans the lines it touches. The outline and the analysis are made at most once per version, and taken over from
 * the version before when the edits since left them as they were (a journal of the edited lines tells).
 */
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { Analysis, reanalyze, TrackedAnalysis } from '../core/analyze';
import type { Config } from '../core/config';
import { LineTable } from '../core/lines';
import type { Outline } from '../core/model';
import { parse, reparse } from '../core/parser';
import type { LineInfo } from '../core/scanner';
import type { LineRange } from '../core/reuse';

/** How many edits back the document remembers which lines changed. */
const JOURNAL_LENGTH = 64;

/**
 * One applied edit: lines first … first+removed-1 were replaced by first … first+inserted-1; `revision` after it;
 * `before`, the scans of the replaced lines (kept for the last edit only).
 */
interface JournalEntry {
  readonly revision: number;
  readonly first: number;
  readonly removed: number;
  readonly inserted: number;
  before?: readonly LineInfo[];
}

export class GongwenDocument {
  private readonly table: LineTable;
  private cached: { revision: number; outline: Outline } | undefined;
  private offsets: { revision: number; starts: number[] } | undefined;
  private analyzed: { revision: number; tracked: TrackedAnalysis } | undefined;
  private journal: JournalEntry[] = [];

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

  /**
   * The outline of the current version, built at most once per version: after one edit that kept the number of
   * lines, from the previous outline when the edit left its structure alone (typing in text); else parsed.
   */
  get outline(): Outline {
    const revision = this.table.version;
    if (this.cached === undefined || this.cached.revision !== revision) {
      const last = this.journal[this.journal.length - 1];
      const reused =
        this.cached !== undefined &&
        last?.before !== undefined &&
        last.revision === revision &&
        this.cached.revision === revision - 1 &&
        last.removed === last.inserted
          ? reparse(this.cached.outline, this.table, last.first, last.before)
          : undefined;
      this.cached = { revision, outline: reused ?? parse(this.table) };
    }
    return this.cached.outline;
  }

  /**
   * The analysis of the current version with this config. The one of an earlier version is kept when the outline
   * has the same structure and no line the rules read was edited since (typing in body text, mostly).
   */
  analysis(config: Config, path: string): Analysis {
    const revision = this.table.version;
    if (this.analyzed?.revision !== revision || this.analyzed.tracked.config !== config || this.analyzed.tracked.path !== path) {
      const previous = this.analyzed;
      const changed = previous !== undefined ? this.changedSince(previous.revision) : undefined;
      this.analyzed = { revision, tracked: reanalyze(previous?.tracked, this.outline, changed, config, path) };
    }
    return this.analyzed.tracked.analysis;
  }

  /** The lines edited since `revision`, as one range in today's coordinates; undefined when not known. */
  private changedSince(revision: number): LineRange | undefined {
    const start = this.journal.findIndex((e) => e.revision > revision);
    if (start < 0 || (start === 0 && this.journal[0].revision !== revision + 1)) {
      return undefined; // nothing recorded after it (a full-text change), or the journal does not reach back
    }
    let from = Number.POSITIVE_INFINITY;
    let to = Number.NEGATIVE_INFINITY;
    for (let k = start; k < this.journal.length; k++) {
      const { first, removed, inserted } = this.journal[k];
      const delta = inserted - removed;
      // lines after the replaced ones move by delta; lines inside them become the inserted ones
      const map = (line: number) => (line < first ? line : line >= first + removed ? line + delta : first + inserted - 1);
      if (from <= to) {
        from = map(from);
        to = map(to);
      }
      from = Math.min(from, first);
      to = Math.max(to, first + inserted - 1);
    }
    return { from, to };
  }

  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change) {
        const { start, end } = change.range;
        const { firstLine, removed, inserted, before } = this.table.applyEdit({
          startLine: start.line,
          startCharacter: start.character,
          endLine: end.line,
          endCharacter: end.character,
          text: change.text,
        });
        const previous = this.journal[this.journal.length - 1];
        if (previous !== undefined) {
          previous.before = undefined;
        }
        this.journal.push({ revision: this.table.version, first: firstLine, removed, inserted, before });
        if (this.journal.length > JOURNAL_LENGTH) {
          this.journal.shift();
        }
      } else {
        this.table.setText(change.text);
        this.journal = [];
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
