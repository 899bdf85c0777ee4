/** Finds the l10n bundles of this package for the server and the command line. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLocaleTag } from '../service/locale';

/**
 * The l10n folder of this package: walk up from dist/ (or out/server/src/…) to the first folder with a
 * package.json, the package's own root, and look there only, so that a package missing its bundles is noticed.
 */
function l10nDir(): string | undefined {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json'))) {
      return existsSync(join(dir, 'l10n')) ? join(dir, 'l10n') : undefined;
    }
    dir = join(dir, '..');
  }
  return undefined;
}

/**
 * The bundle for a VS Code locale (`zh-cn`, else its language `zh`, and for any Chinese the one Chinese bundle, zh-cn:
 * the documents are mainland ones), as JSON text, if the package has one. Anything
 * but a strict language tag (see locale.ts) gets none before any file is looked at: the locale comes from clients.
 */
export function readBundle(locale: string): string | undefined {
  const dir = l10nDir();
  if (dir === undefined || !isLocaleTag(locale)) {
    return undefined;
  }
  const language = locale.split('-')[0];
  for (const name of [locale, language, ...(language === 'zh' ? ['zh-cn'] : [])]) {
    const file = join(dir, `bundle.l10n.${name}.json`);
    if (existsSync(file)) {
      return readFileSync(file, 'utf8');
    }
  }
  return undefined;
}
