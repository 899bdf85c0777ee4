/**
 * The text of a Word document (.docx) as its author sees it (SPEC §11): one line per paragraph (body and table cells,
 * in order), and a paragraph numbered by Word's automatic numbering gets its number written as text from the
 * numbering definitions (numbering.xml: numFmt, lvlText such as `（%1）`, start, lvlRestart, overrides), so that its
 * outline is the outline Word shows. A pure function of the bytes: fflate unzips, @xmldom/xmldom parses.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import { Message, msg } from '../core/messages';
import { toChineseNumeral, toCircled } from '../core/numerals';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Parts larger than this (uncompressed) are refused: a document's XML is rarely a tenth of it. */
const MAX_PART_BYTES = 256 * 1024 * 1024;

export const DOCX_MESSAGES = {
  notZip: 'It is not a Word document (.docx): {0}',
  noDocument: 'It is a zip file without a Word document inside (no word/document.xml).',
  badXml: 'Its part {0} is not well-formed XML: {1}',
  tooLarge: 'Its part {0} is larger than {1} MB uncompressed.',
  oldWord: 'It is a Word 97–2003 document (.doc). Save it as .docx (Word document) and try again.',
} as const;

export type DocxText = { ok: true; text: string; paragraphs: number } | { ok: false; message: Message };

interface Level {
  start: number;
  format: string;
  text: string;
  /** lvlRestart: undefined restarts after any higher level, 0 never, n after levels 1…n (1-based). */
  restart: number | undefined;
  legal: boolean;
}

interface Num {
  /** Counters are shared by the lists of one abstract definition unless a list overrides a level. */
  key: string;
  levels: Map<number, Level>;
}

function children(parent: Element, local?: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n !== null; n = n.nextSibling) {
    if (n.nodeType === 1) {
      const e = n as Element;
      if (local === undefined || (e.localName === local && e.namespaceURI === W)) {
        out.push(e);
      }
    }
  }
  return out;
}

function child(parent: Element | undefined, local: string): Element | undefined {
  return parent === undefined ? undefined : children(parent, local)[0];
}

function val(e: Element | undefined): string | undefined {
  if (e === undefined) {
    return undefined;
  }
  const v = e.getAttributeNS(W, 'val');
  return v === null || v === '' ? (e.getAttribute('w:val') ?? undefined) : v;
}

function intVal(e: Element | undefined): number | undefined {
  const v = val(e);
  return v !== undefined && /^-?\d+$/.test(v) ? Number(v) : undefined;
}

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
const STEMS = '甲乙丙丁戊己庚辛壬癸';

