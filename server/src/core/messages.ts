/**
 * Every message a rule can show. The English text is the key of the l10n bundle (`l10n/bundle.l10n.zh-cn.json`);
 * `{0}`, `{1}` are filled by the localizer. The core never localizes: the server and the CLI do.
 */
export interface Message {
  readonly template: string;
  readonly args: readonly (string | number)[];
}

export const MESSAGES = {
  sectionMissing: 'Required section “{0}” is missing. Add a top-level heading such as “{1}”.',
  sectionOrder: 'Section “{0}” should come before “{1}”. Move it so the parts follow the order {2}.',
  sectionEmpty: 'Heading “{0}” has no text under it. Write its content or remove the heading.',
  countMismatch: 'The text announces {0} parts but {1} follow. Make the number match.',
  numberingGap: 'Numbering skips from “{0}” to “{1}”. Renumber this heading as “{2}”.',
  numberingBackwards: 'Numbering goes back from “{0}” to “{1}”. Renumber this heading as “{2}”.',
  numberingDuplicate: '“{0}” is used twice under the same parent. Renumber this heading as “{1}”.',
  numberingStart: 'The first heading of this kind is “{0}”; numbering starts at one. Renumber it as “{1}”.',
  numberingSeparator: 'Non-standard marker “{0}”. Write it as “{1}”.',
  numberingBracket: 'Half-width or mixed brackets in “{0}”. Write it as “{1}” with full-width brackets.',
  levelInversion: '“{0}” (level {1}) follows a level-{2} heading under the same parent. Use “{3}”-style markers here or move it up.',
  inlineGap: 'Enumeration skips from “{0}” to “{1}”. Expected “{2}”.',
  inlineOrder: 'Enumeration goes from “{0}” back to “{1}”. Expected “{2}”.',
  placeholder: 'Template placeholder “{0}” left in the text. Replace it with the real content.',
  // titles of the quick fixes
  fixRenumber: 'Renumber the headings',
  fixStandard: 'Write the marker as “{0}”',
  fixInsert: 'Insert the heading “{0}”',
  fixInline: 'Renumber the enumeration',
} as const;

export function msg(template: string, ...args: (string | number)[]): Message {
  return { template, args };
}

/** Fills `{0}`… with the arguments (used when no translation applies). */
export function format(message: Message): string {
  return message.template.replace(/\{(\d+)\}/g, (m, i: string) => {
    const arg = message.args[Number(i)];
    return arg === undefined ? m : String(arg);
  });
}
