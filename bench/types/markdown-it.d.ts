// The parts of markdown-it 12 (no types of its own) and markdown-it-front-matter that bench/markdownEngine.ts uses.
declare module 'markdown-it' {
  namespace markdownIt {
    interface Token {
      type: string;
      map: [number, number] | null;
      attrSet(name: string, value: string): void;
      attrJoin(name: string, value: string): void;
    }
    interface Ruler<Rule> {
      push(name: string, rule: Rule): void;
      before(beforeName: string, name: string, rule: Rule, options?: { alt?: string[] }): void;
    }
    interface MarkdownIt {
      parse(src: string, env: object): Token[];
      core: { ruler: Ruler<(state: { tokens: Token[] }) => void> };
      block: { ruler: Ruler<unknown> };
      linkify: { set(options: { fuzzyLink?: boolean }): void };
      utils: { escapeHtml(text: string): string };
      set(options: { breaks?: boolean; linkify?: boolean; typographer?: boolean }): MarkdownIt;
      use(plugin: (md: MarkdownIt) => void): MarkdownIt;
    }
  }
  function markdownIt(options?: { html?: boolean; highlight?: (text: string, lang: string) => string }): markdownIt.MarkdownIt;
  export = markdownIt;
}
