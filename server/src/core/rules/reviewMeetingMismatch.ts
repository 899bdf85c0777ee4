/**
 * review.meeting-mismatch: the text names a meeting of another kind than the one being held (组织生活会 in a
 * 民主生活会 material or the reverse), or the meeting of a campaign (主题教育…) the title does not name: text reused
 * from another meeting's material. Mentions as practice (坚持开好组织生活会) or history (another year's meeting) and
 * after 上一年度/上次 do not count.
 */
import lexicon from '../lexicons/meeting-mismatch.json';
import { MESSAGES, msg } from '../messages';
import { afterLastTime, eachOwnLine, occurrences, reportInOrder, words } from '../review';
import type { Finding, TextRule } from '../rule';

/** A meeting named as the one being held: after 本次/这次/此次/召开 or the year of the title (another year is history). */
const NAMED_MEETING = /(?:本次|这次|此次|召开|((?:19|20)\d\d)年度?)[^，,。；！？\n]{0,16}?(民主生活会|组织生活会)/g;
/** After a campaign's name: its meeting. */
const CAMPAIGN_MEETING = /^[^，,。；！？\n]{0,12}?(?:民主生活会|组织生活会)/;

export const reviewMeetingMismatch: TextRule = {
  id: 'review-meeting-mismatch',
  codes: ['review.meeting-mismatch'],
  scope: 'text',
  parts: ['*'],
  check(part, { outline, review }, report) {
    if (review === undefined || review.title.named === '') {
      return;
    }
    const { meeting, named } = review.title;
    const campaigns = words(lexicon.campaigns, review.settings, 'campaigns').filter((c) => !named.includes(c));
    eachOwnLine(outline, part, (line, text) => {
      if (!text.includes('生活会')) {
        return true; // every match names a 民主生活会 or 组织生活会
      }
      const found: Finding[] = [];
      const at = (start: number, end: number, message: Finding['message']) =>
        found.push({ code: 'review.meeting-mismatch', line, character: start, endLine: line, endCharacter: end, message });
      if (meeting !== undefined) {
        for (const m of text.matchAll(NAMED_MEETING)) {
          const [whole, year, other] = m;
          const start = m.index + whole.length - other.length;
          const thisYear = year === undefined || Number(year) === review.title.year;
          if (other !== meeting && thisYear && !afterLastTime(text, start)) {
            at(start, m.index + whole.length, msg(MESSAGES.reviewMeetingMismatch, meeting, other));
          }
        }
      }
      for (const { index, word } of occurrences(text, campaigns)) {
        const after = CAMPAIGN_MEETING.exec(text.slice(index + word.length));
        if (after !== null && !afterLastTime(text, index)) {
          at(index, index + word.length + after[0].length, msg(MESSAGES.reviewCampaignMismatch, word));
        }
      }
      return reportInOrder(found, report);
    });
  },
};
