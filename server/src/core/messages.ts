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
  // the review of self-inspection materials (SPEC §9)
  reviewFocusMissing:
    "The problems part has no sub-section on the focus area “{0}”. This year's notice asks every material to address each focus area: add a sub-section on it.",
  reviewFocusOrder: '“{0}” (focus area “{1}”) comes after a later focus area. Order the sub-sections as the notice lists the focus areas.',
  reviewYearMismatch:
    "The title names {0} but this names a meeting of {1}: is this text from another year's material? Write the year of the meeting being held, or say 上一年度 when it reports on last year.",
  reviewMeetingMismatch:
    "The title is about a {0} but this names a {1}: check that the text was written for this meeting, not taken from another one's material.",
  reviewCampaignMismatch:
    "This names the meeting of “{0}”, which the title does not name: reused from that campaign's material? Write about the meeting being held.",
  reviewPreviousRectification:
    'No part or paragraph reports on the rectification promised at the last meeting. Reviewers check it (回头看): add a part such as “上一年度整改措施落实情况”.',
  reviewLengthProblems: 'The problems part has {0} characters (fewer than {1}): set out each problem concretely, with its facts.',
  reviewLengthCauses: 'The causes part has {0} characters (fewer than {1}): analyse the roots in depth (理想信念, 宗旨意识, 党性修养).',
  reviewLengthTotal: 'The material has {0} characters (fewer than {1}): reviewers send back materials that are too thin.',
  reviewProportion:
    'Problems and causes make {0}% of the text (less than {1}%): the weight of the material belongs to the problems and their causes.',
  reviewMeasuresCount: '{0} measures for {1} problems: give every problem its measure, one by one.',
  reviewFirstPersonNone:
    "The problems part never says 我 or 本人: a personal material sets out one's own problems; the team's problems must not stand in for them.",
  reviewFirstPersonOthers:
    "“{0}” is the subject here: set out your own problems; the team's or others' problems must not stand in for them.",
  reviewVague: 'This problem uses {0} vague words such as “{1}”: show with an example what was not done and what came of it.',
  reviewExcuse: '“{0}” is an objective reason: seek the causes in yourself (理想信念, 党性修养), not in circumstances.',
  reviewSelfPraise: '“{0}” sets out achievements in the problems part: self-criticism must not turn into self-praise.',
  reviewNoExample:
    'This problem gives no concrete detail (a number, a date, a place, a quotation, or 比如…): reviewers ask to see the person, the event and the thinking.',
  // titles of the quick fixes
  fixRenumber: 'Renumber the headings',
  fixStandard: 'Write the marker as “{0}”',
  fixInsert: 'Insert the heading “{0}”',
  fixInline: 'Renumber the enumeration',
  // typography (SPEC §8)
  punctHalfWidth:
    'Half-width punctuation in Chinese text ({0} → {1}): GB/T 15834-2011 §5.1 gives each Chinese mark a full character position.',
  punctQuotes: 'Straight quotes around Chinese text ({0} → {1}): GB/T 15834-2011 §4.8 writes quotation marks as “…”, with ‘…’ inside them.',
  punctDunhao: 'A 顿号 between items already set off by 《》 or “”: GB/T 15834-2011 §4.5.3.5 leaves it out ({0} → {1}).',
  punctOrdinal:
    '“{0}” is an ordinal word such as 第一, 其一 or 首先; GB/T 15834-2011 (B.3.1) puts a comma after it, not a 顿号: write “{1}”.',
  punctEllipsis: '“{0}” is not a Chinese ellipsis. GB/T 15834-2011 §4.11 writes it as six dots in two character positions: “{1}”.',
  punctRange: 'The span “{0}” of years or dates takes the 一字线 “—” (GB/T 15834-2011 §4.13), not a hyphen or tilde: write “{1}”.',
  numberYearShort: 'Two-digit year “{0}”. Years are written in full (GB/T 9704-2012 §7.3.5, GB/T 15835-2011): write “{1}”.',
  numberYearShortUnclear:
    'Two-digit year “{0}”. Years are written in full (GB/T 9704-2012 §7.3.5, GB/T 15835-2011): write all four digits.',
  numberDateMixed:
    'The date “{0}” mixes Chinese and Arabic numerals. Write one date in one form; GB/T 9704-2012 §7.3.5 writes dates in Arabic numerals: “{1}”.',
  numberDateZero: 'In the year “{0}” the zero is not “〇”. A year in Chinese numerals writes zero as “〇” (GB/T 15835-2011): write “{1}”.',
  numberDatePadded: 'The date “{0}” pads a month or day with a zero. GB/T 9704-2012 §7.3.5: no leading zero (1, not 01): write “{1}”.',
  numberFixedChinese: '“{0}” is a set expression written with Chinese numerals (GB/T 15835-2011): write “{1}”.',
  fixTypography: 'Write “{0}”',
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
