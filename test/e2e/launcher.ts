// A `code`-compatible launcher for running extension tests in the real VS Code server and web workbench that
// the npm package code-server ships, driven by Debian's headless Chromium. It accepts the arguments that
// @vscode/test-electron's runTests passes to a desktop `code` executable
//   [folder] --extensionDevelopmentPath=… --extensionTestsPath=… --user-data-dir=… --extensions-dir=… [--locale=…]
// runs the tests exactly as the desktop does (the workbench is opened with the same extension-test payload), relays
// their output and exits with their result. It also answers `--version` and passes `--install-extension`,
// `--list-extensions` and `--uninstall-extension` through to the server's CLI.
//
// While tests run it serves http://127.0.0.1:<port>/screenshot?path=…&click=…&selector=…&text=… (address in the
// tests' environment as GONGWEN_E2E_SCREENSHOT_URL): it clicks `click` if given (to arrange the layout where VS Code
// has no command for it), waits for `selector` (containing `text`) in the workbench and saves a PNG.
// See ../shared/notes/real-vscode-headless.md for the facts this rests on.
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { chromium, Page } from 'playwright-core';
import * as paths from './paths';

const VALUE_OPTIONS = new Set([
  'extensionDevelopmentPath',
  'extensionTestsPath',
  'user-data-dir',
  'extensions-dir',
  'locale',
  'install-extension',
  'uninstall-extension',
]);

interface Args {
  positional: string[];
  values: Map<string, string[]>;
  flags: Set<string>;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { positional: [], values: new Map(), flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('-')) {
      args.positional.push(arg);
      continue;
    }
    const body = arg.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    let value = eq < 0 ? undefined : body.slice(eq + 1);
    if (value === undefined && VALUE_OPTIONS.has(name) && i + 1 < argv.length) {
      value = argv[++i];
    }
    if (value === undefined) {
      args.flags.add(name);
    } else {
      args.values.set(name, [...(args.values.get(name) ?? []), value]);
    }
  }
  return args;
}

const log = (message: string) => process.stdout.write(`[code-server launcher] ${message}\n`);
const first = (args: Args, name: string) => args.values.get(name)?.[0];

function requireInstalled(): NonNullable<ReturnType<typeof paths.codeServerVersions>> {
  const versions = paths.codeServerVersions();
  if (!versions || !fs.existsSync(paths.node24) || !fs.existsSync(paths.chromium)) {
    process.stderr.write(
      `code-server, Node 24 or Chromium is missing (looked in ${paths.cacheDir} and ${paths.chromium}); ` +
        'run: bash .ci/setup-vscode.sh\n',
    );
    process.exit(2);
  }
  return versions;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it returns a value, failing after `ms`. */
async function until<T>(what: string, ms: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function httpStatus(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(undefined));
    req.setTimeout(2000, () => req.destroy());
  });
}

/** How long code-server gets to stop on SIGTERM before its process group is killed. */
const STOP_GRACE_MS = 5000;

/** Kills the whole process group of a detached child, politely first. */
async function killGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) {
    return;
  }
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  const exited =
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, STOP_GRACE_MS))]);
  signalGroup('SIGKILL');
}

function cliPassThrough(args: Args, tmp: string): number {
  const cliArgs: string[] = [];
  for (const name of ['install-extension', 'uninstall-extension']) {
    for (const value of args.values.get(name) ?? []) {
      cliArgs.push(`--${name}`, value);
    }
  }
  for (const flag of ['list-extensions', 'show-versions', 'force']) {
    if (args.flags.has(flag)) {
      cliArgs.push(`--${flag}`);
    }
  }
  const result = spawnSync(
    paths.node24,
    [
      paths.codeServerEntry,
      '--config',
      path.join(tmp, 'config.yaml'),
      '--user-data-dir',
      first(args, 'user-data-dir') ?? path.join(tmp, 'user-data'),
      '--extensions-dir',
      first(args, 'extensions-dir') ?? path.join(tmp, 'extensions'),
      ...cliArgs,
    ],
    { stdio: 'inherit', env: serverEnv(tmp, {}) },
  );
  return result.status ?? 1;
}

function serverEnv(tmp: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
    XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
    // A loopback gallery: no look-ups leave the machine.
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/item' }),
    ...extra,
  };
}

/**
 * The server decides the display language from `languagepacks.json` in the user data dir, which VS Code writes
 * when its language-pack service sees an installed language pack; code-server's CLI install does not write it
 * and its running server only does so lazily, after the workbench has loaded. Register the language packs found
 * in the extensions dir here, in the format of vs/platform/languagePacks/node/languagePacks.ts.
 */
