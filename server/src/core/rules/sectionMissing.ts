/** section.missing: a required section of the profile is absent; the fix inserts it at its place and renumbers. */
import { formatNumber, LineEdit, MAX_NUMBER, standardMarker } from '../edits';
import { MESSAGES, msg } from '../messages';
import type { Outline, Section } from '../model';
import { findTerminator, MarkerKind, scanLine, trimTitleEnd } from '../scanner';
import { CompiledProfile, matchSection } from '../profiles';
import type { DocumentRule } from '../rule';
import { headingRange, quote } from './util';

/**
 * Would a heading on line `line` come right after an attachment or contents list (附件： / 目录 and its numbered
 * items)? Then the parser reads it as one more item, and the fix would insert the heading again on every use: keep a
 * blank line between.
 */
function afterList(outline: Outline, line: number): boolean {
  if (line <= 0) {
    return false;
  }
  const prev = scanLine(outline.line(line - 1));
  return prev.listIntro === true || (prev.marker !== undefined && !outline.all.some((s) => s.line === line - 1));
}

/**
 * The title of the heading to insert: the section's label when it counts as that section, else the first of its
 * pattern alternatives (wildcards dropped) that does. A user profile's label may be an id such as `problems` that no
 * pattern matches; inserting it would not mend the diagnostic, and the fix would insert it again on every use.
 */
function titleFor(profile: CompiledProfile, index: number): string | undefined {
  const wanted = profile.profile.sections[index];
  const candidates = [wanted.label, ...wanted.patterns.flatMap((p) => p.split('|').map((alt) => alt.replace(/\*/g, '')))];
  // as a heading, the text is read up to its first sentence end (`问题：` gives the title `问题`)
  const asTitle = (text: string) => {
    const stop = findTerminator(text, 0).at;
    return text.slice(0, trimTitleEnd(text, 0, stop >= 0 ? stop : text.length)).trim();
  };
  return candidates
    .slice(0, 20)
    .map(asTitle)
    .find((c) => c.length > 0 && matchSection(profile, c) === index);
}

export const sectionMissing: DocumentRule = {
  id: 'section-missing',
  codes: ['section.missing'],
  scope: 'document',
  check(outline, { profile, matches }, report) {
    const roots = outline.sections;
    profile.profile.sections.forEach((wanted, index) => {
      if (!wanted.required || matches.includes(index)) {
        return;
      }
      // it belongs before the first top-level section that the profile puts after it
      const at = roots.findIndex((_, i) => matches[i] > index);
      const anchor: Section | undefined = at >= 0 ? roots[at] : roots[roots.length - 1];
      const model = anchor ?? roots[0];
      const kind = model?.marker.kind ?? 'cn';
      const siblings = roots.filter((r) => r.marker.kind === kind);
      const before = at >= 0 ? siblings.filter((r) => r.line < roots[at].line) : siblings;
      const number = before.length + 1;
      const title = titleFor(profile, index);
      const range =
        anchor !== undefined ? headingRange(outline, anchor) : { line: 0, character: 0, endLine: 0, endCharacter: outline.line(0).length };
      // no fix when no title counts as the section, or when the heading or the ones it renumbers would need a
      // number their marker cannot hold (㉑)
      const fixable = title !== undefined && siblings.length + 1 <= MAX_NUMBER[kind];
      const heading = (prefix: string) => prefix + standardMarker(kind, number) + title + (prefix.includes('**') ? '**' : '');
      report({
        code: 'section.missing',
        ...range,
        subject: wanted.id,
        message: msg(MESSAGES.sectionMissing, quote(wanted.label), quote(standardMarker(kind, number) + (title ?? wanted.label))),
        fix: fixable
          ? {
              title: msg(MESSAGES.fixInsert, heading('').trim()),
              insertsText: true,
              build: () => insertion(outline, at >= 0 ? roots[at] : undefined, anchor, model, kind, siblings, heading),
            }
          : undefined,
      });
    });
  },
};

/** The fix of section.missing: the heading at its place (before `next`, else after `anchor`), the ones after it renumbered. */
function insertion(
  outline: Outline,
  next: Section | undefined,
  anchor: Section | undefined,
  model: Section | undefined,
  kind: MarkerKind,
  siblings: readonly Section[],
  heading: (prefix: string) => string,
): LineEdit[] {
  let insertLine: number;
  if (next !== undefined) {
    insertLine = next.line;
  } else if (anchor !== undefined) {
    insertLine = outline.endOf(anchor) + 1;
  } else {
    insertLine = outline.closingLine >= 0 ? outline.closingLine : outline.lineCount;
  }
  // keep the decoration the other headings use (`**一、…**`, `# 一、…`)
  const text = heading(model !== undefined ? outline.line(model.line).slice(0, model.marker.start) : '');
  const edits: LineEdit[] = [];
  const last = outline.lineCount - 1;
  const lastText = outline.line(last);
  // the line the heading lands on: its place, or after the last line (on it when it is empty)
  const headingLine = insertLine < outline.lineCount ? insertLine : lastText.length > 0 ? last + 1 : last;
  const gap = afterList(outline, headingLine) ? '\n' : '';
  if (insertLine >= outline.lineCount) {
    edits.push({
      line: last,
      character: lastText.length,
      endLine: last,
      endCharacter: lastText.length,
      newText: (lastText.length > 0 ? '\n' : '') + gap + text,
    });
  } else {
    edits.push({ line: insertLine, character: 0, endLine: insertLine, endCharacter: 0, newText: gap + text + '\n' });
  }
  siblings.forEach((s, i) => {
    const want = i + 2;
    if (s.line >= insertLine && s.marker.number !== want) {
      const original = outline.line(s.line).slice(s.marker.numberStart, s.marker.numberEnd);
      edits.push({
        line: s.line,
        character: s.marker.numberStart,
        endLine: s.line,
        endCharacter: s.marker.numberEnd,
        newText: formatNumber(kind, want, original),
      });
    }
  });
  return edits;
}
