/**
 * A document's text from a file's name and bytes: a .docx through docx.ts, anything else through decode.ts.
 * Pure (no file system): the CLI, the VS Code client and tests put their own reader in front of it.
 */
import type { Message } from '../core/messages';
import { decodeText, Encoding } from './decode';
import { DOCX_MESSAGES, docxText } from './docx';
import { msg } from '../core/messages';

export type DocumentText =
  | {
      ok: true;
      text: string;
      encoding: Encoding | 'docx';
      /** the text followed a byte order mark (not part of it) */
      bom: boolean;
      /** positions are paragraph numbers (a .docx) */
      paragraphs: boolean;
    }
  | { ok: false; message: Message };

export const WORD_EXTENSION = /\.docx$/i;

export function documentText(name: string, bytes: Uint8Array, encoding?: Encoding): DocumentText {
  if (WORD_EXTENSION.test(name)) {
    const result = docxText(bytes);
    return result.ok ? { ok: true, text: result.text, encoding: 'docx', bom: false, paragraphs: true } : result;
  }
  if (/\.doc$/i.test(name)) {
    return { ok: false, message: msg(DOCX_MESSAGES.oldWord) };
  }
  const result = decodeText(bytes, encoding);
  return result.ok ? { ok: true, text: result.text, encoding: result.encoding, bom: result.bom, paragraphs: false } : result;
}
