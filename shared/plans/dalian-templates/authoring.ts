import type { UnitType } from '../../domain/units.js';
import type { Capability } from '../capabilities.js';
import type { BilingualText, PlanAction, Requirement, Responsible } from '../template.js';
import { UPWARD_REPORT_ACTION_ID } from '../template.js';

/**
 * Short builders so a seeded template reads like the run card it came from. They only shape data;
 * PlanTemplateSchema remains the judge of what is valid (the seed test parses every template).
 */

/** Chinese and English text. */
export function text(zh: string, en: string): BilingualText {
  return { zh, en };
}

/** `count` units of a type, optionally with a capability. */
export function need(unitType: UnitType, count: number, capability?: Capability): Requirement {
  return capability === undefined ? { unitType, count } : { unitType, count, capability };
}

/** One checklist action due `deadlineMinutes` after activation. */
export function act(id: string, zh: string, en: string, responsible: Responsible, deadlineMinutes: number): PlanAction {
  return { id, title: { zh, en }, responsible, deadlineMinutes };
}

/**
 * The upward report level I/II events require (DOMAIN.md: within 4 h at the latest). Dalian asks for a
 * first telephone report much sooner, so templates may pass an earlier deadline.
 */
export function reportUpward(deadlineMinutes = 240): PlanAction {
  return act(
    UPWARD_REPORT_ACTION_ID,
    '向市政府及省级主管部门报告（最迟4小时内）',
    'Report upward to the city government and provincial authority (within 4 h at the latest)',
    'supervisor',
    deadlineMinutes,
  );
}

/** Activating the command post is the first step of every plan. */
export function activateCommand(zh: string, en: string, deadlineMinutes = 5): PlanAction {
  return act('activate-command', zh, en, 'supervisor', deadlineMinutes);
}

/** Publishing the plan's public warning through official channels. */
export function issuePublicWarning(deadlineMinutes: number): PlanAction {
  return act(
    'issue-public-warning',
    '经审核后通过官方渠道发布公众预警',
    'Issue the approved public warning through official channels',
    'supervisor',
    deadlineMinutes,
  );
}
