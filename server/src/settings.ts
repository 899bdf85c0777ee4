/**
 * Settings per document: the `gongwen` section of the client's configuration for the document's resource, merged
 * with the nearest `.gongwen.json` at or above the document's folder, never above its workspace folder (not read in
 * an untrusted workspace), over typed defaults. Associations match the document's path relative to the folder
 * holding that `.gongwen.json` (else to the workspace folder).
 * Cached per document URI until the configuration or the workspace file changes.
 */
import { Config, CONFIG_MESSAGES, ConfigSource, resolveConfig } from './core/config';
import { Message, msg } from './core/messages';

export const WORKSPACE_FILE = '.gongwen.json';

export interface SettingsSource {
  /** The `gongwen` configuration section for a resource (undefined when the client cannot say). */
  section(uri: string): Promise<unknown>;
  readFile(uri: string): Promise<string | undefined>;
  workspaceFolders(): readonly string[];
  trusted(): boolean;
  /** Problems with a setting or the workspace file, reported once each. */
  report(problem: Message): void;
}

function folderOf(folders: readonly string[], uri: string): string | undefined {
  let best: string | undefined;
  for (const f of folders) {
    const prefix = f.endsWith('/') ? f : f + '/';
    if (uri.startsWith(prefix) && (best === undefined || f.length > best.length)) {
      best = f;
    }
  }
  return best;
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
    const folder = folderOf(this.source.workspaceFolders(), uri);
    const sources: ConfigSource[] = [];
    let base = folder;
    if (folder !== undefined && this.source.trusted()) {
      // from the document's folder up to the workspace folder: the first .gongwen.json found is the one
      const root = folder.replace(/\/$/, '');
      for (let dir = uri.slice(0, uri.lastIndexOf('/')); dir.length >= root.length; dir = dir.slice(0, dir.lastIndexOf('/'))) {
        const file = await this.workspaceFile(dir);
        if (file !== undefined) {
          sources.push({ name: WORKSPACE_FILE, value: file.value });
          base = dir;
          break;
        }
      }
    }
    sources.push({ name: 'settings', value: await this.source.section(uri).catch(() => undefined) });
    const { config, problems } = resolveConfig(sources);
    for (const p of problems) {
      this.reportOnce(p);
    }
    const path = decodeURIComponent(
      base !== undefined ? uri.slice(base.replace(/\/$/, '').length + 1) : uri.slice(uri.lastIndexOf('/') + 1),
    );
    return { config, path };
  }

  private workspaceFile(folder: string): Promise<{ value: unknown } | undefined> {
    let file = this.files.get(folder);
    if (file === undefined) {
      file = this.source.readFile(`${folder}/${WORKSPACE_FILE}`).then((text) => {
        if (text === undefined) {
          return undefined;
        }
        try {
          return { value: JSON.parse(text) as unknown };
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
