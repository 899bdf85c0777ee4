/**
 * The workspace index (SPEC §10, issue 14): every material under the workspace folders, not only the open ones.
 *
 * Folders are walked and files read lazily, in small slices that yield to requests between them (a keystroke is
 * never behind more than one file's work). Files of the served extensions count, up to `gongwen.index.maxFiles`
 * materials of at most `gongwen.index.maxFileSize` bytes each; hidden files and folders and node_modules are left out; a
 * symbolic link loop or a folder reached twice is walked once; what cannot be listed or read is logged once and left
 * out. File events (workspace/didChangeWatchedFiles) keep it current; an open document wins over the file on disk.
 *
 * Each material keeps its outline and analysis, and its paragraphs are in the review.similar index
 * (core/similar.ts). After an edit the edited material is compared again after a short pause, in a slice, never in
 * the keystroke's request; the materials whose similar findings changed are told to `changed`.
 */
import type { Analysis } from './core/analyze';
import { analyze } from './core/analyze';
import type { Config } from './core/config';
import { LineTable } from './core/lines';
import { Message, msg } from './core/messages';
import type { Outline } from './core/model';
import { parse } from './core/parser';
import { DEFAULT_MIN_CHARS, SimilarIndex, SimilarMatch, samePersonEarlierYear } from './core/similar';
import type { Host } from './host';
import type { GongwenDocument } from './service/document';
import { Settings, WORKSPACE_FILE } from './settings';
import { placeInWorkspace, uriName, uriPath } from './uris';

/** A slice of index work runs at most about this long before it yields to requests. */
const SLICE_MS = 8;
/** An edited material is compared again this long after its last change. */
const SIMILAR_DEBOUNCE_MS = 300;
/** A file that keeps changing while it is read is given up after this many tries. */
const READ_TRIES = 3;

export const INDEX_MESSAGES = {
  limit: 'The workspace holds more than {0} materials; only the first {0} are indexed (setting gongwen.index.maxFiles).',
  entries: 'The workspace folders hold more than {0} entries; the rest are not looked at (setting gongwen.index.maxFiles).',
  notIndexed: 'Not indexed: {0}',
  loop: '{0} leads back to a folder already indexed (a symbolic link loop or a second link); it is not walked again.',
  special: '{0} is not a regular file (a FIFO, a device or a socket); it is not read.',
  changing: '{0} kept changing while it was read; it is not indexed until it changes again.',
} as const;

/** The language a file of the index is served as, from its extension; undefined for other files. */
export function languageOfFile(name: string): string | undefined {
  const m = /\.(gongwen|gw|txt|md|markdown)$/i.exec(name);
  if (m === null) {
    return undefined;
  }
  const ext = m[1].toLowerCase();
  return ext === 'gongwen' || ext === 'gw' ? 'gongwen' : ext === 'txt' ? 'plaintext' : 'markdown';
}

/** One material: the open document's version when it is open, else the file's. */
export interface Material {
  readonly uri: string;
  /** The workspace folder it is in. */
  readonly folder: string;
  /** Its path relative to that folder ('/'-separated, decoded). */
  readonly path: string;
  readonly outline: Outline;
  readonly analysis: Analysis;
  readonly config: Config;
  /** Bumped whenever its findings may have changed (the result id of workspace diagnostics). */
  readonly generation: number;
  /** The open document, when it is open. */
  readonly document: GongwenDocument | undefined;
}

type Task = { kind: 'walk'; uri: string; folder: string } | { kind: 'read'; uri: string; folder: string; tries: number };

export interface IndexOptions {
  readonly host: Host;
  readonly settings: Settings;
  /** Logs a line for the user (the output channel). */
  readonly log: (problem: Message) => void;
  /**
   * Something changed: `similar` are the materials whose review.similar findings changed (an open one needs its
   * diagnostics again), `list` whether materials came or went.
   */
  readonly changed: (change: { readonly similar: ReadonlySet<string>; readonly list: boolean }) => void;
  /** Served: a gongwen file, or a plain text or Markdown file with a numbered heading. */
  readonly served: (languageId: string, outline: Outline) => boolean;
}