function letters(n: number): string {
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/** A counter in one of Word's number formats (the ones Chinese documents use, and the common Western ones). */
export function formatNumber(n: number, format: string): string {
  if (n <= 0) {
    return String(n);
  }
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
      return toChineseNumeral(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return [...String(n)].map((d) => '〇一二三四五六七八九'[Number(d)]).join('');
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return toCircled(n);
    case 'decimalEnclosedParen':
      return n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => FULL_WIDTH_DIGITS[Number(d)]).join('');
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'ideographTraditional':
      return n <= 10 ? STEMS[n - 1] : String(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerLetter':
      return letters(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    default:
      return String(n);
  }
}

function readLevel(lvl: Element, base?: Level): Level {
  const restart = intVal(child(lvl, 'lvlRestart'));
  return {
    start: intVal(child(lvl, 'start')) ?? base?.start ?? 0,
    format: val(child(lvl, 'numFmt')) ?? base?.format ?? 'decimal',
    text: val(child(lvl, 'lvlText')) ?? base?.text ?? '',
    restart: restart ?? base?.restart,
    legal:
      child(lvl, 'isLgl') !== undefined ? val(child(lvl, 'isLgl')) !== 'false' && val(child(lvl, 'isLgl')) !== '0' : (base?.legal ?? false),
  };
}

function readNumbering(root: Element | undefined): Map<string, Num> {
  const nums = new Map<string, Num>();
  if (root === undefined) {
    return nums;
  }
  const abstracts = new Map<string, Map<number, Level>>();
  for (const a of children(root, 'abstractNum')) {
    const levels = new Map<number, Level>();
    for (const lvl of children(a, 'lvl')) {
      levels.set(Number(lvl.getAttributeNS(W, 'ilvl') || lvl.getAttribute('w:ilvl') || 0), readLevel(lvl));
    }
    abstracts.set(a.getAttributeNS(W, 'abstractNumId') || a.getAttribute('w:abstractNumId') || '', levels);
  }
  for (const n of children(root, 'num')) {
    const id = n.getAttributeNS(W, 'numId') || n.getAttribute('w:numId') || '';
    const abstractId = val(child(n, 'abstractNumId')) ?? '';
    const levels = new Map(abstracts.get(abstractId) ?? []);
    const overrides = children(n, 'lvlOverride');
    for (const o of overrides) {
      const ilvl = Number(o.getAttributeNS(W, 'ilvl') || o.getAttribute('w:ilvl') || 0);
      const base = levels.get(ilvl);
      const lvl = child(o, 'lvl');
      const start = intVal(child(o, 'startOverride'));
      const level = lvl !== undefined ? readLevel(lvl, base) : base;
      if (level !== undefined) {
        levels.set(ilvl, start !== undefined ? { ...level, start } : level);
      }
    }
    nums.set(id, { key: overrides.length > 0 ? `num:${id}` : `abstract:${abstractId}`, levels });
  }
  return nums;
}

/** Automatic numbering of paragraph styles (a heading style may carry the numbering), following basedOn. */
function readStyles(root: Element | undefined): Map<string, { numId?: string; ilvl?: number; basedOn?: string }> {
  const styles = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  for (const s of root === undefined ? [] : children(root, 'style')) {
    const numPr = child(child(s, 'pPr'), 'numPr');
    styles.set(s.getAttributeNS(W, 'styleId') || s.getAttribute('w:styleId') || '', {
      numId: val(child(numPr, 'numId')),
      ilvl: intVal(child(numPr, 'ilvl')),
      basedOn: val(child(s, 'basedOn')),
    });
  }
  return styles;
}

/** The marker Word shows before the paragraph, and the counters moved on. */
class Counter {
  private readonly counters = new Map<string, (number | undefined)[]>();

  constructor(private readonly nums: Map<string, Num>) {}

  next(numId: string, ilvl: number): string {
    const num = this.nums.get(numId);
    const level = num?.levels.get(ilvl);
    if (num === undefined || level === undefined || level.format === 'bullet' || level.format === 'none') {
      return '';
    }
    let counts = this.counters.get(num.key);
    if (counts === undefined) {
      counts = [];
      this.counters.set(num.key, counts);
    }
    counts[ilvl] = counts[ilvl] === undefined ? level.start : counts[ilvl] + 1;
    for (let j = ilvl + 1; j < counts.length; j++) {
      const restart = num.levels.get(j)?.restart;
      if (restart === undefined || (restart > 0 && ilvl < restart)) {
        counts[j] = undefined;
      }
    }
    return level.text.replace(/%([1-9])/g, (_, k: string) => {
      const i = Number(k) - 1;
      const l = num.levels.get(i);
      const n = counts[i] ?? l?.start ?? 1;
      return formatNumber(n, level.legal && i !== ilvl ? 'decimal' : (l?.format ?? 'decimal'));
    });
  }
}

function paragraphText(p: Element): string {
  let out = '';
  const walk = (e: Element): void => {
    for (const c of children(e)) {
      if (c.namespaceURI !== W) {
        // drawings, math and extensions: their text boxes are paragraphs of their own, not this one's text
        if (c.localName === 'AlternateContent') {
          walk(c);
        }
        continue;
      }
      switch (c.localName) {
        case 't':
          out += c.textContent ?? '';
          break;
        case 'tab':
          out += '\t';
          break;
        case 'noBreakHyphen':
          out += '-';
          break;
        case 'pPr':
        case 'rPr':
        case 'txbxContent':
        case 'del':
        case 'instrText':
          break;
        default:
          walk(c);
      }
    }
  };
  walk(p);
  return out.replace(/[\r\n]/g, ' ');
}

function parseXml(name: string, bytes: Uint8Array | undefined): Element | undefined | Message {
  if (bytes === undefined) {
    return undefined;
  }
  let error: string | undefined;
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') {
          error ??= message;
        }
      },
    }).parseFromString(new TextDecoder('utf-8').decode(bytes), 'text/xml');
    if (error === undefined && doc.documentElement !== null) {
      return doc.documentElement;
    }
  } catch (e) {
    error ??= e instanceof Error ? e.message : String(e);
  }
  return msg(DOCX_MESSAGES.badXml, name, (error ?? 'no root element').split('\n')[0]);
}

