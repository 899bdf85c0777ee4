/**
 * The peer: VS Code's Markdown language service (vscode-markdown-languageservice + markdown-it), set up the way VS
 * Code's Markdown server uses it: markdown-it with HTML on, tokens cached per document version (VS Code's engine
 * keeps such a cache, so symbols and folding of one version share one parse), an empty workspace (one document, no
 * links to resolve), logging off. The package is ESM-only, hence the dynamic import.
 */
import MarkdownIt from 'markdown-it';
import { CancellationTokenSource, Emitter } from 'vscode-languageserver-protocol/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** The parts of the service the benchmark uses. */
export interface MarkdownService {
  /** Counts of both answers, and the answers themselves. */
  symbolsAndFolding(document: TextDocument): Promise<{ symbols: number; folding: number; raw: unknown[] }>;
  dispose(): void;
}

export async function createMarkdownService(): Promise<MarkdownService> {
  const md = await import('vscode-markdown-languageservice');
  const engine = MarkdownIt({ html: true });
  let cache: { uri: string; version: number; tokens: ReturnType<typeof engine.parse> } | undefined;
  const parser = {
    slugifier: md.githubSlugifier,
    async tokenize(document: { uri: string; version: number; getText(): string }) {
      if (cache === undefined || cache.uri !== document.uri || cache.version !== document.version) {
        cache = { uri: document.uri, version: document.version, tokens: engine.parse(document.getText(), {}) };
      }
      return cache.tokens;
    },
  };
  const never = new Emitter<never>().event;
  const workspace = {
    workspaceFolders: [],
    onDidChangeMarkdownDocument: never,
    onDidCreateMarkdownDocument: never,
    onDidDeleteMarkdownDocument: never,
    getAllMarkdownDocuments: async () => [],
    hasMarkdownDocument: () => false,
    openMarkdownDocument: async () => undefined,
    stat: async () => undefined,
    readDirectory: async () => [],
  };
  const logger = { level: md.LogLevel.Off, log: () => undefined };
  const service = md.createLanguageService({ workspace, parser, logger });
  const token = new CancellationTokenSource().token;
  return {
    async symbolsAndFolding(document) {
      const [symbols, folding] = await Promise.all([
        service.getDocumentSymbols(document, {}, token),
        service.getFoldingRanges(document, token),
      ]);
      let count = 0;
      const walk = (list: readonly { children?: readonly unknown[] }[]) => {
        for (const s of list) {
          count++;
          walk((s.children ?? []) as { children?: unknown[] }[]);
        }
      };
      walk(symbols);
      return { symbols: count, folding: folding.length, raw: [symbols, folding] };
    },
    dispose: () => service.dispose(),
  };
}
