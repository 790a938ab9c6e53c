import { messages as consoleMessages } from '../console/messages.js';

/**
 * Strings both drill pages (the instructor console and the after-action review) show: event lines,
 * inject kinds, drill statuses. The map layers' labels live in the console's catalog, where the
 * map modules were first used; they are taken from there rather than copied.
 */
const zh = {
  'drill.page': '演练导调台',
  'drillStatus.created': '未开始',
  'drillStatus.running': '进行中',
  'drillStatus.paused': '已暂停',
  'drillStatus.ended': '已结束',
  'injectKind.incident': '新事件',
  'injectKind.related-incident': '关联事件',
  'injectKind.escalate': '升级',
  'injectKind.casualties': '伤亡增加',
  'injectKind.unit-breakdown': '力量故障',
  'injectKind.road-closed': '道路封闭',
  'event.incident.reported': '{{code}} 接报：{{subtype}}，{{level}}，伤亡 {{casualties}} 人',
  'event.incident.verified': '{{incident}} 已核实',
  'event.incident.rejected': '{{incident}} 判定为误报：{{reason}}',
  'event.incident.merged': '{{incident}} 并入 {{into}}',
  'event.incident.absorbed': '{{incident}} 合并了重复事件 {{from}}',
  'event.incident.casualties': '{{incident}} 伤亡人数更新为 {{casualties}}',
  'event.incident.updated': '{{incident}} 信息更新',
  'event.incident.level-changed': '{{incident}} 级别 {{from}} → {{to}}（{{reason}}）',
  'event.incident.status-changed': '{{incident}}：{{status}}',
  'event.incident.noted': '{{incident}} 备注：{{text}}',
  'event.unit.registered': '{{unit}} 编入演练',
  'event.unit.moved': '{{unit}} 位置更新',
  'event.unit.status-changed': '{{unit}}：{{from}} → {{to}}',
  'event.assignment.dispatched': '派遣 {{unit}} 前往 {{incident}}',
  'event.assignment.status-changed': '{{unit}}（{{incident}}）：{{status}}',
  'event.assignment.status-changed-because': '{{unit}}（{{incident}}）：{{status}}，原因：{{reason}}',
  'event.plan-template': '预案模板更新：{{plan}}',
  'event.plan.activated': '{{incident}} 启动预案：{{plan}}',
  'event.plan.rematched': '{{incident}} 预案调整为：{{plan}}（{{level}} 级）',
  'event.plan.action-completed': '{{incident}} 完成预案行动：{{action}}',
  'event.alert.action_overdue': '提醒：{{incident}} 的预案行动“{{action}}”已超时',
  'event.alert.assignment_unacknowledged': '提醒：{{unit}} 未按时确认 {{incident}} 的派遣',
  'event.alert.acknowledged': '{{incident}} 的提醒已有人处理',
  'event.drill.created': '演练“{{name}}”已创建',
  'event.drill.clock-created': '演练速度设为 {{speed}}×',
  'event.drill.clock-running': '演练进行中（{{speed}}×）',
  'event.drill.clock-paused': '演练暂停',
  'event.drill.clock-ended': '演练结束',
  'event.drill.inject-fired': '注入【{{kind}}】{{description}}',
} as const;

const en: Record<keyof typeof zh, string> = {
  'drill.page': 'Drill instructor console',
  'drillStatus.created': 'Not started',
  'drillStatus.running': 'Running',
  'drillStatus.paused': 'Paused',
  'drillStatus.ended': 'Ended',
  'injectKind.incident': 'New incident',
  'injectKind.related-incident': 'Related incident',
  'injectKind.escalate': 'Escalation',
  'injectKind.casualties': 'More casualties',
  'injectKind.unit-breakdown': 'Unit breakdown',
  'injectKind.road-closed': 'Road closed',
  'event.incident.reported': '{{code}} reported: {{subtype}}, {{level}}, {{casualties}} casualties',
  'event.incident.verified': '{{incident}} verified',
  'event.incident.rejected': '{{incident}} rejected as a false alarm: {{reason}}',
  'event.incident.merged': '{{incident}} merged into {{into}}',
  'event.incident.absorbed': '{{incident}} absorbed the duplicate {{from}}',
  'event.incident.casualties': '{{incident}}: casualties now {{casualties}}',
  'event.incident.updated': '{{incident}} updated',
  'event.incident.level-changed': '{{incident}}: level {{from}} → {{to}} ({{reason}})',
  'event.incident.status-changed': '{{incident}}: {{status}}',
  'event.incident.noted': '{{incident}} note: {{text}}',
  'event.unit.registered': '{{unit}} joins the drill',
  'event.unit.moved': '{{unit}} moved',
  'event.unit.status-changed': '{{unit}}: {{from}} → {{to}}',
  'event.assignment.dispatched': '{{unit}} dispatched to {{incident}}',
  'event.assignment.status-changed': '{{unit}} ({{incident}}): {{status}}',
  'event.assignment.status-changed-because': '{{unit}} ({{incident}}): {{status}}, because: {{reason}}',
  'event.plan-template': 'Plan template updated: {{plan}}',
  'event.plan.activated': '{{incident}}: plan activated — {{plan}}',
  'event.plan.rematched': '{{incident}}: plan changed to {{plan}} (level {{level}})',
  'event.plan.action-completed': '{{incident}}: plan action done — {{action}}',
  'event.alert.action_overdue': 'Alert: {{incident}} plan action "{{action}}" is overdue',
  'event.alert.assignment_unacknowledged': 'Alert: {{unit}} did not acknowledge {{incident}} in time',
  'event.alert.acknowledged': 'An alert on {{incident}} was taken in hand',
  'event.drill.created': 'Drill "{{name}}" created',
  'event.drill.clock-created': 'Drill speed set to {{speed}}×',
  'event.drill.clock-running': 'Drill running ({{speed}}×)',
  'event.drill.clock-paused': 'Drill paused',
  'event.drill.clock-ended': 'Drill ended',
  'event.drill.inject-fired': 'Inject [{{kind}}] {{description}}',
};

/** The map layers' labels (legend, layer toggles, unit clusters), as the console names them. */
function mapLabels(locale: 'zh-CN' | 'en'): Record<string, string> {
  return Object.fromEntries(
    Object.entries(consoleMessages[locale]).filter(([key]) => key.startsWith('legend.') || key.startsWith('layers.') || key === 'map.unitCluster'),
  );
}

/** Joins a page's own catalog with the shared drill strings and the map labels. */
export function withDrillStrings(page: Record<'zh-CN' | 'en', Record<string, string>>): Record<'zh-CN' | 'en', Record<string, string>> {
  return {
    'zh-CN': { ...mapLabels('zh-CN'), ...zh, ...page['zh-CN'] },
    en: { ...mapLabels('en'), ...en, ...page.en },
  };
}
