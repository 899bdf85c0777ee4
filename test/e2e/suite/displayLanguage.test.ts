// Messages follow VS Code's display language: Chinese for zh-cn, English otherwise. The runner runs these tests
// once with --locale=en (with every other test) and once with --locale=zh-cn (a test-only language pack).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, codeOf, codesAt, openEditor, waitForDiagnostics, workspaceUri } from './helpers';

const CJK = /[\u3400-\u9fff]/;
const TWO_ENGLISH_WORDS = /[A-Za-z]{2,}\s+[A-Za-z]{2,}/;

/** The message without the quoted document text it cites (titles, markers), which is Chinese in any language. */
const unquoted = (message: string) => message.replace(/“[^”]*”|"[^"]*"|「[^」]*」/g, '');

describe('display language', () => {
  const expected = process.env.GONGWEN_E2E_LOCALE || 'en';
  const chinese = expected.startsWith('zh');

  before(activateExtension);

  it(`runs with the display language of this run (${expected})`, () => {
    assert.strictEqual(vscode.env.language, expected);
  });

  it(`diagnostic messages are in ${chinese ? 'Chinese' : 'English'}`, async () => {
    const example = workspaceUri('示例-个人对照检查材料.txt');
    const incomplete = workspaceUri('对照检查材料-缺少原因.txt');
    await openEditor(example);
    const diagnostics = await waitForDiagnostics(example, 'four kinds of problem in the example', (ds) => ds.length >= 4);
    await openEditor(incomplete);
    diagnostics.push(...(await waitForDiagnostics(incomplete, 'section.missing', (ds) => ds.some((d) => codeOf(d) === 'section.missing'))));
    for (const d of diagnostics) {
      const text = unquoted(d.message);
      if (chinese) {
        assert.ok(CJK.test(text) && !TWO_ENGLISH_WORDS.test(text), `${codesAt([d])} is in Chinese: ${d.message}`);
      } else {
        assert.ok(!CJK.test(text) && TWO_ENGLISH_WORDS.test(text), `${codesAt([d])} is in English: ${d.message}`);
      }
    }
  });
});
