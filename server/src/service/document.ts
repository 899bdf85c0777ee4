/**
 * A text document as the server keeps it: a chain of immutable versions. Each version's line table is made from the
 * previous one by incremental sync (the same positions and line breaks as vscode-languageserver-textdocument), and
 * everything made from a version (its outline, its analysis, the answers of the features) is kept in that
 * version's cache, made at most once, and taken over from the version before when the edits since left it as it
 * was. A model of an old version keeps reading that version's text.
 */
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { Analysis, LineRange, reanalyze } from '../core/analyze';
import type { Config } from '../core/config';
import { LineTable } from '../core/lines';
import type { Outline } from '../core/model';
import { parse, reparse } from '../core/parser';
import { lastAtMost } from '../core/search';

/** How many edits back the document remembers which lines changed. */
const JOURNAL_LENGTH = 64;

/** One applied edit: lines first … first+removed-1 became first … first+inserted-1; `revision` after it. */
interface JournalEntry {
  readonly revision: number;
  readonly first: number;
  readonly removed: number;
  readonly inserted: number;
}

/** A model made from one version of the text. */
interface Made<T> {
  readonly table: LineTable;
  readonly value: T;
}

export class GongwenDocument {
  private table: LineTable;
  private journal: JournalEntry[] = [];
  /** The last outline made, and from which table (the one before the current, when typing goes on). */
  private outlined: Made<Outline> | undefined;
  private analyzed: (Made<Analysis> & { readonly config: Config; readonly path: string }) | undefined;
  /** The last answer of each feature, with the inputs it was made from. */
  private readonly answers = new Map<string, { readonly inputs: readonly unknown[]; readonly value: unknown }>();

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    text: string,
  ) {
    this.table = LineTable.of(text);
  }

  get lineCount(): number {
    return this.table.lineCount;
  }

  /**
   * The outline of the current version, made at most once: after one edit that kept the number of lines, from the
   * previous outline when the edit left its structure alone (typing in text or in a title); else parsed.
   */
  get outline(): Outline {
    const table = this.table;
    if (this.outlined?.table !== table) {
      const last = this.journal[this.journal.length - 1];
      const previous = this.outlined;
      const reused =
        previous !== undefined &&
        last?.revision === table.revision &&
        previous.table.revision === table.revision - 1 &&
        last.removed === last.inserted
          ? reparse(previous.value, previous.table, table, last.first, last.inserted)
          : undefined;
      this.outlined = { table, value: reused ?? parse(table) };
    }
    return this.outlined.value;
  }

  /**
   * The analysis of the current version with this config, made at most once. Only the rules whose units read a line
   * edited since the last analysis check again, when the outline kept its structure; else all of them.
   */
  analysis(config: Config, path: string): Analysis {
    const table = this.table;
    const last = this.analyzed;
    if (last?.table !== table || last.config !== config || last.path !== path) {
      const changed = last !== undefined ? this.changedSince(last.table.revision) : undefined;
      const value = reanalyze(last?.value, this.outline, changed, config, path);
      this.analyzed = { table, value, config, path };
    }
    return (this.analyzed as Made<Analysis>).value;
  }

  /**
   * The answer of a feature made from `inputs` (compared one by one, by identity): made once, and kept for the next
   * versions while the inputs are the same (folding ranges depend on the sections, which typing leaves alone).
   */
  answer<T>(feature: string, inputs: readonly unknown[], make: () => T): T {
    const kept = this.answers.get(feature);
    if (kept !== undefined && kept.inputs.length === inputs.length && kept.inputs.every((x, i) => x === inputs[i])) {
      return kept.value as T;
    }
    const value = make();
    this.answers.set(feature, { inputs, value });
    return value;
  }

  /** The lines edited since `revision`, as one range in today's coordinates; undefined when not known. */
  private changedSince(revision: number): LineRange | undefined {
    const start = this.journal.findIndex((e) => e.revision > revision);
    if (start < 0 || this.journal[start].revision !== revision + 1) {
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

  /**
   * Applies the content changes of one didChange notification. A change whose position is not a number, or that has
   * neither a range nor a text, is skipped and reported in the result (the others and the version still apply).
   */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): string[] {
    const problems: string[] = [];
    for (const change of changes) {
      if (typeof change?.text !== 'string') {
        problems.push('a change without text');
      } else if ('range' in change && change.range !== undefined) {
        const { start, end } = change.range ?? {};
        if (![start?.line, start?.character, end?.line, end?.character].every((n) => typeof n === 'number')) {
          problems.push(`a change with a malformed range: ${JSON.stringify(change.range).slice(0, 200)}`);
          continue;
        }
        const { table, firstLine, removed, inserted } = this.table.applyEdit({
          startLine: start.line,
          startCharacter: start.character,
          endLine: end.line,
          endCharacter: end.character,
          text: change.text,
        });
        this.table = table;
        this.journal.push({ revision: table.revision, first: firstLine, removed, inserted });
        if (this.journal.length > JOURNAL_LENGTH) {
          this.journal.shift();
        }
      } else {
        this.table = LineTable.of(change.text, this.table.revision + 1);
        this.journal = [];
      }
    }
    this.version = version;
    return problems;
  }

  lineText(line: number): string {
    return this.table.line(line);
  }

  getText(range?: Range): string {
    const text = this.table.getText();
    return range === undefined ? text : text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  offsetAt(position: Position): number {
    const starts = this.table.lineStarts();
    if (position.line >= starts.length) {
      return this.table.getText().length;
    }
    const line = Math.max(position.line, 0);
    return starts[line] + Math.min(Math.max(position.character, 0), this.table.line(line).length);
  }

  positionAt(offset: number): Position {
    const starts = this.table.lineStarts();
    const line = Math.max(lastAtMost(starts, offset), 0);
    return { line, character: Math.min(Math.max(offset - starts[line], 0), this.table.line(line).length) };
  }
}
