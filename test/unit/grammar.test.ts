// The TextMate grammar, run through the same engine VS Code uses (vscode-textmate + the Oniguruma wasm).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar, type IToken } from 'vscode-textmate';

const root = path.resolve(__dirname, '..', '..', '..');
const grammarPath = path.join(root, 'syntaxes', 'gongwen.tmLanguage.json');

let grammarPromise: Promise<IGrammar> | undefined;
function loadGrammar(): Promise<IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) =>
        scopeName === 'text.gongwen' ? parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath) : null,
    });
    const grammar = await registry.loadGrammar('text.gongwen');
    assert.ok(grammar, 'grammar text.gongwen loads');
    return grammar;
  })();
  return grammarPromise;
}

async function tokenize(line: string): Promise<IToken[]> {
  return (await loadGrammar()).tokenizeLine(line, INITIAL).tokens;
}

/** The scopes every character of `part` (its first occurrence in `line`) carries. */
async function scopesOf(line: string, part: string): Promise<string[]> {
  const start = line.indexOf(part);
  assert.notEqual(start, -1, `${JSON.stringify(part)} occurs in ${JSON.stringify(line)}`);
  const end = start + part.length;
  const covering = (await tokenize(line)).filter((t) => t.startIndex < end && t.endIndex > start);
  assert.ok(covering.length > 0);
  return covering[0].scopes.filter((s) => covering.every((t) => t.scopes.includes(s)));
}

/** All scopes used anywhere on the line. */
async function lineScopes(line: string): Promise<Set<string>> {
  return new Set((await tokenize(line)).flatMap((t) => t.scopes));
}

async function assertScope(line: string, part: string, scope: string): Promise<void> {
  const scopes = await scopesOf(line, part);
  assert.ok(scopes.includes(scope), `${JSON.stringify(part)} in ${JSON.stringify(line)} has ${scope}; got ${scopes.join(' ')}`);
}

async function assertNoScope(line: string, part: string, scopePrefix: string): Promise<void> {
  const scopes = await scopesOf(line, part);
  assert.ok(
    !scopes.some((s) => s.startsWith(scopePrefix)),
    `${JSON.stringify(part)} in ${JSON.stringify(line)} has no ${scopePrefix}*; got ${scopes.join(' ')}`,
  );
}

async function headingLevel(line: string): Promise<number | undefined> {
  const levels = [...(await lineScopes(line))]
    .map((s) => /^markup\.heading\.(\d)\.gongwen$/.exec(s))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]));
  assert.ok(levels.length <= 1, `one heading level at most on ${JSON.stringify(line)}: ${levels.join(',')}`);
  return levels[0];
}

test('the manifest points at this grammar with scopeName text.gongwen', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const raw = JSON.parse(fs.readFileSync(grammarPath, 'utf8'));
  assert.equal(raw.scopeName, 'text.gongwen');
  assert.deepEqual(pkg.contributes.grammars, [
    { language: 'gongwen', scopeName: 'text.gongwen', path: './syntaxes/gongwen.tmLanguage.json' },
  ]);
});

const levels: Array<[number, string, string, string]> = [
  // level, line, marker, title
  [1, '一、存在的主要问题', '一、', '存在的主要问题'],
  [1, '十一、其他需要说明的事项', '十一、', '其他需要说明的事项'],
  [1, '二.产生问题的原因', '二.', '产生问题的原因'],
  [1, '三．努力方向和整改措施', '三．', '努力方向和整改措施'],
  [1, '一，存在的问题', '一，', '存在的问题'],
  [1, '一 存在的问题', '一', '存在的问题'],
  [1, '第一部分 存在的主要问题', '第一部分', '存在的主要问题'],
  [1, '第二章　原因剖析', '第二章', '原因剖析'],
  [2, '（一）理论学习方面。一是学深悟透不够足。', '（一）', '理论学习方面'],
  [2, '(二)政治素质方面。', '(二)', '政治素质方面'],
  [2, '(三）担当作为方面。', '(三）', '担当作为方面'],
  [2, '（四)工作作风方面：', '（四)', '工作作风方面'],
  [2, '（十二）、廉洁自律方面', '（十二）、', '廉洁自律方面'],
  [3, '1.加强理论武装。', '1.', '加强理论武装'],
  [3, '2、强化责任担当', '2、', '强化责任担当'],
  [3, '3．改进工作作风', '3．', '改进工作作风'],
  [3, '１．全角数字', '１．', '全角数字'],
  [3, '12. 第十二条措施', '12.', '第十二条措施'],
  [3, '第一、成立整改工作领导小组', '第一、', '成立整改工作领导小组'],
  [3, '第十二、细化整改任务。', '第十二、', '细化整改任务'],
  [4, '（1）学习不够深入。', '（1）', '学习不够深入'],
  [4, '(2)运用不够充分', '(2)', '运用不够充分'],
  [4, '（3).混合括号', '（3).', '混合括号'],
  [5, '①坚持学习', '①', '坚持学习'],
  [5, '⑳第二十项', '⑳', '第二十项'],
  [5, '1）带头学习', '1）', '带头学习'],
  [5, '2) 带头落实', '2)', '带头落实'],
];

