// Formily (@formily/core): a form model built with `createForm` and
// `createField` — required flags and validator rules on each field, a
// reaction that makes evidence required for met/partial answers, and validator
// functions for the cross-field rules. Each submission is loaded with
// `form.setValues(…, 'overwrite')` and checked with `await form.validate()`.
// Formily has no scoring: the score is computed in plain JavaScript from
// `form.values`.

import { createForm } from '@formily/core';
import { scoreChecklist } from '../lib/reference.mjs';

export const name = 'Formily';
export const packages = ['@formily/core', '@formily/reactive', '@formily/shared', '@formily/validator', '@formily/path'];

/** Creates the form and fields of a checklist layout. */
export function checklistFormily(layout) {
  const form = createForm({ validateFirst: false });
  for (const sec of layout.sections) {
    for (const item of sec.items) {
      const basePath = `${sec.id}.${item.id}`;
      form.createField({
        name: 'status',
        basePath,
        title: '完成情况',
        required: true,
        dataSource: (item.allowNa ? ['met', 'partial', 'unmet', 'na'] : ['met', 'partial', 'unmet']).map((v) => ({ value: v })),
        validator: { enum: item.allowNa ? ['met', 'partial', 'unmet', 'na'] : ['met', 'partial', 'unmet'] },
      });
      form.createField({
        name: 'evidence',
        basePath,
        title: '佐证材料',
        validator: [{ minLength: layout.evidenceMin }, { maxLength: layout.textMax }],
        reactions: (field) => {
          const status = field.query('.status').value();
          field.required = status === 'met' || status === 'partial';
        },
      });
      form.createField({ name: 'remark', basePath, title: '备注', validator: { maxLength: layout.textMax } });
    }
  }
  return form;
}

/** Creates the form and fields of the minutes layout. */
export function minutesFormily(layout) {
  const form = createForm({ validateFirst: false });
  const basePath = 'meeting';
  const integer = { validator: (v) => Number.isInteger(v) || '须为整数' };
  form.createField({ name: 'type', basePath, title: '会议类型', required: true, validator: { enum: layout.types.map((t) => t.id) } });
  form.createField({
    name: 'date',
    basePath,
    title: '日期',
    required: true,
    validator: [
      { pattern: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/ },
      { validator: (v) => v <= layout.fixedDay || `日期不能晚于 ${layout.fixedDay}` },
    ],
  });
  form.createField({ name: 'host', basePath, title: '主持人', required: true, validator: { maxLength: 40 } });
  form.createField({
    name: 'recorder',
    basePath,
    title: '记录人',
    required: true,
    validator: [
      { maxLength: 40 },
      {
        validator: (v, _rule, ctx) => {
          const members = ctx.field.query('.members').value();
          return members < layout.hostRuleMinMembers || v !== ctx.field.query('.host').value() || '主持人和记录人不能是同一人';
        },
      },
    ],
  });
  form.createField({ name: 'members', basePath, title: '党员人数', required: true, validator: [integer, { minimum: 1 }, { maximum: layout.membersMax }] });
  form.createField({
    name: 'present',
    basePath,
    title: '实到人数',
    required: true,
    validator: [
      integer,
      { minimum: 0 },
      { validator: (v, _rule, ctx) => 2 * v > ctx.field.query('.members').value() || '实到人数未超过半数' },
    ],
  });
  form.createArrayField({ name: 'agenda', basePath, title: '议程', required: true });
  agendaRows(form, 1);
  return form;
}

/** Creates the topic fields of agenda rows up to `count`, as an array renderer does for each row. */
function agendaRows(form, count) {
  for (let i = 0; i < count; i++) {
    const basePath = `meeting.agenda.${i}`;
    if (form.fields[`${basePath}.topic`]) continue;
    form.createField({ name: 'topic', basePath, title: '议题', required: i === 0, validator: { maxLength: 200 } });
  }
}

/** Builds the form; returns the per-submission check. */
export function setup(workload) {
  const layout = workload.layout;
  const checklist = workload.kind === 'checklist';
  const form = checklist ? checklistFormily(layout) : minutesFormily(layout);
  return {
    async check(data) {
      if (!checklist) agendaRows(form, (data.meeting && data.meeting.agenda && data.meeting.agenda.length) || 0);
      form.setValues(data, 'overwrite');
      let valid = true;
      try {
        await form.validate();
      } catch {
        valid = false;
      }
      if (!checklist) return { valid, percent: null, grade: null };
      return { valid, ...scoreChecklist(layout, form.values) };
    },
  };
}
