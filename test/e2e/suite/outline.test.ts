// The outline tree and the folds of a fixture, checked exactly, through the VS Code API.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, foldingRanges, symbolsOf, workspaceUri } from './helpers';

/** A section as the fixture has it: name (marker + title), first and last line (0-based), children. */
interface Expected {
  name: string;
  lines: [number, number];
  children?: Expected[];
}

// test/e2e/fixtures/workspace/个人对照检查材料.txt
const OUTLINE: Expected[] = [
  {
    name: '一、存在的主要问题',
    lines: [4, 8],
    children: [
      { name: '（一）政治理论学习方面', lines: [5, 6] },
      { name: '（二）担当作为方面', lines: [7, 8] },
    ],
  },
  {
    name: '二、产生问题的原因',
    lines: [10, 14],
    children: [
      { name: '（一）理想信念有所松懈', lines: [11, 12] },
      { name: '（二）宗旨意识有所淡化', lines: [13, 14] },
    ],
  },
  {
    name: '三、整改措施',
    lines: [16, 23],
    children: [
      {
        name: '（一）强化理论武装',
        lines: [17, 21],
        children: [
          { name: '1.制定个人学习计划', lines: [18, 19] },
          { name: '2.坚持学用结合', lines: [20, 21] },
        ],
      },
      { name: '（二）提升担当本领', lines: [22, 23] },
    ],
  },
];

interface Shape {
  name: string;
  range: string;
  selectionLines: string;
  children: Shape[];
}

const at = (p: vscode.Position) => `${p.line}:${p.character}`;

function actualShape(symbols: readonly vscode.DocumentSymbol[]): Shape[] {
  return symbols.map((s) => ({
    name: s.name,
    range: `${at(s.range.start)}-${at(s.range.end)}`,
    selectionLines: `${s.selectionRange.start.line}-${s.selectionRange.end.line}`,
    children: actualShape(s.children ?? []),
  }));
}

/** Range: from the start of the heading line to the end of the section's last line; selection: the heading line. */
function expectedShape(document: vscode.TextDocument, sections: readonly Expected[]): Shape[] {
  return sections.map(({ name, lines: [first, last], children }) => ({
    name,
    range: `${first}:0-${last}:${document.lineAt(last).text.length}`,
    selectionLines: `${first}-${first}`,
    children: expectedShape(document, children ?? []),
  }));
}

function expectedFolds(sections: readonly Expected[]): string[] {
  return sections.flatMap(({ lines: [first, last], children }) => [`${first}-${last}`, ...expectedFolds(children ?? [])]);
}

describe('outline and folding', () => {
  const uri = workspaceUri('个人对照检查材料.txt');
  let document: vscode.TextDocument;

  before(async () => {
    await activateExtension();
    document = await vscode.workspace.openTextDocument(uri);
  });

  it('gives the *对照检查*.txt fixture the gongwen language', () => {
    assert.strictEqual(document.languageId, 'gongwen');
  });

  it('returns the exact outline tree: names, section ranges, heading lines', async () => {
    const symbols = await symbolsOf(uri);
    assert.deepStrictEqual(actualShape(symbols), expectedShape(document, OUTLINE));
  });

  it('returns exactly one fold per section', async () => {
    await symbolsOf(uri); // the server has the document
    const folds = (await foldingRanges(uri)).map((f) => `${f.start}-${f.end}`).sort();
    assert.deepStrictEqual(folds, expectedFolds(OUTLINE).sort());
  });
});