export class WorkspaceIndex {
  private folders: readonly string[] = [];
  private readonly materials = new Map<string, Material>();
  private similar: SimilarIndex;
  private queue: Task[] = [];
  private readonly queued = new Set<string>();
  /** Bumped on every rebuild: the tasks of an older build are dropped. */
  private epoch = 0;
  private running = false;
  /** Rebuilds that are reading their settings (they have not queued their work yet). */
  private preparing = 0;
  private walked = new Set<string>();
  /** Files of the served extensions met, and entries looked at, in this build. */
  private files = 0;
  private entries = 0;
  private limits = { maxFiles: 0, maxFileBytes: 0 };
  private truncated = false;
  private readonly logged = new Set<string>();
  private readonly pendingSimilar = new Map<string, { dispose(): void }>();
  /** Since the last flush: uris whose similar findings changed; whether anything (a material, the list) did. */
  private similarChanged = new Set<string>();
  private anyChanged = false;
  private listChanged = false;
  private generation = 0;
  private readonly idle: (() => void)[] = [];

  constructor(private readonly options: IndexOptions) {
    this.similar = this.newSimilar(DEFAULT_MIN_CHARS);
  }

  /** True while folders are walked or files read. */
  get building(): boolean {
    return this.preparing > 0 || this.running || this.queue.length > 0;
  }

  /** True when the limit of gongwen.index.maxFiles left materials out. */
  get limited(): boolean {
    return this.truncated;
  }

  all(): IterableIterator<Material> {
    return this.materials.values();
  }

  get(uri: string): Material | undefined {
    return this.materials.get(keyOf(uri));
  }

  /** The review.similar matches of a material (open or not); `other` is the other material's URI. */
  similarOf(uri: string): SimilarMatch[] {
    return this.similar.matchesOf(keyOf(uri)).map((m) => ({ ...m, other: this.materials.get(m.other)?.uri ?? m.other }));
  }

  /** Resolves when no index work is left (tests and the bench wait for it; requests never do). */
  whenIdle(): Promise<void> {
    return this.building ? new Promise((resolve) => this.idle.push(resolve)) : Promise.resolve();
  }

  /** The workspace folders changed, or the settings: everything is indexed again. */
  async rebuild(folders: readonly string[], open: () => Iterable<GongwenDocument>): Promise<void> {
    this.folders = folders;
    this.epoch++;
    const epoch = this.epoch;
    this.preparing++;
    const config = await this.folderConfig().finally(() => this.preparing--);
    if (epoch !== this.epoch) {
      return;
    }
    this.limits = { maxFiles: config.indexMaxFiles, maxFileBytes: config.indexMaxFileBytes };
    this.similar = this.newSimilar(config.similarMinChars);
    for (const m of this.materials.values()) {
      this.similarChanged.add(m.uri);
    }
    this.materials.clear();
    this.queue = [];
    this.queued.clear();
    this.walked = new Set();
    this.files = 0;
    this.entries = 0;
    this.truncated = false;
    this.listChanged = true;
    for (const doc of [...open()]) {
      await this.opened(doc);
    }
    if (this.limits.maxFiles > 0) {
      for (const folder of folders) {
        this.enqueue({ kind: 'walk', uri: folder.replace(/\/+$/, ''), folder });
      }
    }
    this.pump();
    if (!this.building) {
      this.idle.splice(0).forEach((resolve) => resolve());
    }
  }

  /** An open document (opened or edited): it replaces the file's version; compared again after a pause. */
  async opened(doc: GongwenDocument): Promise<void> {
    const { folder, path } = placeInWorkspace(this.folders, doc.uri);
    if (folder === undefined) {
      return;
    }
    const settings = await this.options.settings.get(doc.uri);
    const outline = doc.outline;
    const key = keyOf(doc.uri);
    if (!this.options.served(doc.languageId, outline)) {
      this.drop(key);
      return;
    }
    const known = this.materials.get(key);
    const analysis = doc.analysis(settings.config, settings.path);
    const { config } = settings;
    this.materials.set(key, { uri: doc.uri, folder, path, outline, analysis, config, document: doc, generation: ++this.generation });
    this.listChanged ||= known === undefined;
    this.anyChanged = true;
    this.scheduleSimilar(key);
  }

  /** A document closed: the file on disk is read again (its unsaved changes are gone). */
  closed(uri: string): void {
    const key = keyOf(uri);
    const known = this.materials.get(key);
    if (known?.document !== undefined) {
      this.materials.set(key, { ...known, document: undefined });
      this.enqueue({ kind: 'read', uri, folder: known.folder, tries: 0 });
      this.pump();
    } else if (known === undefined) {
      // its open version was not a material (no heading yet): the file may be one
      this.fileEvents([{ uri, type: 2 }]);
    }
  }