const isMessage = (v: unknown): v is Message => typeof v === 'object' && v !== null && 'template' in v;

/** The part a relationship of `type` points to from `source` (e.g. the main document from the package). */
function related(parts: Record<string, Uint8Array>, source: string, type: string): string | undefined {
  const dir = source.includes('/') ? source.slice(0, source.lastIndexOf('/') + 1) : '';
  const relsName = `${dir}_rels/${source.slice(dir.length)}.rels`;
  const rels = parseXml(relsName, parts[relsName]);
  if (rels === undefined || isMessage(rels)) {
    return undefined;
  }
  for (const r of Array.from(rels.getElementsByTagNameNS(RELS, 'Relationship'))) {
    if ((r.getAttribute('Type') ?? '').endsWith(`/${type}`)) {
      const target = r.getAttribute('Target') ?? '';
      const path = target.startsWith('/') ? target.slice(1) : dir + target;
      return path.replace(/[^/]+\/\.\.\//g, '');
    }
  }
  return undefined;
}

/** The text of a .docx file's bytes, one line per paragraph, automatic numbers written as text. */
export function docxText(bytes: Uint8Array): DocxText {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return { ok: false, message: msg(DOCX_MESSAGES.oldWord) };
  }
  let parts: Record<string, Uint8Array>;
  let tooLarge: string | undefined;
  try {
    parts = unzipSync(bytes, {
      filter: (f) => {
        const wanted = f.name.endsWith('.xml') || f.name.endsWith('.rels');
        if (wanted && f.originalSize > MAX_PART_BYTES) {
          tooLarge ??= f.name;
          return false;
        }
        return wanted;
      },
    });
  } catch (e) {
    return { ok: false, message: msg(DOCX_MESSAGES.notZip, e instanceof Error ? e.message : String(e)) };
  }
  if (tooLarge !== undefined) {
    return { ok: false, message: msg(DOCX_MESSAGES.tooLarge, tooLarge, MAX_PART_BYTES / 1024 / 1024) };
  }
  const main = related(parts, '', 'officeDocument') ?? 'word/document.xml';
  const document = parseXml(main, parts[main]);
  if (document === undefined) {
    return { ok: false, message: msg(DOCX_MESSAGES.noDocument) };
  }
  const numberingName = related(parts, main, 'numbering') ?? 'word/numbering.xml';
  const stylesName = related(parts, main, 'styles') ?? 'word/styles.xml';
  const numbering = parseXml(numberingName, parts[numberingName]);
  const styleRoot = parseXml(stylesName, parts[stylesName]);
  for (const part of [document, numbering, styleRoot]) {
    if (isMessage(part)) {
      return { ok: false, message: part };
    }
  }
  const counter = new Counter(readNumbering(numbering as Element | undefined));
  const styles = readStyles(styleRoot as Element | undefined);

  const styleNumbering = (styleId: string | undefined): { numId?: string; ilvl?: number } => {
    for (let id = styleId, depth = 0; id !== undefined && depth < 20; depth++) {
      const s = styles.get(id);
      if (s?.numId !== undefined) {
        return s;
      }
      id = s?.basedOn;
    }
    return {};
  };

  const lines: string[] = [];
  const visit = (e: Element): void => {
    for (const c of children(e)) {
      if (c.namespaceURI === W && c.localName === 'p') {
        const pPr = child(c, 'pPr');
        const numPr = child(pPr, 'numPr');
        const style = styleNumbering(val(child(pPr, 'pStyle')));
        const numId = val(child(numPr, 'numId')) ?? style.numId;
        const ilvl = intVal(child(numPr, 'ilvl')) ?? style.ilvl ?? 0;
        const marker = numId !== undefined && numId !== '0' ? counter.next(numId, ilvl) : '';
        lines.push(marker + paragraphText(c));
      } else if (!(c.namespaceURI === W && (c.localName === 'sectPr' || c.localName === 'del'))) {
        visit(c);
      }
    }
  };
  const body = child(document as Element, 'body');
  if (body !== undefined) {
    visit(body);
  }
  return { ok: true, text: lines.join('\n'), paragraphs: lines.length };
}
