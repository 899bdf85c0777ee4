// The e2e runner (`npm run test:e2e`): packages the extension, unpacks the .vsix, and runs the mocha suite in
// test/e2e/suite inside a real VS Code with @vscode/test-electron's runTests, once with the display language
// English (every test) and once with zh-cn (the display-language tests).
//
// Which VS Code: desktop VS Code when @vscode/test-electron can download it (GONGWEN_E2E_VSCODE=desktop insists
// on it); otherwise the VS Code server and web workbench of code-server, through the `code`-compatible launcher
// test/e2e/code (GONGWEN_E2E_VSCODE=server goes there directly). The runner prints which one ran.
//
// Options: --update-screenshots writes the workbench screenshots to docs/images/ (else .vscode-test/screenshots/).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import * as paths from './paths';
import { unzip, zip } from './zip';
import type { RunResults } from './suite/results';

const log = (message: string) => process.stdout.write(`[e2e] ${message}\n`);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

interface Target {
  executable: string;
  description: string;
}

async function chooseVSCode(): Promise<Target> {
  const wanted = process.env.GONGWEN_E2E_VSCODE;
  if (wanted !== 'server') {
    try {
      const executable = await downloadAndUnzipVSCode({ cachePath: paths.cacheDir, timeout: 30_000 });
      return { executable, description: `desktop VS Code downloaded by @vscode/test-electron (${executable})` };
    } catch (error) {
      if (wanted === 'desktop') {
        throw error;
      }
      log(
        `@vscode/test-electron cannot download VS Code here (${(error as Error).message.split('\n')[0]}); ` +
          'using the VS Code server and workbench of code-server instead',
      );
    }
  }
  const started = Date.now();
  const setup = spawnSync('bash', [path.join(paths.repoRoot, '.ci', 'setup-vscode.sh')], { stdio: 'inherit' });
  if (setup.status !== 0) {
    throw new Error('.ci/setup-vscode.sh failed');
  }
  log(`setup checked in ${seconds(started)}`);
  const v = paths.codeServerVersions()!;
  fs.chmodSync(paths.launcher, 0o755);
  return {
    executable: paths.launcher,
    description:
      `VS Code ${v.vscode} (commit ${v.commit.slice(0, 10)}): the server and web workbench of code-server ` +
      `${v.codeServer} in headless Chromium, through the launcher test/e2e/code`,
  };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: paths.repoRoot, env });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal})`);
  }
}

/** `npm run package`, then the .vsix unpacked: the suite runs against exactly what the package contains. */
function packageExtension(): string {
  const started = Date.now();
  // Node 24 when setup installed it, as for code-server (vsce 3 runs on Node 20 as well).
  const env = fs.existsSync(paths.node24)
    ? { ...process.env, PATH: `${path.dirname(paths.node24)}${path.delimiter}${process.env.PATH ?? ''}` }
    : process.env;
  run('npm', ['run', 'package', '--silent'], env);
  const vsix = path.join(paths.repoRoot, 'dist', 'gongwen-outline.vsix');
  const dest = paths.unpackedDir;
  fs.rmSync(dest, { recursive: true, force: true });
  const files = unzip(vsix, dest).filter((f) => f.startsWith('extension/'));
  log(`packaged ${path.relative(paths.repoRoot, vsix)} and unpacked it (${files.length} files) into ${dest} in ${seconds(started)}:`);
  log(
    `  ${files
      .map((f) => f.slice('extension/'.length))
      .sort()
      .join(', ')}`,
  );
  return path.join(dest, 'extension');
}

/** A fresh copy of the fixture workspace (the tests edit settings and files in it). */
function freshWorkspace(name: string): string {
  const dir = path.join(paths.cacheDir, 'workspaces', name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(paths.repoRoot, 'test', 'e2e', 'fixtures', 'workspace'), dir, { recursive: true });
  return dir;
}

/** A fresh user data dir with settings that keep the workbench quiet and the outline expanded. */
function freshUserData(name: string): string {
  const dir = path.join(paths.cacheDir, 'user-data', name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'security.workspace.trust.enabled': false,
        'outline.collapseItems': 'alwaysExpand',
        'editor.minimap.enabled': false,
        'editor.wordWrap': 'on',
        // Chinese punctuation is not "ambiguous" to the readers of these documents (nor to a zh-cn VS Code)
        'editor.unicodeHighlight.ambiguousCharacters': false,
        'chat.disableAIFeatures': true,
      },
      null,
      2,
    ),
  );
  return dir;
}

/** An extensions dir holding the test-only zh-cn language pack (fixtures/language-pack-zh-cn). */
function extensionsWithLanguagePack(cli: string[]): string {
  const source = path.join(paths.repoRoot, 'test', 'e2e', 'fixtures', 'language-pack-zh-cn');
  const dir = path.join(paths.cacheDir, 'extensions-zh-cn');
  fs.rmSync(dir, { recursive: true, force: true });
  const entries = new Map<string, Buffer>();
  const add = (rel: string) => entries.set(`extension/${rel}`, fs.readFileSync(path.join(source, rel)));
  add('package.json');
  add('translations/main.i18n.json');
  const vsix = path.join(paths.cacheDir, 'language-pack-zh-cn.vsix');
  zip(vsix, entries);
  const [command, ...args] = cli;
  const userData = path.join(paths.cacheDir, 'user-data', 'cli');
  run(command, [...args, `--extensions-dir=${dir}`, `--user-data-dir=${userData}`, '--install-extension', vsix]);
  return dir;
}

interface Pass {
  name: string;
  locale: string;
  grep?: string;
  extensionsDir: string;
}

async function main(): Promise<number> {
  const started = Date.now();
  const updateScreenshots = process.argv.includes('--update-screenshots');
  const target = await chooseVSCode();
  const extensionPath = packageExtension();
  const cli =
    target.executable === paths.launcher
      ? [paths.launcher]
      : resolveCliArgsFromVSCodeExecutablePath(target.executable, { reuseMachineInstall: true }); // dirs are ours
  const emptyExtensions = path.join(paths.cacheDir, 'extensions-en');
  fs.rmSync(emptyExtensions, { recursive: true, force: true });
  fs.mkdirSync(emptyExtensions, { recursive: true });
  const passes: Pass[] = [
    { name: 'en', locale: 'en', extensionsDir: emptyExtensions },
    { name: 'zh-cn', locale: 'zh-cn', grep: 'display language', extensionsDir: extensionsWithLanguagePack(cli) },
  ];
  const screenshots = updateScreenshots ? path.join(paths.repoRoot, 'docs', 'images') : path.join(paths.cacheDir, 'screenshots');

  log(`running in ${target.description}`);
  let passed = 0;
  let failed = 0;
  let failedRuns = 0;
  for (const pass of passes) {
    const passStarted = Date.now();
    const resultsFile = path.join(paths.cacheDir, `results-${pass.name}.json`);
    fs.rmSync(resultsFile, { force: true });
    log(`--- ${pass.name} run (display language ${pass.locale}${pass.grep ? `, tests matching "${pass.grep}"` : ''}) ---`);
    try {
      await runTests({
        vscodeExecutablePath: target.executable,
        extensionDevelopmentPath: extensionPath,
        extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
        launchArgs: [
          freshWorkspace(pass.name),
          `--locale=${pass.locale}`,
          `--user-data-dir=${freshUserData(pass.name)}`,
          `--extensions-dir=${pass.extensionsDir}`,
        ],
        extensionTestsEnv: {
          GONGWEN_E2E_LOCALE: pass.locale,
          GONGWEN_E2E_GREP: pass.grep ?? '',
          GONGWEN_E2E_RESULTS: resultsFile,
          GONGWEN_E2E_SCREENSHOTS: pass.name === 'en' ? screenshots : '',
        },
      });
    } catch (error) {
      failedRuns++;
      log(`${pass.name} run failed: ${(error as Error).message}`);
    }
    if (fs.existsSync(resultsFile)) {
      const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as RunResults;
      passed += results.passed;
      failed += results.failed;
      log(`${pass.name} run: ${results.passed} passed, ${results.failed} failed in ${seconds(passStarted)}`);
    } else {
      failed++; // the suite did not get to run: count it as a failure
      log(`${pass.name} run left no results (${seconds(passStarted)})`);
    }
  }
  log(`VS Code: ${target.description}`);
  log(`total ${seconds(started)}`);
  process.stdout.write(`e2e: ${passed} passed, ${failed} failed\n`);
  return failed === 0 && failedRuns === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`[e2e] ${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