for (const [level, line, marker, title] of levels) {
  test(`level ${level}: ${line}`, async () => {
    assert.equal(await headingLevel(line), level);
    await assertScope(line, marker, `markup.heading.${level}.gongwen`);
    await assertScope(line, marker, 'constant.numeric.marker.gongwen');
    await assertScope(line, title, `markup.heading.${level}.gongwen`);
    await assertScope(line, title, 'entity.name.section.gongwen');
    await assertNoScope(line, title, 'constant.numeric.marker');
  });
}

test('every level has its own heading scope', async () => {
  const seen = new Set<number | undefined>();
  for (const line of ['一、甲', '（一）乙', '1.丙', '（1）丁', '①戊']) {
    seen.add(await headingLevel(line));
  }
  assert.deepEqual([...seen].sort(), [1, 2, 3, 4, 5]);
});

test('the title ends at the first 。！？：； outside quotes; the body after it is no heading', async () => {
  const line = '（一）关于“区委核心作用发挥不充分，统领经济社会发展的能力需要进一步增强”方面。贯彻落实上级重大决策部署不够扎实；';
  await assertScope(line, '关于“区委核心作用发挥不充分，统领经济社会发展的能力需要进一步增强”方面', 'entity.name.section.gongwen');
  await assertNoScope(line, '贯彻落实上级', 'markup.heading');
  await assertNoScope(line, '。', 'entity.name.section');
  // a terminator inside the quotation does not end the title
  const quoted = '（二）关于“作风不实。问题突出”方面。正文';
  await assertScope(quoted, '方面', 'entity.name.section.gongwen');
  await assertNoScope(quoted, '正文', 'markup.heading');
  for (const stop of ['！', '？', '：', '；']) {
    const l = `一、标题${stop}正文`;
    await assertScope(l, '标题', 'entity.name.section.gongwen');
    await assertNoScope(l, '正文', 'markup.heading');
  }
});

test('markers after indentation and Markdown decoration', async () => {
  const cases: Array<[string, number, string]> = [
    ['  一、缩进', 1, '缩进'],
    ['\t（一）制表符', 2, '制表符'],
    ['\u3000\u30001.全角空格', 3, '全角空格'],
    ['&nbsp;&nbsp;（1）网页空格', 4, '网页空格'],
    ['## 一、Markdown 标题', 1, 'Markdown 标题'],
    ['###### （二）六级标记', 2, '六级标记'],
    ['**一、存在的主要问题**', 1, '存在的主要问题'],
    ['> （三）引用', 2, '引用'],
    ['- 1. 列表', 3, '列表'],
    ['* ①星号列表', 5, '星号列表'],
  ];
  for (const [line, level, title] of cases) {
    assert.equal(await headingLevel(line), level, line);
    await assertScope(line, title, 'entity.name.section.gongwen');
  }
  // decoration is not part of the title
  await assertNoScope('**一、存在的主要问题**', '**', 'entity.name.section');
  await assertScope('**一、存在的主要问题**', '**', 'punctuation.definition.heading.gongwen');
  await assertNoScope('## 一、标题', '##', 'entity.name.section');
});

test('decimals, dates, bare numbers and numbers inside a sentence are not headings', async () => {
  for (const line of [
    '3.5亿元用于基础设施建设',
    '1.2万人参加培训',
    '12.5%的村完成任务',
    '2025年，我按照要求',
    '2023年度，我',
    '2025.3.1召开会议',
    '1.',
    '3',
    '附件：1.关于某事的通知',
    '全年完成1.各项任务',
    '我们一、二季度完成',
    '一是学深悟透不够足。',
    '第一，加强学习。',
    '十分重要',
    '第一、二季度完成了目标',
    '第一、第二批次',
  ]) {
    assert.equal(await headingLevel(line), undefined, line);
  }
});

