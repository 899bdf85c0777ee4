/**
 * Where a diagnostic's code leads (its codeDescription): the rule's section of docs/rules.md, which the extension
 * also ships, in the project's repository. The anchor is the heading's slug as GitHub and VS Code's Markdown preview
 * make it (`section.missing` → `sectionmissing`).
 */
export const RULES_URL = 'https://github.com/gongwen-outline/gongwen-outline/blob/HEAD/docs/rules.md';

export function ruleHref(code: string): string {
  return `${RULES_URL}#${code.toLowerCase().replace(/[^a-z0-9 _-]/g, '')}`;
}
