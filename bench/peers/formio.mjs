// Form.io engine (@formio/core): the workloads as Form.io component JSON —
// containers for sections and items, radio/textarea/number components with
// their `validate` settings, JSONLogic `validate.json` for the cross-field
// rules — run through `processSync` with the standard processors, as a Form.io
// server validates a submission. Form.io has no scoring: the score is computed
// in plain JavaScript from the processed data.

import { processSync, Processors } from '@formio/core';
import { scoreChecklist } from '../lib/reference.mjs';

export const name = 'Form.io';
export const packages = ['@formio/core'];

const STATUS_LABELS = { met: '达标', partial: '部分达标', unmet: '未达标', na: '不适用' };

/** The Form.io form of a checklist layout (data shape: section → item → {status, evidence, remark}). */
export function checklistForm(layout) {
  return {
    display: 'form',
    components: layout.sections.map((sec) => ({
      type: 'container',
      key: sec.id,
      label: sec.zh,
      input: true,
      tree: true,
      components: sec.items.map((item) => ({
        type: 'container',
        key: item.id,
        label: item.zh,
        input: true,
        tree: true,
        components: [
          {
            type: 'radio',
            key: 'status',
            label: '完成情况',
            input: true,
            values: (item.allowNa ? ['met', 'partial', 'unmet', 'na'] : ['met', 'partial', 'unmet']).map((v) => ({ value: v, label: STATUS_LABELS[v] })),
            validate: { required: true, onlyAvailableItems: true },
          },
          {
            type: 'textarea',
            key: 'evidence',
            label: '佐证材料',
            input: true,
            validate: {
              minLength: layout.evidenceMin,
              maxLength: layout.textMax,
              json: { if: [{ and: [{ in: [{ var: 'row.status' }, ['met', 'partial']] }, { '!': { var: 'input' } }] }, '达标或部分达标须提供佐证材料', true] },
            },
          },
          { type: 'textarea', key: 'remark', label: '备注', input: true, validate: { maxLength: layout.textMax } },
        ],
      })),
    })),
  };
}

/** The Form.io form of the minutes layout. */
export function minutesForm(layout) {
  const meeting = (name) => ({ var: `data.meeting.${name}` });
  return {
    display: 'form',
    components: [
      {
        type: 'container',
        key: 'meeting',
        label: '会议',
        input: true,
        tree: true,
        components: [
          {
            type: 'radio',
            key: 'type',
            label: '会议类型',
            input: true,
            values: layout.types.map((t) => ({ value: t.id, label: t.zh })),
            validate: { required: true, onlyAvailableItems: true },
          },
          {
            type: 'textfield',
            key: 'date',
            label: '日期',
            input: true,
            validate: {
              required: true,
              pattern: '\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])',
              json: { if: [{ '<=': [{ var: 'input' }, layout.fixedDay] }, true, `日期不能晚于 ${layout.fixedDay}`] },
            },
          },
          { type: 'textfield', key: 'host', label: '主持人', input: true, validate: { required: true, maxLength: 40 } },
          {
            type: 'textfield',
            key: 'recorder',
            label: '记录人',
            input: true,
            validate: {
              required: true,
              maxLength: 40,
              json: {
                if: [{ or: [{ '<': [meeting('members'), layout.hostRuleMinMembers] }, { '!=': [{ var: 'input' }, meeting('host')] }] }, true, '主持人和记录人不能是同一人'],
              },
            },
          },
          {
            type: 'number',
            key: 'members',
            label: '党员人数',
            input: true,
            validate: { required: true, min: 1, max: layout.membersMax, json: { if: [{ '==': [{ '%': [{ var: 'input' }, 1] }, 0] }, true, '须为整数'] } },
          },
          {
            type: 'number',
            key: 'present',
            label: '实到人数',
            input: true,
            validate: {
              required: true,
              min: 0,
              json: {
                if: [
                  { and: [{ '==': [{ '%': [{ var: 'input' }, 1] }, 0] }, { '>': [{ '*': [2, { var: 'input' }] }, meeting('members')] }] },
                  true,
                  '实到人数须为整数且超过党员人数的一半',
                ],
              },
            },
          },
          {
            type: 'datagrid',
            key: 'agenda',
            label: '议程',
            input: true,
            tree: true,
            validate: { json: { if: [{ var: 'input.0.topic' }, true, '第一个议题不能为空'] } },
            components: [{ type: 'textfield', key: 'topic', label: '议题', input: true, validate: { maxLength: 200 } }],
          },
        ],
      },
    ],
  };
}

function run(form, data) {
  const errors = [];
  const context = {
    form,
    submission: { data },
    data,
    components: form.components,
    processors: Processors,
    scope: { errors },
    config: { server: true },
  };
  processSync(context);
  return { errors, data: context.data };
}

/** Builds the form; returns the per-submission check (Form.io writes into the data, so it gets a copy). */
export function setup(workload) {
  const layout = workload.layout;
  const form = workload.kind === 'checklist' ? checklistForm(layout) : minutesForm(layout);
  return {
    mutates: true,
    check(data) {
      const { errors, data: out } = run(form, data);
      const valid = errors.length === 0;
      if (workload.kind !== 'checklist') return { valid, percent: null, grade: null };
      return { valid, ...scoreChecklist(layout, out) };
    },
  };
}
