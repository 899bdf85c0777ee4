/**
 * review.first-person: a personal material whose problems part never says 我/本人/自己, or whose problems have
 * 班子/部分同志/个别同志… as the subject (以班子问题代替个人问题). A 班子 material (its title says 班子 and not
 * 个人/成员) is exempt.
 */
import lexicon from '../lexicons/first-person.json';
import { MESSAGES, msg } from '../messages';
import type { Section } from '../model';
import { afterEnumerator, eachOwnLine, sentences, words } from '../review';
import type { TextRule } from '../rule';
import { headingRange } from './util';

/** Words of a title that make a material a 班子 one, and words that keep it personal (read by analyze.ts). */
export const TEAM_WORDS: readonly string[] = lexicon.team;
export const PERSONAL_WORDS: readonly string[] = lexicon.personal;

export const reviewFirstPerson: TextRule = {
  id: 'review-first-person',
  codes: ['review.first-person'],
  scope: 'text',
  parts: ['problems'],
  check(part, { outline, review }, report) {
    if (review === undefined || review.title.team || !('line' in part)) {
      return;
    }
    const section = part as Section;
    if (section.parent === undefined) {
      // the part as a whole: read until a first-person word is found (usually in its first lines), so that typing
      // further down does not check it again
      const self = words(lexicon.self, review.settings, 'self');
      let found = false;
      for (let i = section.line; i < section.boundary && !found; i++) {
        const text = i === section.line ? outline.line(i).slice(section.marker.end) : outline.line(i);
        found = self.some((w) => text.includes(w));
      }
      if (
        !found &&
        !report({ code: 'review.first-person', ...headingRange(outline, section), message: msg(MESSAGES.reviewFirstPersonNone) })
      ) {
        return;
      }
    }
    const others = words(lexicon.others, review.settings, 'others');
    eachOwnLine(outline, part, (line, text) => {
      const from = line === section.line ? section.marker.end : 0;
      for (const sentence of sentences(text.slice(from))) {
        const start = sentence.at + afterEnumerator(sentence.text);
        const subject = others.find((w) => text.startsWith(w, from + start));
        if (
          subject !== undefined &&
          !report({
            code: 'review.first-person',
            line,
            character: from + start,
            endLine: line,
            endCharacter: from + start + subject.length,
            message: msg(MESSAGES.reviewFirstPersonOthers, subject),
          })
        ) {
          return false;
        }
      }
      return true;
    });
  },
};
