/**
 * Builds .docx files for tests: the parts Word writes (content types, relationships, document, numbering, styles),
 * zipped with fflate. Paragraphs may carry automatic numbering (numId, ilvl) or a style; runs are split as Word
 * splits them, so that a reader must join them.
 */
import { strToU8, zipSync } from 'fflate';

export interface Paragraph {
  text: string;
  numId?: number;
  ilvl?: number;
  style?: string;
}

export interface Level {
  format: string;
  text: string;
  start?: number;
  restart?: number;
}

export interface DocxSpec {
  /** Paragraphs, or a table (rows of cells of paragraphs) in their place. */
  body: (Paragraph | { table: Paragraph[][][] })[];
  /** Abstract numbering definitions by id: their levels. */
  abstracts?: Record<number, Level[]>;
  /** Lists: numId → abstract id, with optional start overrides per level. */
  nums?: Record<number, { abstract: number; startOverride?: Record<number, number> }>;
  /** Paragraph styles carrying numbering: styleId → numId. */
  styles?: Record<string, { numId: number; ilvl?: number }>;
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function paragraph(p: Paragraph): string {
  const props: string[] = [];
  if (p.style !== undefined) {
    props.push(`<w:pStyle w:val="${p.style}"/>`);
  }
  if (p.numId !== undefined) {
    props.push(`<w:numPr><w:ilvl w:val="${p.ilvl ?? 0}"/><w:numId w:val="${p.numId}"/></w:numPr>`);
  }
  // split the text into runs of at most 3 characters, with a bookmark between two of them, as Word does
  const runs = (p.text.match(/[\s\S]{1,3}/g) ?? []).map(
    (t) => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${escape(t)}</w:t></w:r>`,
  );
  if (runs.length > 1) {
    runs.splice(1, 0, '<w:bookmarkStart w:id="0" w:name="_Toc1"/><w:bookmarkEnd w:id="0"/>');
  }
  return `<w:p>${props.length > 0 ? `<w:pPr>${props.join('')}</w:pPr>` : ''}${runs.join('')}</w:p>`;
}

export function makeDocx(spec: DocxSpec): Uint8Array {
  const body = spec.body
    .map((b) =>
      'table' in b
        ? `<w:tbl>${b.table.map((row) => `<w:tr>${row.map((cell) => `<w:tc>${cell.map(paragraph).join('')}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`
        : paragraph(b),
    )
    .join('');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`,
    ),
  };
  if (spec.abstracts !== undefined) {
    const abstracts = Object.entries(spec.abstracts).map(
      ([id, levels]) =>
        `<w:abstractNum w:abstractNumId="${id}">${levels
          .map(
            (l, i) =>
              `<w:lvl w:ilvl="${i}"><w:start w:val="${l.start ?? 1}"/><w:numFmt w:val="${l.format}"/>` +
              `${l.restart !== undefined ? `<w:lvlRestart w:val="${l.restart}"/>` : ''}<w:lvlText w:val="${l.text}"/><w:suff w:val="nothing"/></w:lvl>`,
          )
          .join('')}</w:abstractNum>`,
    );
    const nums = Object.entries(spec.nums ?? {}).map(
      ([id, n]) =>
        `<w:num w:numId="${id}"><w:abstractNumId w:val="${n.abstract}"/>${Object.entries(n.startOverride ?? {})
          .map(([lvl, start]) => `<w:lvlOverride w:ilvl="${lvl}"><w:startOverride w:val="${start}"/></w:lvlOverride>`)
          .join('')}</w:num>`,
    );
    files['word/numbering.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>${abstracts.join('')}${nums.join('')}</w:numbering>`,
    );
  }
  if (spec.styles !== undefined) {
    const styles = Object.entries(spec.styles).map(
      ([id, s]) =>
        `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${id}"/><w:pPr><w:numPr>${s.ilvl !== undefined ? `<w:ilvl w:val="${s.ilvl}"/>` : ''}<w:numId w:val="${s.numId}"/></w:numPr></w:pPr></w:style>`,
    );
    files['word/styles.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>${styles.join('')}</w:styles>`);
  }
  return zipSync(files);
}

/** The four levels of a 公文 outline as Word's numbering writes them: 一、 （一） 1. （1） and ① below. */
export const GONGWEN_LEVELS: Level[] = [
  { format: 'chineseCounting', text: '%1、' },
  { format: 'chineseCounting', text: '（%2）' },
  { format: 'decimal', text: '%3.' },
  { format: 'decimal', text: '（%4）' },
  { format: 'decimalEnclosedCircle', text: '%5' },
];
