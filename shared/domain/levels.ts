/** Severity levels I (highest) to IV, with their warning colours and CAP severities. */
export const LEVELS = ['I', 'II', 'III', 'IV'] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_INFO = {
  I: { rank: 1, colour: '#d7191c', colourName: 'red', cap: 'Extreme', zh: '特别重大', en: 'Especially major' },
  II: { rank: 2, colour: '#f07c1a', colourName: 'orange', cap: 'Severe', zh: '重大', en: 'Major' },
  III: { rank: 3, colour: '#e6c229', colourName: 'yellow', cap: 'Moderate', zh: '较大', en: 'Relatively large' },
  IV: { rank: 4, colour: '#2b83ba', colourName: 'blue', cap: 'Minor', zh: '一般', en: 'General' },
} as const satisfies Record<Level, { rank: number; colour: string; colourName: string; cap: string; zh: string; en: string }>;

/** Negative when a is more severe than b (I before IV). */
export function compareLevels(a: Level, b: Level): number {
  return LEVEL_INFO[a].rank - LEVEL_INFO[b].rank;
}

/** Level I and II events must be reported upward within 4 hours at the latest (DOMAIN.md). */
export const UPWARD_REPORT_MS = 4 * 60 * 60 * 1000;
export function needsUpwardReport(level: Level): boolean {
  return level === 'I' || level === 'II';
}
