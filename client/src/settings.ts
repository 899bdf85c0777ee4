// Reading the client-side settings. Pure: no vscode import, so unit tests can run it in Node.

export const DEFAULT_LANGUAGES: readonly string[] = ['gongwen', 'plaintext', 'markdown'];

/** The scheme of a Word document's text opened by "Check Word Document" (client/src/word.ts). */
export const WORD_SCHEME = 'gongwen-docx';

/** Untitled documents are served too (lsp-sample's `scheme: 'file'` only selector leaves them out). */
export const SCHEMES: readonly string[] = ['file', 'untitled'];

export interface LanguageFilter {
  language: string;
  scheme: string;
}

/** `gongwen.languages` as the user wrote it → a clean list of language ids (defaults when not a list). */
export function normalizeLanguages(value: unknown): string[] {
  if (!Array.isArray(value)) {
    return [...DEFAULT_LANGUAGES];
  }
  const ids = value
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
  return [...new Set(ids)];
}

/** The languages' documents, and the text of Word documents (always in the gongwen language) while any is served. */
export function documentSelector(languages: readonly string[]): LanguageFilter[] {
  const word = languages.length > 0 ? [{ language: 'gongwen', scheme: WORD_SCHEME }] : [];
  return [...languages.flatMap((language) => SCHEMES.map((scheme) => ({ language, scheme }))), ...word];
}

export function sameLanguages(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
