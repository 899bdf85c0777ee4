import type { Message } from './core/messages';

/** A file read: its text, or why it was not read; undefined when there is no such file. */
export type FileRead = { text: string } | { problem: Message } | undefined;

export type EntryKind = 'file' | 'directory' | 'other';

/** A folder's entries (symbolic links followed) and its identity (`dev:ino`, the same however it is reached). */
export type DirectoryListing = { id: string; entries: { name: string; kind: EntryKind }[] } | { problem: Message };

/** A material read for the workspace index: its text, why not, or that it changed while read; undefined when gone. */
export type MaterialRead = { text: string } | { problem: Message } | { changed: true } | undefined;

/** What the server needs from its environment, injected so that the server and its tests need no real process. */
export interface Host {
  /** Reads a workspace file by URI; never rejects. */
  readFile(uri: string): Promise<FileRead>;
  /** The l10n bundle for a VS Code locale (e.g. `zh-cn`), as JSON text, if there is one. */
  l10nBundle(locale: string): string | undefined;
  /** The locale of the server's environment (LC_ALL, LC_MESSAGES, LANG), a strict tag, used when the client sends none. */
  readonly locale: string | undefined;
  /** Lists a workspace folder by URI (undefined for a URI that is not a local file); never rejects. */
  listDirectory(uri: string): Promise<DirectoryListing | undefined>;
  /** Reads a material of the workspace (a regular file of at most maxBytes, decoded); never rejects. */
  readMaterial(uri: string, maxBytes: number): Promise<MaterialRead>;
  setTimeout(callback: () => void, ms: number): { dispose(): void };
}