  /** workspace/didChangeWatchedFiles: 1 created, 2 changed, 3 deleted. */
  fileEvents(changes: readonly { uri: string; type: number }[]): void {
    for (const { uri, type } of changes) {
      const { folder, path } = placeInWorkspace(this.folders, uri);
      if (folder === undefined || this.limits.maxFiles === 0 || hidden(path)) {
        continue;
      }
      if (type === 3) {
        // a file or a whole folder is gone
        const gone = keyOf(uri);
        for (const [key, m] of [...this.materials]) {
          if ((key === gone || key.startsWith(gone + '/')) && m.document === undefined) {
            this.drop(key);
          }
        }
      } else if (languageOfFile(uri) !== undefined) {
        if (this.materials.get(keyOf(uri))?.document === undefined) {
          this.enqueue({ kind: 'read', uri, folder, tries: 0 });
        }
      } else if (type === 1) {
        this.enqueue({ kind: 'walk', uri, folder }); // perhaps a folder moved in
      }
    }
    this.pump();
  }

  private newSimilar(minChars: number): SimilarIndex {
    return new SimilarIndex({
      minChars,
      related: (a, b) => this.materials.get(a)?.folder === this.materials.get(b)?.folder || samePersonEarlierYear(uriName(a), uriName(b)),
    });
  }

  /** The settings of the index: those of the first workspace folder (see folderSettingsUri). */
  private async folderConfig(): Promise<Config> {
    return (await this.options.settings.get(folderSettingsUri(this.folders))).config;
  }

  private enqueue(task: Task): void {
    const key = `${task.kind}:${task.uri}`;
    if (!this.queued.has(key)) {
      this.queued.add(key);
      this.queue.push(task);
    }
  }

  /** Runs the queue in slices, yielding between them. */
  private pump(): void {
    if (this.running) {
      return;
    }
    this.running = true;
    const epoch = this.epoch;
    const step = async (): Promise<void> => {
      const started = Date.now();
      while (this.queue.length > 0 && Date.now() - started < SLICE_MS && epoch === this.epoch) {
        const task = this.queue.shift()!;
        this.queued.delete(`${task.kind}:${task.uri}`);
        await this.run(task, epoch).catch((e: unknown) => this.options.log(msg(INDEX_MESSAGES.notIndexed, `${task.uri}: ${String(e)}`)));
      }
      this.flush();
      if (this.queue.length > 0) {
        this.options.host.setTimeout(() => void step(), 0);
      } else {
        this.running = false;
        if (epoch !== this.epoch) {
          this.pump();
          return;
        }
        this.idle.splice(0).forEach((resolve) => resolve());
      }
    };
    void step();
  }

  private async run(task: Task, epoch: number): Promise<void> {
    if (task.kind === 'walk') {
      return this.walk(task.uri, task.folder, epoch);
    }
    const read = await this.options.host.readMaterial(task.uri, this.limits.maxFileBytes);
    const key = keyOf(task.uri);
    if (epoch !== this.epoch || this.materials.get(key)?.document !== undefined) {
      return; // a newer build, or the document was opened meanwhile: the open version wins
    }
    if (read === undefined) {
      this.drop(key);
    } else if ('changed' in read) {
      if (task.tries + 1 < READ_TRIES) {
        this.enqueue({ ...task, tries: task.tries + 1 });
      } else {
        this.drop(key);
        this.logOnce(msg(INDEX_MESSAGES.changing, uriPath(task.uri)));
      }
    } else if ('problem' in read) {
      this.drop(key);
      this.logOnce(msg(INDEX_MESSAGES.notIndexed, uriName(task.uri)), read.problem);
    } else {
      await this.add(task.uri, task.folder, read.text);
    }
  }

  private async walk(uri: string, folder: string, epoch: number): Promise<void> {
    const listing = await this.options.host.listDirectory(uri);
    if (listing === undefined || epoch !== this.epoch) {
      return;
    }
    if ('problem' in listing) {
      // a file named in a create event is no folder: nothing to say; an unreadable folder is said once
      if (!/ENOTDIR/.test(JSON.stringify(listing.problem.args))) {
        this.logOnce(listing.problem);
      }
      return;
    }
    if (this.walked.has(listing.id)) {
      this.logOnce(msg(INDEX_MESSAGES.loop, uriPath(uri)));
      return;
    }
    this.walked.add(listing.id);
    const maxEntries = this.limits.maxFiles * 20 + 1000;
    for (const entry of listing.entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (++this.entries > maxEntries) {
        this.limit(msg(INDEX_MESSAGES.entries, maxEntries));
        return;
      }
      if (hidden(entry.name)) {
        continue;
      }
      const child = `${uri}/${encodeSegment(entry.name)}`;
      if (entry.kind === 'directory') {
        this.enqueue({ kind: 'walk', uri: child, folder });
      } else if (entry.kind === 'other' && languageOfFile(entry.name) !== undefined) {
        this.logOnce(msg(INDEX_MESSAGES.special, uriPath(child)));
      } else if (entry.kind === 'file' && languageOfFile(entry.name) !== undefined) {
        if (++this.files > this.limits.maxFiles) {
          this.limit(msg(INDEX_MESSAGES.limit, this.limits.maxFiles));
          return;
        }
        if (!this.materials.has(keyOf(child))) {
          this.enqueue({ kind: 'read', uri: child, folder, tries: 0 });
        }
      }
    }
  }

