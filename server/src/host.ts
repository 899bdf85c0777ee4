import type { Message } from './core/messages';

/** A file read: its text, or why it was not read; undefined when there is no such file. */
export type FileRead = { text: string } | { problem: Message } | undefined;

/** What the server needs from its environment, injected so that the server and its tests need no real process. */
export interface Host {
  /** Reads a workspace file by URI; never rejects. */
  readFile(uri: string): Promise<FileRead>;
  /** The l10n bundle for a VS Code locale (e.g. `zh-cn`), as JSON text, if there is one. */
  l10nBundle(locale: string): string | undefined;
  /** The locale of the server's environment (LC_ALL, LC_MESSAGES, LANG), a strict tag, used when the client sends none. */
  readonly locale: string | undefined;
  setTimeout(callback: () => void, ms: number): { dispose(): void };
}