function registerLanguagePacks(extensionsDir: string, userDataDir: string): void {
  interface Manifest {
    publisher: string;
    name: string;
    version: string;
    contributes?: {
      localizations?: { languageId: string; localizedLanguageName?: string; translations: { id: string; path: string }[] }[];
    };
  }
  const packs: Record<string, { hash: string; label?: string; extensions: unknown[]; translations: Record<string, string> }> = {};
  const dirs = fs.existsSync(extensionsDir) ? fs.readdirSync(extensionsDir) : [];
  for (const dir of dirs) {
    const manifestPath = path.join(extensionsDir, dir, 'package.json');
    if (!fs.existsSync(manifestPath)) {
      continue;
    }
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Manifest;
    const id = `${manifest.publisher}.${manifest.name}`.toLowerCase();
    for (const localization of manifest.contributes?.localizations ?? []) {
      const translations: Record<string, string> = {};
      for (const t of localization.translations) {
        translations[t.id] = path.join(extensionsDir, dir, t.path);
      }
      packs[localization.languageId.toLowerCase()] = {
        hash: `${id}-${manifest.version}`.replace(/[^\w.-]/g, '_'),
        label: localization.localizedLanguageName,
        extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
        translations,
      };
    }
  }
  if (Object.keys(packs).length > 0) {
    fs.mkdirSync(userDataDir, { recursive: true });
    fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs));
  }
}

/** Serves screenshot requests from the tests; started before the server so that its address is in the
 *  environment the extension host inherits. Answers 503 until the workbench page exists. */
function startScreenshotService(getPage: () => Page | undefined): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = url.searchParams.get('path');
    const page = getPage();
    if (url.pathname !== '/screenshot' || !file) {
      res.writeHead(404).end('unknown request');
      return;
    }
    if (!page) {
      res.writeHead(503).end('no workbench page yet');
      return;
    }
    const click = url.searchParams.get('click');
    const selector = url.searchParams.get('selector');
    const text = url.searchParams.get('text');
    const timeout = Number(url.searchParams.get('timeout') ?? 20000);
    (async () => {
      if (click) {
        await page.locator(click).first().click({ timeout });
      }
      if (selector) {
        let locator = page.locator(selector);
        if (text) {
          locator = locator.filter({ hasText: text });
        }
        try {
          await locator.first().waitFor({ state: 'visible', timeout });
        } catch (error) {
          // keep what the workbench showed, to see why
          const failed = path.join(paths.cacheDir, 'screenshots-failed', path.basename(file, '.png'));
          fs.mkdirSync(path.dirname(failed), { recursive: true });
          await page.screenshot({ path: `${failed}.png` }).catch(() => undefined);
          fs.writeFileSync(`${failed}.html`, await page.content().catch(() => ''));
          throw new Error(`${(error as Error).message}\n(the workbench as it was: ${failed}.png and .html)`, { cause: error });
        }
      }
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await page.screenshot({ path: file });
    })().then(
      () => res.writeHead(200).end('saved'),
      (error: Error) => res.writeHead(500).end(error.message),
    );
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => server.close() });
    });
  });
}

/** Copies what the tests append to `file` to our stdout as it grows. */
function relay(file: string): { stop: () => void } {
  let offset = 0;
  const pump = () => {
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
    } catch {
      return;
    }
    try {
      const size = fs.fstatSync(fd).size;
      if (size > offset) {
        const buf = Buffer.alloc(size - offset);
        fs.readSync(fd, buf, 0, buf.length, offset);
        offset = size;
        process.stdout.write(buf);
      }
    } finally {
      fs.closeSync(fd);
    }
  };
  const timer = setInterval(pump, 100);
  return {
    stop: () => {
      clearInterval(timer);
      pump();
    },
  };
}

