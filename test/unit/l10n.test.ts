// Localization: the manifest strings (package.nls*.json) and the runtime strings (l10n/bundle.l10n.zh-cn.json)
// are complete and nothing in them is stale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const root = path.resolve(__dirname, '..', '..', '..');
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

function stringRecord(file: string): Record<string, string> {
  const value = readJson(file);
  assert.ok(typeof value === 'object' && value !== null && !Array.isArray(value), `${file} is an object`);
  for (const [k, v] of Object.entries(value)) {
    assert.equal(typeof v, 'string', `${file}: value of ${JSON.stringify(k)} is a string`);
    assert.notEqual((v as string).trim(), '', `${file}: value of ${JSON.stringify(k)} is not empty`);
  }
  return value as Record<string, string>;
}

function placeholders(s: string): string[] {
  return [...new Set(s.match(/\{\d+\}/g) ?? [])].sort();
}

/** Every `%key%` string anywhere in package.json. */
function manifestKeys(): Set<string> {
  const keys = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      const m = /^%([^%\s]+)%$/.exec(v);
      if (m) {
        keys.add(m[1]);
      }
    } else if (Array.isArray(v)) {
      v.forEach(walk);
    } else if (typeof v === 'object' && v !== null) {
      Object.values(v).forEach(walk);
    }
  };
  walk(readJson('package.json'));
  return keys;
}

function sourceFiles(dir: string): string[] {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) {
    return [];
  }
  return fs
    .readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => path.join(abs, f));
}

interface Use {
  key: string;
  where: string;
}

/**
 * Message keys the sources use: the literal first argument of `l10n.t(…)` / `vscode.l10n.t(…)` (or its
 * `{ message, comment }` form, whose key is `message/comment`), and the string values of a message table: a
 * variable named `MESSAGES` or `…_MESSAGES` (the server's catalogues, localized through a variable, so their keys
 * never appear in a call).
 */
export function findUses(file: string, text: string): Use[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const uses: Use[] = [];
  const where = (node: ts.Node): string => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    return `${path.relative(root, file)}:${line + 1}`;
  };
  const literal = (node: ts.Node | undefined): string | undefined =>
    node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
  const property = (obj: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined => {
    for (const p of obj.properties) {
      if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === name) {
        return p.initializer;
      }
    }
    return undefined;
  };
  const strip = (e: ts.Expression): ts.Expression =>
    ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isParenthesizedExpression(e) ? strip(e.expression) : e;

  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && /(^|\.)l10n\.t$/.test(node.expression.getText(source))) {
      const first = node.arguments[0];
      const key = literal(first);
      if (key !== undefined) {
        uses.push({ key, where: where(node) });
      } else if (first && ts.isTemplateExpression(first)) {
        assert.fail(`${where(node)}: l10n.t with a template literal cannot be a bundle key`);
      } else if (first && ts.isObjectLiteralExpression(first)) {
        const message = literal(property(first, 'message'));
        const commentNode = property(first, 'comment');
        let comment = literal(commentNode);
        if (commentNode && ts.isArrayLiteralExpression(commentNode)) {
          comment = commentNode.elements.map((e) => literal(e) ?? '').join('');
        }
        if (message !== undefined) {
          uses.push({ key: comment ? `${message}/${comment}` : message, where: where(node) });
        }
      }
    }
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && /(^|_)MESSAGES$/.test(node.name.text) && node.initializer) {
      const table = strip(node.initializer);
      if (ts.isObjectLiteralExpression(table)) {
        for (const p of table.properties) {
          const value = ts.isPropertyAssignment(p) ? literal(p.initializer) : undefined;
          if (value !== undefined) {
            uses.push({ key: value, where: where(p) });
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses;
}

function allUses(): Use[] {
  return [...sourceFiles('client/src'), ...sourceFiles('server/src')].flatMap((f) => findUses(f, fs.readFileSync(f, 'utf8')));
}

test('package.nls.json and package.nls.zh-cn.json have the same keys and placeholders', () => {
  const en = stringRecord('package.nls.json');
  const zh = stringRecord('package.nls.zh-cn.json');
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  for (const key of Object.keys(en)) {
    assert.deepEqual(placeholders(zh[key]), placeholders(en[key]), `placeholders of ${key}`);
    assert.match(zh[key], /\p{Script=Han}/u, `package.nls.zh-cn.json: ${key} is translated`);
  }
});

test('every %key% in package.json has a string, and every string is used', () => {
  const used = manifestKeys();
  assert.ok(used.size > 0, 'package.json uses %key% strings');
  const en = stringRecord('package.nls.json');
  const zh = stringRecord('package.nls.zh-cn.json');
  for (const key of used) {
    assert.ok(key in en, `package.nls.json lacks ${key}`);
    assert.ok(key in zh, `package.nls.zh-cn.json lacks ${key}`);
  }
  assert.deepEqual(
    Object.keys(en).filter((k) => !used.has(k)),
    [],
    'package.nls.json keys that package.json never uses',
  );
});

test('every l10n.t literal and message-table entry in client/src and server/src has a zh-cn translation', () => {
  const bundle = stringRecord('l10n/bundle.l10n.zh-cn.json');
  const uses = allUses();
  assert.ok(
    uses.some((u) => u.where.startsWith('client')),
    'the scan finds the client strings',
  );
  const missing = uses.filter((u) => !(u.key in bundle)).map((u) => `${u.where}: ${JSON.stringify(u.key)}`);
  assert.deepEqual(missing, [], 'strings without a key in l10n/bundle.l10n.zh-cn.json');
  for (const key of Object.keys(bundle)) {
    assert.deepEqual(placeholders(bundle[key]), placeholders(key), `placeholders of ${JSON.stringify(key)}`);
  }
});

test('no key of l10n/bundle.l10n.zh-cn.json is unused', () => {
  const bundle = stringRecord('l10n/bundle.l10n.zh-cn.json');
  const used = new Set(allUses().map((u) => u.key));
  assert.deepEqual(
    Object.keys(bundle).filter((k) => !used.has(k)),
    [],
    'bundle keys no source uses',
  );
});

test('the scanner finds l10n.t literals, the object form and MESSAGES tables, and ignores other calls', () => {
  const text = [
    "import * as vscode from 'vscode';",
    "vscode.l10n.t('Restarting the server…');",
    'l10n.t("Profile: {0}", name);',
    'l10n.t(`Plain template`);',
    "l10n.t({ message: 'Hello {0}', args: [x], comment: ['a ', 'note'] });",
    'l10n.t(someVariable);',
    "t('not a bundle key');",
    "other.t('neither');",
    "export const MESSAGES = { a: 'Table entry {0}.', b: 'Another.' } as const;",
    "const CONFIG_MESSAGES = { c: 'Config entry.' };",
    "const NOT_MESSAGES_TABLE = { d: 'Not a message.' };",
  ].join('\n');
  const keys = findUses(path.join(root, 'client/src/example.ts'), text).map((u) => u.key);
  assert.deepEqual(keys, [
    'Restarting the server…',
    'Profile: {0}',
    'Plain template',
    'Hello {0}/a note',
    'Table entry {0}.',
    'Another.',
    'Config entry.',
  ]);
  assert.throws(() => findUses('x.ts', 'l10n.t(`Dynamic $' + '{key}`);'), /template literal/);
});
