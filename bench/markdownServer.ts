/**
 * The peer: vscode-markdown-languageserver, the Markdown language server VS Code ships, and what VS Code's Markdown
 * extension gives it (extensions/markdown-language-features/src/client/client.ts and its package.json).
 *
 * Version 0.5.0 declares `engines: { node: '>=22' }` (its bundle runs on Node 20, and needs no dependencies), so
 * it is not a devDependency (npm ci would warn EBADENGINE on Node 20): the first run fetches it from the npm registry
 * with `npm pack`, checks the tarball against the integrity pinned here and unpacks it under node_modules/.cache.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const MARKDOWN_SERVER = {
  name: 'vscode-markdown-languageserver',
  version: '0.5.0',
  integrity: 'sha512-V4y0kJW766d+KyYSKdMJa/tMZ3qXVH6caFK2IGZr/M4jQQkDjk8hc4J7G5pnL3RTQrgCtsxo9RIf31gU5pj+jQ==',
  main: 'dist/node/workerMain.js',
};

/** The server's script, fetched into `<root>/node_modules/.cache/gongwen-bench` on first use. */
export function markdownServerScript(root: string, log: (line: string) => void): string {
  const { name, version, integrity, main } = MARKDOWN_SERVER;
  const cache = join(root, 'node_modules', '.cache', 'gongwen-bench');
  const dir = join(cache, `${name}-${version}`);
  if (existsSync(join(dir, main))) {
    return join(dir, main);
  }
  log(`fetching ${name}@${version} from the npm registry (once) …`);
  mkdirSync(cache, { recursive: true });
  const packed = JSON.parse(
    execFileSync('npm', ['pack', `${name}@${version}`, '--json', '--pack-destination', cache], { cwd: root, encoding: 'utf8' }),
  ) as { filename: string }[];
  const tarball = join(cache, packed[0].filename);
  const actual = 'sha512-' + createHash('sha512').update(readFileSync(tarball)).digest('base64');
  if (actual !== integrity) {
    rmSync(tarball);
    throw new Error(`${name}@${version}: the registry's tarball has ${actual}, expected ${integrity}`);
  }
  const unpacking = dir + '.tmp';
  rmSync(unpacking, { recursive: true, force: true });
  mkdirSync(unpacking);
  execFileSync('tar', ['-xzf', tarball, '-C', unpacking, '--strip-components=1']);
  rmSync(tarball);
  renameSync(unpacking, dir);
  return join(dir, main);
}

export const MARKDOWN_FILE_EXTENSIONS = ['md', 'mkd', 'mdwn', 'mdown', 'markdown', 'markdn', 'mdtxt', 'mdtext', 'workbook'];

/**
 * The `markdown` settings VS Code pushes to the server (`synchronize.configurationSection: ['markdown']`): the
 * defaults of the extension's contributed settings that the server reads. `validate` is off by default in VS Code;
 * the `markdown-validate` variant turns it on.
 */
export function markdownSettings(validate: boolean): Record<string, unknown> {
  return {
    markdown: {
      server: { log: 'off' },
      trace: { server: 'off' },
      preferredMdPathExtensionStyle: 'auto',
      preview: { breaks: false, linkify: true, typographer: false },
      occurrencesHighlight: { enabled: false },
      suggest: { paths: { enabled: true, includeWorkspaceHeaderCompletions: 'onDoubleHash' } },
      validate: {
        enabled: validate,
        referenceLinks: { enabled: 'warning' },
        fragmentLinks: { enabled: 'warning' },
        fileLinks: { enabled: 'warning', markdownFragmentLinks: 'inherit' },
        ignoredLinks: [],
        unusedLinkDefinitions: { enabled: 'hint' },
        duplicateLinkDefinitions: { enabled: 'warning' },
      },
    },
  };
}