async function runExtensionTests(args: Args, tmp: string): Promise<number> {
  const versions = requireInstalled();
  const userDataDir = path.resolve(first(args, 'user-data-dir') ?? path.join(tmp, 'user-data'));
  const extensionsDir = path.resolve(first(args, 'extensions-dir') ?? path.join(tmp, 'extensions'));
  const locale = first(args, 'locale');
  const timeoutMs = Number(process.env.GONGWEN_E2E_TIMEOUT_MS ?? 600_000);
  const port = await freePort();
  const authority = `127.0.0.1:${port}`;
  const remote = (p: string) => `vscode-remote://${authority}${encodeURI(path.resolve(p))}`;
  const output = path.join(tmp, 'tests-output.log');
  const serverLog = path.join(tmp, 'server.log');
  const browserLog: string[] = [];

  log(
    `VS Code ${versions.vscode} (commit ${versions.commit.slice(0, 10)}) from code-server ${versions.codeServer}, ` +
      `server and web workbench on http://${authority}, extension host on Node 24, headless ${paths.chromium}`,
  );

  registerLanguagePacks(extensionsDir, userDataDir);
  let page: Page | undefined;
  const screenshots = await startScreenshotService(() => page);
  const serverOut = fs.openSync(serverLog, 'a');
  const server = spawn(
    paths.node24,
    [
      paths.codeServerEntry,
      '--config',
      path.join(tmp, 'config.yaml'),
      '--auth',
      'none',
      '--bind-addr',
      authority,
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--vscode-option',
      'enable-smoke-test-driver',
      ...(locale ? ['--locale', locale] : []),
    ],
    {
      detached: true,
      stdio: ['ignore', serverOut, serverOut],
      env: serverEnv(tmp, { GONGWEN_E2E_OUTPUT: output, GONGWEN_E2E_SCREENSHOT_URL: screenshots.url }),
    },
  );
  let serverExit: string | undefined;
  server.on('exit', (code, signal) => (serverExit = `code-server exited (${code ?? signal})`));

  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  const relaying = relay(output);
  let code: number;
  let broken = false; // the machinery failed (not the tests): show the server's and the workbench's logs
  try {
    await until('code-server to listen', 60_000, async () => {
      if (serverExit) {
        throw new Error(serverExit);
      }
      return (await httpStatus(`http://${authority}/healthz`)) === 200 ? true : undefined;
    });

    browser = await chromium.launch({
      executablePath: paths.chromium,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: locale ?? 'en-US' });
    const workbench = await context.newPage();
    workbench.on('console', (m) => browserLog.push(`[${m.type()}] ${m.text()}`));
    workbench.on('pageerror', (e) => browserLog.push(`[pageerror] ${e.message}`));
    // The tests' result, or the server's death, or the deadline: whichever comes first settles it.
    const outcome = new Promise<number>((resolve, reject) => {
      void workbench.exposeFunction('codeAutomationExit', (c: number) => resolve(Number(c)));
      server.once('exit', () => reject(new Error(serverExit)));
      setTimeout(() => reject(new Error(`tests did not finish within ${timeoutMs} ms`)), timeoutMs).unref();
    });
    page = workbench;

    const payload: [string, string][] = [
      ...(args.values.get('extensionDevelopmentPath') ?? []).map((p): [string, string] => ['extensionDevelopmentPath', remote(p)]),
      ['extensionTestsPath', remote(first(args, 'extensionTestsPath')!)],
    ];
    const query = new URLSearchParams();
    const target = args.positional[0];
    if (target) {
      query.set(target.endsWith('.code-workspace') ? 'workspace' : 'folder', path.resolve(target));
    }
    query.set('payload', JSON.stringify(payload));
    await workbench.goto(`http://${authority}/?${query.toString()}`);

    code = await outcome;
  } catch (error) {
    process.stderr.write(`[code-server launcher] ${(error as Error).message}\n`);
    code = 1;
    broken = true;
  } finally {
    relaying.stop();
    screenshots.close();
    await browser?.close().catch(() => undefined);
    await killGroup(server);
    fs.closeSync(serverOut);
  }
  if (broken || process.env.GONGWEN_E2E_VERBOSE) {
    const tail = (text: string) => text.split('\n').slice(-80).join('\n');
    process.stderr.write(`--- code-server log (last lines) ---\n${tail(fs.readFileSync(serverLog, 'utf8'))}\n`);
    process.stderr.write(`--- workbench console (last lines) ---\n${tail(browserLog.join('\n'))}\n`);
  }
  return code;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.flags.has('version') || args.flags.has('v')) {
    const versions = requireInstalled();
    process.stdout.write(`${versions.vscode}\n${versions.commit}\n${process.arch}\n`);
    return 0;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-code-'));
  fs.writeFileSync(path.join(tmp, 'config.yaml'), ''); // so that code-server writes no config of its own
  try {
    if (args.values.has('install-extension') || args.values.has('uninstall-extension') || args.flags.has('list-extensions')) {
      requireInstalled();
      return cliPassThrough(args, tmp);
    }
    if (args.values.has('extensionTestsPath')) {
      return await runExtensionTests(args, tmp);
    }
    process.stderr.write('This launcher runs extension tests only: pass --extensionTestsPath (see test/e2e/run.ts).\n');
    return 2;
  } finally {
    if (!process.env.GONGWEN_E2E_KEEP_TMP) {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`[code-server launcher] ${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
