/**
 * Settings per document: the `gongwen` section of the client's configuration for the document's resource, merged
 * with the nearest `.gongwen.json` at or above the document's folder, never above its workspace folder (not read in
 * an untrusted workspace), over typed defaults. Associations match the document's path relative to the folder
 * holding that `.gongwen.json` (else to the workspace folder).
 * Cached per document URI until the configuration or the workspace file changes.
 */
import { Config, CONFIG_MESSAGES, ConfigSource, resolveConfig } from './core/config';
import { Message, msg } from './core/messages';
import type { FileRead } from './host';
import { decodeLenient, placeInWorkspace, uriPath } from './uris';

export const WORKSPACE_FILE = '.gongwen.json';

export interface SettingsSource {
  /** The `gongwen` configuration section for a resource (undefined when the client cannot say). */
  section(uri: string): Promise<unknown>;
  readFile(uri: string): Promise<FileRead>;
  workspaceFolders(): readonly string[];
  trusted(): boolean;
  /** Problems with a setting or the workspace file, reported once each. */
  report(problem: Message): void;
}

export class Settings {
  private readonly cache = new Map<string, Promise<{ config: Config; path: string }>>();
  /** The .gongwen.json of a folder URI: undefined when there is none, else its value (undefined when invalid). */
  private readonly files = new Map<string, Promise<{ value: unknown } | undefined>>();
  private readonly reported = new Set<string>();

  constructor(private readonly source: SettingsSource) {}

  /** Forget everything (configuration changed, trust granted, workspace file changed). */
  clear(): void {
    this.cache.clear();
    this.files.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** The config of a document and its path for associations (relative to the folder of its .gongwen.json). */
  get(uri: string): Promise<{ config: Config; path: string }> {
    let entry = this.cache.get(uri);
    if (entry === undefined) {
      entry = this.load(uri);
      this.cache.set(uri, entry);
    }
    return entry;
  }

  private async load(uri: string): Promise<{ config: Config; path: string }> {
    const { folder, path: inFolder } = placeInWorkspace(this.source.workspaceFolders(), uri);
    const sources: ConfigSource[] = [];
    let path = inFolder;
    if (folder !== undefined && this.source.trusted()) {
      // from the document's folder up to the workspace folder: the first .gongwen.json found is the one, and
      // associations match the path relative to its folder
      // (compared decoded: the folder and the document may spell the same path differently, `100%` or `100%25`)
      const root = uriPath(folder).length;
      for (let dir = uri.slice(0, uri.lastIndexOf('/')); uriPath(dir).length >= root; dir = dir.slice(0, dir.lastIndexOf('/'))) {
        const file = await this.workspaceFile(dir);
        if (file !== undefined) {
          sources.push({ name: WORKSPACE_FILE, value: file.value });
          path = decodeLenient(uri.slice(dir.length + 1));
          break;
        }
      }
    }
    sources.push({ name: 'settings', value: await this.source.section(uri).catch(() => undefined) });
    const { config, problems } = resolveConfig(sources);
    for (const p of problems) {
      this.reportOnce(p);
    }
    return { config, path };
  }

  /** The .gongwen.json of a folder: undefined when there is none; its value, or undefined when it cannot be used. */
  private workspaceFile(folder: string): Promise<{ value: unknown } | undefined> {
    let file = this.files.get(folder);
    if (file === undefined) {
      file = this.source.readFile(`${folder.replace(/\/$/, '')}/${WORKSPACE_FILE}`).then((read) => {
        if (read === undefined) {
          return undefined;
        }
        if ('problem' in read) {
          this.reportOnce(read.problem); // a FIFO, a device, a file too large: reported, and it still stops the search
          return { value: undefined };
        }
        try {
          return { value: JSON.parse(read.text) as unknown };
        } catch (e) {
          this.reportOnce(msg(CONFIG_MESSAGES.invalidJson, WORKSPACE_FILE, e instanceof Error ? e.message : String(e)));
          return { value: undefined };
        }
      });
      this.files.set(folder, file);
    }
    return file;
  }

  private reportOnce(problem: Message): void {
    const key = problem.template + JSON.stringify(problem.args);
    if (!this.reported.has(key)) {
      this.reported.add(key);
      this.source.report(problem);
    }
  }
}
