/** Document kinds and their required sections (SPEC §4): built-in profiles, user profiles, detection. */
import { compilePattern, normalizeTitle, TitleMatcher } from './pattern';
import { DEFAULT_REVIEW, ReviewSettings } from './review';

export interface ProfileSection {
  readonly id: string;
  readonly label: string;
  /** Title patterns (see pattern.ts). */
  readonly patterns: readonly string[];
  readonly required: boolean;
}

export interface Profile {
  readonly id: string;
  readonly label: string;
  /** Words in the title, preamble or file name that select this profile when the profile is "auto". */
  readonly detect: readonly string[];
  /** Top-level sections in document order. */
  readonly sections: readonly ProfileSection[];
  /** The review of SPEC §9 (focus areas, thresholds, lexicon additions); the review rules run only when it is set. */
  readonly review?: ReviewSettings;
}

export const GENERAL: Profile = { id: 'general', label: '通用公文', detect: [], sections: [] };

export const SELF_INSPECTION: Profile = {
  id: 'self-inspection',
  label: '对照检查材料',
  detect: ['对照检查', '检视剖析', '发言提纲', '民主生活会', '组织生活会', '查摆问题', '巡视整改'],
  sections: [
    {
      id: 'previous',
      label: '上一年度整改措施落实情况',
      patterns: ['整改落实情况|落实情况|上年度*整改|上一年度*整改'],
      required: false,
    },
    {
      id: 'problems',
      label: '存在的主要问题',
      patterns: ['存在*问题|查摆*问题|问题*不足|检视*问题|突出问题|主要问题|问题清单|差距*不足|不足*差距'],
      required: true,
    },
    { id: 'notes', label: '需要说明的问题', patterns: ['需要说明|个人有关事项|有关事项'], required: false },
    { id: 'causes', label: '产生问题的原因', patterns: ['原因|根源|问题*剖析|思想*剖析|党性*剖析|作风*剖析'], required: true },
    {
      id: 'measures',
      label: '努力方向和整改措施',
      patterns: [
        '整改措施|努力方向|改进措施|整改方向|改进方向|下一步*打算|下一步*举措|下步*打算|下步*措施|整改*举措|今后*方向|今后*打算|整改*打算',
      ],
      required: true,
    },
  ],
  review: DEFAULT_REVIEW,
};

/**
 * The 组织生活会 variant: the same parts without 需要说明的问题/个人有关事项 (which the 若干规定 ask of 民主生活会
 * only), and the last meeting's rectification also reported as 上次…改进意见落实情况. Chosen instead of
 * `self-inspection` when the meeting being held is a 组织生活会 (see analyze.ts resolveProfile).
 */
export const SELF_INSPECTION_ORG: Profile = {
  id: 'self-inspection-org',
  label: '组织生活会对照检查材料',
  detect: [],
  sections: [
    {
      ...SELF_INSPECTION.sections[0],
      label: '上次组织生活会整改落实情况',
      patterns: [...SELF_INSPECTION.sections[0].patterns, '上次*整改|改进意见*落实|上次*落实'],
    },
    ...SELF_INSPECTION.sections.filter((s) => s.id !== 'previous' && s.id !== 'notes'),
  ],
  review: DEFAULT_REVIEW,
};

export const BUILT_IN_PROFILES: readonly Profile[] = [SELF_INSPECTION, GENERAL, SELF_INSPECTION_ORG];

export interface CompiledProfile {
  readonly profile: Profile;
  /** Sections in the order a title is tried against them: optional ones first, then the later ones first. */
  readonly matchOrder: readonly { section: ProfileSection; index: number; test: TitleMatcher }[];
}

export function compileProfile(profile: Profile): CompiledProfile {
  const entries = profile.sections.map((section, index) => ({
    section,
    index,
    test: compilePattern(section.patterns.join('|')),
  }));
  entries.sort((a, b) => Number(a.section.required) - Number(b.section.required) || b.index - a.index);
  return { profile, matchOrder: entries };
}

/** Which section of the profile a top-level title counts as, by index in `profile.sections`; -1 for none. */
export function matchSection(compiled: CompiledProfile, title: string): number {
  const normalized = normalizeTitle(title);
  for (const entry of compiled.matchOrder) {
    if (entry.test(normalized)) {
      return entry.index;
    }
  }
  return -1;
}

/**
 * Picks a profile from the words of the title, the preamble and the file name. User profiles come first so that
 * they can take over a kind the built-in profiles also detect.
 */
export function detectProfile(profiles: readonly Profile[], text: string, fileName: string): Profile {
  const haystack = normalizeTitle(text + ' ' + fileName);
  for (const profile of profiles) {
    if (profile.detect.some((word) => word.length > 0 && haystack.includes(normalizeTitle(word)))) {
      return profile;
    }
  }
  return profiles.find((p) => p.id === 'general') ?? GENERAL;
}