  private limit(message: Message): void {
    this.truncated = true;
    this.queue = this.queue.filter((t) => t.kind === 'read');
    this.queued.clear();
    this.queue.forEach((t) => this.queued.add(`${t.kind}:${t.uri}`));
    this.logOnce(message);
  }

  /** A file read: parsed, analysed, and compared at once (it is one slice's work). */
  private async add(uri: string, folder: string, text: string): Promise<void> {
    const languageId = languageOfFile(uri) ?? 'plaintext';
    const outline = parse(LineTable.of(text));
    const key = keyOf(uri);
    if (!this.options.served(languageId, outline)) {
      this.drop(key);
      return;
    }
    const { config, path } = await this.options.settings.get(uri);
    const analysis = analyze(outline, config, path);
    const known = this.materials.has(key);
    this.materials.set(key, {
      uri,
      folder,
      path: placeInWorkspace(this.folders, uri).path,
      outline,
      analysis,
      config,
      document: undefined,
      generation: ++this.generation,
    });
    this.listChanged ||= !known;
    this.anyChanged = true;
    this.compare(key);
  }

  private drop(key: string): void {
    this.pendingSimilar.get(key)?.dispose();
    this.pendingSimilar.delete(key);
    const m = this.materials.get(key);
    if (m !== undefined) {
      this.materials.delete(key);
      this.listChanged = true;
      this.anyChanged = true;
      this.similarChanged.add(m.uri);
      this.touch(this.similar.remove(key));
    }
  }

  /** Compares a material again with the others (now: it is in the index's slice). */
  private compare(key: string): void {
    const m = this.materials.get(key);
    if (m !== undefined) {
      this.touch(this.similar.set(key, { outline: m.outline, themes: m.config.similarThemes }));
    }
  }

  /** The materials whose similar matches changed get a new generation. */
  private touch(keys: ReadonlySet<string>): void {
    for (const key of keys) {
      const m = this.materials.get(key);
      if (m !== undefined) {
        this.materials.set(key, { ...m, generation: ++this.generation });
        this.similarChanged.add(m.uri);
        this.anyChanged = true;
      }
    }
  }

  private scheduleSimilar(key: string): void {
    this.pendingSimilar.get(key)?.dispose();
    this.pendingSimilar.set(
      key,
      this.options.host.setTimeout(() => {
        this.pendingSimilar.delete(key);
        this.compare(key);
        this.flush();
      }, SIMILAR_DEBOUNCE_MS),
    );
    this.flush();
  }

  /** Tells what changed since the last time. */
  private flush(): void {
    if (this.anyChanged || this.listChanged || this.similarChanged.size > 0) {
      const change = { similar: this.similarChanged, list: this.listChanged };
      this.similarChanged = new Set();
      this.anyChanged = false;
      this.listChanged = false;
      this.options.changed(change);
    }
  }

  private logOnce(problem: Message, detail?: Message): void {
    const key = problem.template + JSON.stringify(problem.args) + JSON.stringify(detail ?? '');
    if (!this.logged.has(key)) {
      this.logged.add(key);
      this.options.log(problem);
      if (detail !== undefined) {
        this.options.log(detail);
      }
    }
  }
}

/**
 * The URI whose settings are the index's: a document at the root of the first workspace folder, so that the folder's
 * own .gongwen.json (`similar.minChars`) counts as well as the user's settings.
 */
export function folderSettingsUri(folders: readonly string[]): string {
  return `${(folders[0] ?? 'file://').replace(/\/+$/, '')}/${WORKSPACE_FILE}`;
}

/** The key of a material: its decoded path (two spellings of one file are one material). */
function keyOf(uri: string): string {
  return uriPath(uri);
}

/** A path segment encoded as VS Code encodes it (everything but letters, digits and -._~). */
function encodeSegment(name: string): string {
  return encodeURIComponent(name).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** A hidden file or folder or node_modules, or a path under one (a path relative to the workspace folder): never indexed. */
function hidden(path: string): boolean {
  return /(^|\/)(\.|node_modules(\/|$))/.test(path);
}