test('inline enumerations 一是/二是, 第一，, 其一', async () => {
  const line = '（一）理论学习方面。一是学深悟透不够足。二是实践运用还有差距；十二是其他。';
  await assertScope(line, '一是', 'constant.other.enumeration.gongwen');
  await assertScope(line, '二是', 'constant.other.enumeration.gongwen');
  await assertScope(line, '十二是', 'constant.other.enumeration.gongwen');
  await assertNoScope(line, '一是', 'markup.heading');
  await assertScope('一是学习不够深入。', '一是', 'constant.other.enumeration.gongwen');
  await assertScope('第一，加强学习；第二，改进作风。', '第一', 'constant.other.enumeration.gongwen');
  await assertScope('第一，加强学习；第二，改进作风。', '第二', 'constant.other.enumeration.gongwen');
  await assertScope('其一，思想认识不到位。', '其一', 'constant.other.enumeration.gongwen');
  // not inside words: 统一是, 位列第一, 唯一是
  await assertNoScope('祖国统一是大势所趋', '一是', 'constant.other.enumeration');
  await assertNoScope('全省位列第一，值得肯定', '第一', 'constant.other.enumeration');
});

test('quotations “…” and 「…」, nested, and unbalanced ones end with the line', async () => {
  await assertScope('做到“张口就来”，', '张口就来', 'string.quoted.other.gongwen');
  await assertScope('做到“张口就来”，', '“', 'string.quoted.other.gongwen');
  await assertNoScope('做到“张口就来”，后文', '后文', 'string.quoted');
  await assertScope('所谓「两个确立」', '两个确立', 'string.quoted.other.gongwen');
  const nested = '围绕“带头深刻感悟“两个确立”的决定性意义”五个方面';
  await assertScope(nested, '的决定性意义', 'string.quoted.other.gongwen');
  await assertNoScope(nested, '五个方面', 'string.quoted');
  const tokens = await tokenize('只有开头“没有结尾');
  assert.ok(tokens.some((t) => t.scopes.includes('string.quoted.other.gongwen')));
  // an unbalanced quotation does not run into the next line
  const grammar = await loadGrammar();
  const first = grammar.tokenizeLine('只有开头“没有结尾', INITIAL);
  const next = grammar.tokenizeLine('一、下一行是标题', first.ruleStack);
  assert.ok(next.tokens.some((t) => t.scopes.includes('markup.heading.1.gongwen')));
  assert.ok(next.tokens.every((t) => !t.scopes.some((s) => s.startsWith('string.'))));
});

test('《…》 titles', async () => {
  const line = '认真学习《中国共产党纪律处分条例》等党内法规';
  await assertScope(line, '中国共产党纪律处分条例', 'entity.name.tag.title.gongwen');
  await assertNoScope(line, '等党内法规', 'entity.name.tag');
});

test('placeholders: XX, xx, lone x between CJK, ×××, 某某, 【…】, * runs, X月X日', async () => {
  const P = 'invalid.deprecated.placeholder.gongwen';
  await assertScope('中央第XX巡视组', 'XX', P);
  await assertScope('学习了xx关于巡视工作的重要讲话', 'xx', P);
  const lone = '作风问题x起x人，其中';
  const tokens = await tokenize(lone);
  const xs = tokens.filter((t) => lone.slice(t.startIndex, t.endIndex) === 'x');
  assert.equal(xs.length, 2);
  assert.ok(xs.every((t) => t.scopes.includes(P)));
  await assertScope('上半年因X等个别企业影响', 'X', P);
  await assertScope('×××同志', '×××', P);
  await assertScope('某某同志在会上指出', '某某', P);
  await assertScope('【单位名称】党委', '【单位名称】', P);
  await assertScope('于[城市名称]召开', '[城市名称]', P);
  await assertScope('《中共*民主生活会的通知》', '*', P);
  await assertScope('20**年度民主生活会', '**', P);
  await assertScope('推动＊＊工作再上新台阶', '＊＊', P);
  await assertScope('定于X月X日召开', 'X月X日', P);
  await assertScope('X月X日，召开专题民主生活会', 'X月X日', P);
  await assertScope('2025年XX月XX日', 'XX', P);
  // placeholders are found inside titles and quotations too
  await assertScope('（一）在学习贯彻xx思想上还有差距。', 'xx', P);
  await assertScope('（一）在学习贯彻xx思想上还有差距。', 'xx', 'markup.heading.2.gongwen');
  await assertScope('落实“XX”要求', 'XX', P);
});

test('no placeholder in English words, Markdown bold, links or multiplication', async () => {
  const P = 'invalid.deprecated.placeholder';
  await assertNoScope('使用 Xbox 和 xxhash 工具', 'Xbox', P);
  await assertNoScope('使用 Xbox 和 xxhash 工具', 'xxhash', P);
  await assertNoScope('这是**重点**内容', '**', P);
  await assertScope('这是**重点**内容', '重点', 'markup.bold.gongwen');
  await assertNoScope('见[会议纪要](纪要.md)', '[会议纪要]', P);
  await assertNoScope('面积3×4米', '×', P);
  await assertNoScope('某单位', '某', P);
});
