import type { BilingualText, Requirement, Responsible } from '../../shared/index.js';
import { ROLES } from '../../shared/index.js';
import { currentLocale, t } from '../i18n/index.js';

/** Plan text in the reader's language (plans carry both). */
export function bilingual(text: BilingualText): string {
  return currentLocale() === 'en' ? text.en : text.zh;
}

/** What a run-card line asks for, without the count: "水罐消防车（水）". */
export function requirementLabel(requirement: Pick<Requirement, 'unitType' | 'capability'>): string {
  const type = t(`unitType.${requirement.unitType}`);
  return requirement.capability ? t('requirement.withCapability', { type, capability: t(`capability.${requirement.capability}`) }) : type;
}

/** A run-card line in words: "3 × 水罐消防车（水）". */
export function requirementText(requirement: Pick<Requirement, 'unitType' | 'count' | 'capability'>): string {
  return t('requirement.line', { count: requirement.count, label: requirementLabel(requirement) });
}

/** Several run-card lines on one line of text. */
export function requirementsText(requirements: readonly Requirement[]): string {
  return requirements.map(requirementText).join(t('requirement.separator'));
}

/** Who carries out an action: a role ("值班主管") or an agency ("公安"). */
export function responsibleText(responsible: Responsible): string {
  return (ROLES as readonly string[]).includes(responsible) ? t(`role.${responsible}`) : t(`agency.${responsible}`);
}
