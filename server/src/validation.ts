/**
 * The diagnostics plumbing, as css-language-features' validation.ts keeps it apart from the server: pull when the
 * client supports it (result ids, `unchanged` when the findings are the same), push with a debounce otherwise, and
 * the status notification that tells the client the profile and counts of a document.
 */
import {
  CancellationToken,
  Connection,
  Diagnostic,
  DocumentDiagnosticParams,
  DocumentDiagnosticReport,
  DocumentDiagnosticReportKind,
} from 'vscode-languageserver';
import { Analysis, Diagnosis, MAX_REPORTED, sameFindings } from './core/analyze';
import type { Host } from './host';
import { StatusNotificationMethod, StatusParams } from './protocol';
import { toDiagnostics } from './service/diagnostics';
import type { GongwenDocument } from './service/document';
import { outlineSize } from './service/documentSymbols';
import type { Localize } from './service/localize';
import { withSimilar } from './service/similar';
import type { Settings } from './settings';

/** Push mode waits this long after the last keystroke before it publishes. */
const PUSH_DEBOUNCE_MS = 150;

export interface ValidationOptions {
  readonly connection: Connection;
  readonly host: Host;
  readonly settings: Settings;
  readonly t: Localize;
  /** A plaintext or Markdown document with no numbered heading gets nothing. */
  readonly served: (doc: GongwenDocument) => boolean;
  /** Is this document still the open one for its uri? */
  readonly isOpen: (doc: GongwenDocument) => boolean;
  /** Findings across materials (review.similar) of a document, as diagnostics, with a key that changes with them. */
  readonly folderFindings: (doc: GongwenDocument) => Promise<FolderFindings>;
}

export interface FolderFindings {
  readonly key: string;
  readonly diagnostics: Diagnostic[];
}

const NO_FOLDER_FINDINGS: FolderFindings = { key: '', diagnostics: [] };

export class Validation {
  /** Pull mode (the client asks), else push. */
  pull = false;
  refreshSupport = false;
  private readonly pending = new Map<string, { dispose(): void }>();
  /** The last full report sent for each document (pull mode). */
  private readonly reports = new WeakMap<GongwenDocument, { resultId: string; findings: readonly Diagnosis[]; folderKey: string }>();
  private lastResultId = 0;
  /** The last status sent for each document. */
  private readonly statuses = new WeakMap<GongwenDocument, string>();

  constructor(private readonly options: ValidationOptions) {}

  /** The analysis of a served document (undefined for one that is not served); tells the client the status. */
  async analysisOf(doc: GongwenDocument): Promise<Analysis | undefined> {
    return (await this.check(doc))?.analysis;
  }

  /** The analysis and the findings across materials of a served document; tells the client the status. */
  private async check(doc: GongwenDocument): Promise<{ analysis: Analysis; folder: FolderFindings } | undefined> {
    const { served, settings, connection } = this.options;
    if (!served(doc)) {
      return undefined;
    }
    const { config, path } = await settings.get(doc.uri);
    const analysis = doc.analysis(config, path);
    const folder = await this.options.folderFindings(doc);
    const outlineItems = outlineSize(doc.outline, config);
    const status: StatusParams = {
      uri: doc.uri,
      profile: analysis.profile.id,
      profileLabel: analysis.profile.label,
      headings: doc.outline.all.length,
      problems: Math.min(MAX_REPORTED, analysis.diagnostics.length + folder.diagnostics.length),
      outlineItems,
      outlineShown: Math.min(outlineItems, config.outlineMaxItems),
      chars: doc.outline.charsBetween(0, doc.outline.lineCount - 1),
    };
    // sent when it changed: most keystrokes change no count, and the client then has nothing to read
    const key = JSON.stringify(status);
    if (this.statuses.get(doc) !== key) {
      this.statuses.set(doc, key);
      void connection.sendNotification(StatusNotificationMethod, status);
    }
    return { analysis, folder };
  }

  opened(doc: GongwenDocument): void {
    if (!this.pull) {
      this.schedulePush(doc);
    }
  }

  changed(doc: GongwenDocument): void {
    if (!this.pull) {
      this.schedulePush(doc);
    }
  }

  closed(uri: string): void {
    this.pending.get(uri)?.dispose();
    this.pending.delete(uri);
    if (!this.pull) {
      void this.options.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }

  /** The findings across materials of open documents changed (another material was edited, added or removed). */
  folderChanged(docs: readonly GongwenDocument[]): void {
    if (!this.pull) {
      docs.forEach((doc) => this.schedulePush(doc));
    } else if (this.refreshSupport && docs.length > 0) {
      void this.options.connection.languages.diagnostics.refresh();
    }
  }

  /** Settings or trust changed: every document is validated again. */
  refresh(documents: Iterable<GongwenDocument>): void {
    if (this.pull) {
      if (this.refreshSupport) {
        void this.options.connection.languages.diagnostics.refresh();
      }
    } else {
      for (const doc of documents) {
        this.schedulePush(doc);
      }
    }
  }

  /**
   * A pull request. A client that sends the resultId of its last report gets `unchanged` when the findings are the
   * same: most keystrokes change none, and the answer is then a few bytes instead of every diagnostic again.
   */
  async pullReport(doc: GongwenDocument, params: DocumentDiagnosticParams, _token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const checked = await this.check(doc);
    const findings = checked?.analysis.diagnostics ?? [];
    const folder = checked?.folder ?? NO_FOLDER_FINDINGS;
    const last = this.reports.get(doc);
    if (
      last !== undefined &&
      params.previousResultId === last.resultId &&
      sameFindings(last.findings, findings) &&
      last.folderKey === folder.key
    ) {
      last.findings = findings;
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.resultId };
    }
    const resultId = String(++this.lastResultId);
    this.reports.set(doc, { resultId, findings, folderKey: folder.key });
    return {
      kind: DocumentDiagnosticReportKind.Full,
      resultId,
      items: withSimilar(toDiagnostics(findings, this.options.t), folder.diagnostics),
    };
  }

  private schedulePush(doc: GongwenDocument): void {
    const { connection, host, isOpen, t } = this.options;
    this.pending.get(doc.uri)?.dispose();
    this.pending.set(
      doc.uri,
      host.setTimeout(() => {
        this.pending.delete(doc.uri);
        const version = doc.version;
        this.check(doc).then(
          (checked) => {
            if (isOpen(doc) && doc.version === version) {
              const diagnostics: Diagnostic[] =
                checked !== undefined ? withSimilar(toDiagnostics(checked.analysis.diagnostics, t), checked.folder.diagnostics) : [];
              void connection.sendDiagnostics({ uri: doc.uri, version, diagnostics });
            }
          },
          (e) => connection.console.error(`diagnostics failed: ${String(e)}`),
        );
      }, PUSH_DEBOUNCE_MS),
    );
  }
}
