/**
 * The package is ready to publish (VS Code Marketplace and Open VSX): a LICENSE that matches package.json, an icon,
 * a repository (vsce rewrites the README's images to it), true categories, a rules page shipped and linked from every
 * diagnostic code, engines.node that every locked dependency accepts (npm ci prints no EBADENGINE), and vsce
 * options that hide none of this.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as semver from 'semver';
import { CODES } from '../../server/src/core/codes';
import { msg } from '../../server/src/core/messages';
import { toDiagnostics } from '../../server/src/service/diagnostics';
import { ruleHref, RULES_URL } from '../../server/src/service/rulesLink';

const ROOT = join(__dirname, '..', '..', '..');
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
const pkg = JSON.parse(read('package.json')) as {
  license: string;
  icon: string;
  repository: { type: string; url: string };
  categories: string[];
  engines: { node: string };
  scripts: Record<string, string>;
  contributes: Record<string, unknown>;
};

test('LICENSE is the MIT license package.json names, and goes into the package', () => {
  assert.equal(pkg.license, 'MIT');
  assert.match(read('LICENSE'), /^MIT License\n\nCopyright \(c\) \d{4} /);
  assert.match(read('.vscodeignore'), /^!LICENSE$/m);
  assert.doesNotMatch(pkg.scripts.package, /--skip-license/);
});

test('the icon is a square PNG of at least 128 pixels, packaged', () => {
  const png = readFileSync(join(ROOT, pkg.icon));
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  assert.ok(width === height && width >= 128, `${width}×${height}`);
  assert.match(read('.vscodeignore'), new RegExp(`^!${pkg.icon.replace(/\./g, '\\.')}$`, 'm'));
});

test('a repository, so that vsce makes the README images absolute; the README images exist', () => {
  assert.equal(pkg.repository.type, 'git');
  assert.match(pkg.repository.url, /^https:\/\/github\.com\/[\w-]+\/[\w-]+\.git$/);
  assert.doesNotMatch(pkg.scripts.package, /--no-rewrite-relative-links|--allow-missing-repository/);
  const images = [...read('README.md').matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
  assert.ok(images.length > 0);
  for (const image of images) {
    assert.ok(!/^[a-z]+:/.test(image) || image.startsWith(pkg.repository.url.replace(/\.git$/, '')), image);
    if (!/^[a-z]+:/.test(image)) {
      assert.ok(readFileSync(join(ROOT, image)).length > 0, image);
    }
  }
  assert.ok(RULES_URL.startsWith(pkg.repository.url.replace(/\.git$/, '/blob/HEAD/')), RULES_URL);
});

test('categories are true: no Formatters without a formatter', () => {
  for (const category of pkg.categories) {
    assert.ok(['Programming Languages', 'Linters'].includes(category), category);
  }
  assert.doesNotMatch(read('server/src/server.ts'), /documentFormattingProvider/);
});

/** The anchor GitHub and VS Code's Markdown preview give a heading. */
const slug = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

test('every diagnostic code links to its own section of docs/rules.md, which the package ships', () => {
  const anchors = new Set([...read('docs/rules.md').matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1])));
  for (const code of CODES) {
    const href = ruleHref(code);
    assert.ok(href.startsWith(`${RULES_URL}#`), href);
    assert.ok(anchors.has(href.slice(href.indexOf('#') + 1)), `docs/rules.md has a heading for ${code} (${href})`);
  }
  const [diagnostic] = toDiagnostics(
    [
      {
        code: 'numbering.gap',
        severity: 'warning',
        line: 0,
        character: 0,
        endLine: 0,
        endCharacter: 1,
        message: msg('x'),
        origin: { rule: 0, unit: 0 },
      },
    ],
    (s: string) => s,
  );
  assert.equal(diagnostic.codeDescription?.href, `${RULES_URL}#numberinggap`);
  assert.match(read('.vscodeignore'), /^!docs\/rules\.md$/m);
});

test('engines.node is accepted by every locked dependency that declares one (npm ci prints no EBADENGINE)', () => {
  const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { engines?: { node?: unknown } }> };
  const refusing = Object.entries(lock.packages)
    .filter(([name, p]) => name !== '' && typeof p.engines?.node === 'string' && !semver.subset(pkg.engines.node, p.engines.node as string))
    .map(([name, p]) => `${name} wants ${String(p.engines?.node)}`);
  assert.deepEqual(refusing, []);
  assert.ok(semver.satisfies('20.20.0', pkg.engines.node), 'Node 20.20 (CI) is within engines.node');
});
