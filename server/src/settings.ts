/**
 * Settings per document: the `gongwen` section of the client's configuration for the document's resource, merged
 * with the workspace file `.gongwen.json` of its folder (not read in an untrusted workspace), over typed defaults.
 * Cached per document URI until the configuration or the workspace file changes.
 */
import { Config, CONFIG_MESSAGES, ConfigSource, resolveConfig } from './core/config';
import { Message, msg } from './core/messages';
import type { FileRead } from './host';
import { placeInWorkspace } from './uris';

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
  private readonly files = new Map<string, Promise<unknown>>();
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

  /** The config of a document and its path relative to its workspace folder (for associations). */
  get(uri: string): Promise<{ config: Config; path: string }> {
    let entry = this.cache.get(uri);
    if (entry === undefined) {
      entry = this.load(uri);
      this.cache.set(uri, entry);
    }
    return entry;
  }

  private async load(uri: string): Promise<{ config: Config; path: string }> {
    const { folder, path } = placeInWorkspace(this.source.workspaceFolders(), uri);
    const sources: ConfigSource[] = [];
    if (folder !== undefined && this.source.trusted()) {
      sources.push({ name: WORKSPACE_FILE, value: await this.workspaceFile(folder) });
    }
    sources.push({ name: 'settings', value: await this.source.section(uri).catch(() => undefined) });
    const { config, problems } = resolveConfig(sources);
    for (const p of problems) {
      this.reportOnce(p);
    }
    return { config, path };
  }

  private workspaceFile(folder: string): Promise<unknown> {
    let file = this.files.get(folder);
    if (file === undefined) {
      file = this.source.readFile(`${folder.replace(/\/$/, '')}/${WORKSPACE_FILE}`).then((read) => {
        if (read === undefined) {
          return undefined;
        }
        if ('problem' in read) {
          this.reportOnce(read.problem);
          return undefined;
        }
        try {
          return JSON.parse(read.text) as unknown;
        } catch (e) {
          this.reportOnce(msg(CONFIG_MESSAGES.invalidJson, WORKSPACE_FILE, e instanceof Error ? e.message : String(e)));
          return undefined;
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
