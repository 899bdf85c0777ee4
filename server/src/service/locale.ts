/**
 * Locales from outside: LSP's `initialize.locale` and the POSIX variables. Only a strict language tag (`zh`,
 * `zh-cn`) comes out, never anything that could name a path: it selects a bundle file.
 */

const TAG = /^[a-z]{2,3}(-[a-z0-9]{2,4})?$/;

/** `zh_CN.UTF-8`, `zh-CN`, `zh_CN@euro` → `zh-cn`; anything that is not a language tag (C, POSIX, `../x`) → undefined. */
export function normalizeLocale(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const tag = value.split(/[.@]/)[0].replace(/_/g, '-').toLowerCase();
  return TAG.test(tag) ? tag : undefined;
}

/** True for a string that is already a normalized tag (what a bundle lookup accepts). */
export function isLocaleTag(value: string): boolean {
  return TAG.test(value);
}

/** The messages locale of a POSIX environment: the first of LC_ALL, LC_MESSAGES, LANG that is set (not empty). */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const value = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return normalizeLocale(value);
}
