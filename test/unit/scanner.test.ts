import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanLine } from '../../server/src/core/scanner';

/** Where the title of a heading line ends on it, as the scanner sees it. */
function titleEnd(line: string): number | undefined {
  return scanLine(line).title?.titleEnd;
}

function marker(line: string) {
  return scanLine(line).marker;
}

test('every marker variant of SPEC §2 is recognised with its level, number and form', () => {
  // [line, level, number, standard?]
  const cases: [string, number, number, boolean][] = [
    ['一、存在的主要问题', 1, 1, true],
    ['十一、其他', 1, 11, true],
    ['二.产生问题的原因', 1, 2, false],
    ['二．产生问题的原因', 1, 2, false],
    ['三，整改措施', 1, 3, false],
    ['四 下一步打算', 1, 4, false],
    ['第一部分 总体情况', 1, 1, true],
    ['第二章 主要做法', 1, 2, true],
    ['（一）理论学习方面', 2, 1, true],
    ['(二)政治素质方面', 2, 2, false],
    ['(三）担当作为方面', 2, 3, false],
    ['（四)工作作风方面', 2, 4, false],
    ['（五）、廉洁自律方面', 2, 5, false],
    ['1.抓好学习', 3, 1, true],
    ['2、抓好落实', 3, 2, false],
    ['3．抓好监督', 3, 3, false],
    ['４．抓好宣传', 3, 4, false],
    ['5，抓好服务', 3, 5, false],
    ['（1）用地保障', 4, 1, true],
    ['(2)资金保障', 4, 2, false],
    ['（3)人才保障', 4, 3, false],
    ['（4）.技术保障', 4, 4, false],
    ['（5）、机制保障', 4, 5, false],
    ['①市级资金', 5, 1, true],
    ['⑳第二十项', 5, 20, true],
    ['1）县级资金', 5, 1, true],
    ['2)乡级资金', 5, 2, true],
  ];
  for (const [line, level, number, standard] of cases) {
    const m = marker(line);
    assert.ok(m, `no marker in ${line}`);
    assert.equal(m.level, level, line);
    assert.equal(m.number, number, line);
    assert.equal(m.bracketOk && m.separatorOk, standard, line);
  }
});

test('markers after indentation and Markdown decoration', () => {
  const lines = [
    '　　一、全角空格缩进',
    '\t（一）制表符缩进',
    '    1.空格缩进',
    '&nbsp;&nbsp;（1）网页空格',
    '\u00a0二、不换行空格',
    '# 一、一级标题',
    '### （二）三级标题',
    '**三、加粗标题**',
    '__（三）下划线加粗__',
    '> 1.引用中的标题',
    '- （2）列表中的标题',
    '* ①星号列表',
    '\uFEFF一、带字节顺序标记',
  ];
  for (const line of lines) {
    assert.ok(marker(line), line);
  }
  const bold = marker('**三、加粗标题**');
  assert.equal(bold?.number, 3);
  assert.equal('**三、加粗标题**'.slice(bold!.contentStart, titleEnd('**三、加粗标题**')), '加粗标题');
});

test('false positives of SPEC §2 are not headings', () => {
  const lines = [
    '3.5亿元的资金已到位',
    '1.2万人受益',
    '2025年全面完成',
    '12.5%的增长',
    '1.',
    '3',
    '2.',
    '（2023）年度',
    '附件：1.项目清单',
    '一是学习不够深入',
    '十分重要的工作',
    '统一是前提',
    '一、存在的问题……………………3',
    '1.总体要求\t\t5',
    '第一，学习不够',
    '其一，要求不严',
    '2023.10.1召开会议',
    '100%完成',
  ];
  for (const line of lines) {
    assert.equal(marker(line), undefined, line);
  }
});

test('the title ends at the first sentence end outside quotes', () => {
  const line = '（一）关于“区委作用发挥不充分，统领能力需要增强”方面。贯彻落实上级部署不够扎实。';
  const m = marker(line)!;
  assert.equal(line.slice(m.contentStart, titleEnd(line)), '关于“区委作用发挥不充分，统领能力需要增强”方面');
  const nested = '（三）关于“‘两个责任’履行不力：风险”方面：一是责任意识不强';
  const n = marker(nested)!;
  assert.equal(nested.slice(n.contentStart, titleEnd(nested)), '关于“‘两个责任’履行不力：风险”方面');
  const ascii = '（三）在抵制"四风"反弹上还有待加强。有时……';
  const a = marker(ascii)!;
  assert.equal(ascii.slice(a.contentStart, titleEnd(ascii)), '在抵制"四风"反弹上还有待加强');
});

test('inline enumerations, count claims and closings', () => {
  const info = scanLine('（一）学习方面。一是学得不深。二是用得不活；第一，要求不严；其二，标准不高。');
  assert.deepEqual(
    info.inline?.map((i) => [i.text, i.number]),
    [
      ['一是', 1],
      ['二是', 2],
      ['第一，', 1],
      ['其二，', 2],
    ],
  );
  assert.equal(scanLine('统一是前提，唯一是目标').inline, undefined);
  assert.equal(scanLine('发现自身主要存在以下五个方面问题。').count?.value, 5);
  assert.equal(scanLine('主要有以下四点。').count?.value, 4);
  assert.equal(scanLine('“四个意识”要牢固树立').count, undefined);
  assert.equal(scanLine('以上是我的个人对照检查，请各位同志批评指正。').closing, true);
  assert.equal(scanLine('以上问题的产生，根源在于学习不够。').closing, undefined);
});

test('placeholders', () => {
  const found = (line: string) => (scanLine(line).placeholders ?? []).map((s) => line.slice(s.start, s.end));
  assert.deepEqual(found('中央第XX巡视组关于巡视xx的反馈'), ['XX', 'xx']);
  assert.deepEqual(found('查处x起x人'), ['x', 'x']);
  assert.deepEqual(found('《中共*民主生活会的通知》'), ['*']);
  assert.deepEqual(found('20**年，**镇'), []); // two runs of the same length read as Markdown emphasis
  assert.deepEqual(found('于20**年完成'), ['**']);
  assert.deepEqual(found('**一、存在的主要问题**'), []);
  assert.deepEqual(found('某某同志，×××事项，【单位名称】，[城市名称]，X月X日'), ['某某', '×××', '【单位名称】', '[城市名称]', 'X', 'X']);
  assert.deepEqual(found('Linux and XXL sizes, [link](http://x.cn), [1]'), []);
  assert.deepEqual(found('* 列表项'), []);
});
