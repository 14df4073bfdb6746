// dangjian-forms specs for the workloads: the same rules, written in the spec
// format (checklist_item fields, scoring with bands and veto items, JSONLogic
// rules reading settings).

import { MEETING_TYPES } from './minutes.mjs';

const t = (zh, en) => ({ 'zh-CN': zh, en });

/** The spec of `checklist-N`, generated from its layout. */
export function checklistSpec(layout) {
  return {
    id: layout.id,
    version: '1',
    title: t(`党支部标准化规范化建设检查表（${layout.n} 项）`, `Branch standardization checklist (${layout.n} items)`),
    sections: layout.sections.map((sec) => ({
      id: sec.id,
      title: t(sec.zh, sec.en),
      items: sec.items.map((item) => {
        const node = {
          id: item.id,
          type: 'checklist_item',
          title: t(item.zh, item.en),
          required: true,
          max_length: layout.textMax,
          evidence: { required_for: ['met', 'partial'], min_length: layout.evidenceMin },
          score: { points: item.points, partial: 0.5 },
        };
        if (item.veto) {
          node.allow_na = false;
          node.score.veto = { on: ['unmet'], grade: 'fail' };
        }
        return node;
      }),
    })),
    scoring: {
      total: layout.total,
      scale: 100,
      bands: layout.bands.map((b) => {
        const band = { id: b.id, min: b.min, title: t(b.zh, b.en) };
        if (b.max !== undefined) band.max = b.max;
        return band;
      }),
    },
  };
}

/** The spec of `minutes`. */
export function minutesSpec(layout) {
  const v = (name) => ({ var: name });
  return {
    id: layout.id,
    version: '1',
    title: t('会议记录', 'Meeting minutes'),
    settings: {
      host_rule_min_members: {
        value: layout.hostRuleMinMembers,
        title: t('主持人与记录人须为不同人的最少党员数', 'Fewest members for host and recorder to differ'),
        source: '[A] benchmark workload',
      },
      quorum_strict: {
        value: true,
        title: t('“半数以上”按超过半数理解', 'Read “half or more” as more than half'),
        source: '[C] 中国共产党支部工作条例（试行）',
      },
    },
    sections: [
      {
        id: 'meeting',
        title: t('会议', 'Meeting'),
        items: [
          {
            id: 'type',
            type: 'choice',
            title: t('会议类型', 'Type'),
            required: true,
            options: layout.types.map((m) => ({ value: m.id, title: t(m.zh, m.en) })),
          },
          { id: 'date', type: 'date', title: t('日期', 'Date'), required: true, latest: '$today' },
          { id: 'host', type: 'text', title: t('主持人', 'Host'), required: true, max_length: 40 },
          { id: 'recorder', type: 'text', title: t('记录人', 'Recorder'), required: true, max_length: 40 },
          { id: 'members', type: 'integer', title: t('党员人数', 'Members'), required: true, min: 1, max: layout.membersMax },
          { id: 'present', type: 'integer', title: t('实到人数', 'Present'), required: true, min: 0 },
          {
            id: 'agenda',
            title: t('议程', 'Agenda'),
            required: true,
            repeat: { min: 1 },
            items: [
              {
                id: 'topic',
                type: 'text',
                title: t('议题', 'Topic'),
                max_length: 200,
                required_if: { '==': [v('$index'), 0] },
              },
            ],
          },
        ],
        rules: [
          {
            code: 'minutes.host_is_recorder',
            when: { '>=': [v('meeting.members'), v('$settings.host_rule_min_members')] },
            assert: { '!=': [v('meeting.host'), v('meeting.recorder')] },
            path: 'recorder',
            message: t('主持人和记录人不能是同一人（{name}）', 'The host and the recorder must be different people ({name}).'),
            params: { name: v('meeting.host') },
          },
          {
            code: 'minutes.quorum',
            assert: { more_than_half: [v('meeting.present'), v('meeting.members'), v('$settings.quorum_strict')] },
            path: 'present',
            message: t('实到 {present} 人，未超过党员总数 {members} 人的半数', '{present} present is not more than half of {members} members.'),
            params: { present: v('meeting.present'), members: v('meeting.members') },
          },
        ],
      },
    ],
  };
}

export { MEETING_TYPES };
