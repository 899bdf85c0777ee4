/**
 * The client side of the Markdown server's `markdown/parse` request, done as VS Code's Markdown extension does it
 * (extensions/markdown-language-features: `MarkdownItEngine.tokenize`, answered in `client/client.ts`):
 *
 *  - markdown-it 12.3.2 (the version the extension depends on) with `{ html: true, highlight }`, linkify without
 *    fuzzy links, `breaks: false, linkify: true, typographer: false` (the `markdown.preview.*` defaults);
 *  - markdown-it-front-matter 0.2.4's block rule, taken out of the plugin and put before `fence`;
 *  - the source-map core rule that marks every block token (`data-line`, `code-line`, `dir=auto`);
 *  - a one-entry token cache keyed by document uri and version, so a version is parsed once however often the
 *    server asks (a version of -1, a text sent with the request, is never cached).
 *
 * The highlight callback only runs when rendering, never when tokenizing. Render-time rules (link rendering, named
 * headers) are left out for the same reason.
 */
import markdownIt from 'markdown-it';
import frontMatterPlugin from 'markdown-it-front-matter';

export interface VersionedText {
  uri: string;
  version: number;
  getText(): string;
}

export class MarkdownEngine {
  private readonly md: markdownIt.MarkdownIt;
  private cached: { uri: string; version: number; tokens: markdownIt.Token[] } | undefined;
  /** How many documents were parsed, how often the cache answered, and the time spent parsing. */
  readonly stats = { parses: 0, cacheHits: 0, parseMs: 0 };

  constructor() {
    const md = markdownIt({ html: true, highlight: (text) => md.utils.escapeHtml(text) });
    md.linkify.set({ fuzzyLink: false });
    let frontMatter: unknown;
    const capture = { block: { ruler: { before: (_a: string, _b: string, rule: unknown) => (frontMatter = rule) } } };
    (frontMatterPlugin as unknown as (md: unknown, callback: () => void) => void)(capture, () => undefined);
    md.block.ruler.before('fence', 'front_matter', frontMatter, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
    md.use((m) =>
      m.core.ruler.push('source_map_data_attribute', (state) => {
        for (const token of state.tokens) {
          if (token.map !== null && token.type !== 'inline') {
            token.attrSet('data-line', String(token.map[0]));
            token.attrJoin('class', 'code-line');
            token.attrJoin('dir', 'auto');
          }
        }
      }),
    );
    md.set({ breaks: false, linkify: true, typographer: false });
    this.md = md;
  }

  tokenize(document: VersionedText): markdownIt.Token[] {
    const c = this.cached;
    if (c !== undefined && document.version >= 0 && c.uri === document.uri && c.version === document.version) {
      this.stats.cacheHits++;
      return c.tokens;
    }
    const t = performance.now();
    const tokens = this.md.parse(document.getText(), {});
    this.stats.parseMs += performance.now() - t;
    this.stats.parses++;
    this.cached = { uri: document.uri, version: document.version, tokens };
    return tokens;
  }

  /** Lets the cached tokens go (before another server's document is tokenized). */
  forget(): void {
    this.cached = undefined;
  }
}
