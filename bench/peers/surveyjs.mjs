// SurveyJS (survey-core): the workloads as a survey model JSON — radio groups,
// `requiredIf` and validators (text, regex, expression) for the rules, and
// the score from a `score` on each answer choice, added up in JavaScript (the
// way SurveyJS's scoring examples do; calculated-value expressions for the same
// sums measured about four times slower). A model is created once; each
// submission is loaded with `survey.data = …` and checked with
// `survey.validate()`.

import { Model, Serializer } from 'survey-core';
import { round2, band } from '../lib/reference.mjs';

// Scored choices, the way SurveyJS's scoring examples do it.
if (!Serializer.findProperty('itemvalue', 'score')) Serializer.addProperty('itemvalue', { name: 'score:number' });

export const name = 'SurveyJS';
export const packages = ['survey-core'];

const STATUS_TITLES = { met: '达标', partial: '部分达标', unmet: '未达标', na: '不适用' };

/** SurveyJS keeps answers flat, keyed by question name. */
function flatChecklist(layout, data) {
  const out = {};
  for (const sec of layout.sections) {
    const bag = data[sec.id] || {};
    for (const item of sec.items) {
      const v = bag[item.id];
      if (!v) continue;
      if (v.status !== undefined) out[`${item.id}_status`] = v.status;
      if (v.evidence !== undefined) out[`${item.id}_evidence`] = v.evidence;
      if (v.remark !== undefined) out[`${item.id}_remark`] = v.remark;
    }
  }
  return out;
}

/**
 * The survey JSON of a checklist layout. Each answer choice carries a `score`
 * (a custom property of choices, as SurveyJS documents for scored surveys).
 */
export function checklistSurvey(layout) {
  const pages = layout.sections.map((sec) => ({
    name: sec.id,
    title: sec.zh,
    elements: sec.items.map((item) => {
      const statuses = item.allowNa ? ['met', 'partial', 'unmet', 'na'] : ['met', 'partial', 'unmet'];
      const score = { met: item.points, partial: item.points / 2, unmet: 0, na: 0 };
      return {
        type: 'panel',
        name: `p_${item.id}`,
        title: item.zh,
        elements: [
          {
            type: 'radiogroup',
            name: `${item.id}_status`,
            title: '完成情况',
            isRequired: true,
            choices: statuses.map((v) => ({ value: v, text: STATUS_TITLES[v], score: score[v] })),
          },
          {
            type: 'comment',
            name: `${item.id}_evidence`,
            title: '佐证材料',
            requiredIf: `{${item.id}_status} anyof ['met', 'partial']`,
            validators: [{ type: 'text', minLength: layout.evidenceMin, maxLength: layout.textMax }],
          },
          {
            type: 'comment',
            name: `${item.id}_remark`,
            title: '备注',
            validators: [{ type: 'text', maxLength: layout.textMax }],
          },
        ],
      };
    }),
  }));
  return { title: layout.id, checkErrorsMode: 'onComplete', pages };
}

/**
 * Scores the loaded answers from the choices' `score`s: earned ÷ applicable,
 * where "na" leaves an item out; an unmet veto item forces the lowest grade.
 */
function surveyScore(layout, questions) {
  let earned = 0;
  let possible = 0;
  let vetoed = false;
  for (const { item, question } of questions) {
    const value = question.value;
    if (value === 'na' && item.allowNa) continue;
    possible += item.points;
    const choice = question.choices.find((c) => c.value === value);
    if (choice) earned += choice.score;
    if (item.veto && value === 'unmet') vetoed = true;
  }
  const percent = round2(possible > 0 ? (earned / possible) * 100 : 0);
  return { percent, grade: vetoed ? layout.bands[layout.bands.length - 1].id : band(layout.bands, percent) };
}

/** The survey JSON of the minutes layout. */
export function minutesSurvey(layout) {
  return {
    title: layout.id,
    checkErrorsMode: 'onComplete',
    pages: [
      {
        name: 'meeting',
        elements: [
          { type: 'dropdown', name: 'type', title: '会议类型', isRequired: true, choices: layout.types.map((t) => ({ value: t.id, text: t.zh })) },
          {
            type: 'text',
            inputType: 'date',
            name: 'date',
            title: '日期',
            isRequired: true,
            max: layout.fixedDay,
            validators: [{ type: 'regex', regex: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' }],
          },
          { type: 'text', name: 'host', title: '主持人', isRequired: true, validators: [{ type: 'text', maxLength: 40 }] },
          {
            type: 'text',
            name: 'recorder',
            title: '记录人',
            isRequired: true,
            validators: [
              { type: 'text', maxLength: 40 },
              { type: 'expression', expression: `{members} < ${layout.hostRuleMinMembers} or {host} <> {recorder}`, text: '主持人和记录人不能是同一人' },
            ],
          },
          {
            type: 'text',
            inputType: 'number',
            name: 'members',
            title: '党员人数',
            isRequired: true,
            min: 1,
            max: layout.membersMax,
            validators: [{ type: 'expression', expression: '{members} = trunc({members})', text: '须为整数' }],
          },
          {
            type: 'text',
            inputType: 'number',
            name: 'present',
            title: '实到人数',
            isRequired: true,
            min: 0,
            validators: [
              { type: 'expression', expression: '{present} = trunc({present})', text: '须为整数' },
              { type: 'expression', expression: '{present} * 2 > {members}', text: '实到人数未超过半数' },
            ],
          },
          {
            // A dynamic matrix (one row per agenda item); dynamic panels do the same ~40 % slower.
            type: 'matrixdynamic',
            name: 'agenda',
            title: '议程',
            isRequired: true,
            minRowCount: 1,
            rowCount: 0,
            columns: [
              { name: 'topic', title: '议题', cellType: 'text', requiredIf: '{rowIndex} = 1', validators: [{ type: 'text', maxLength: 200 }] },
            ],
          },
        ],
      },
    ],
  };
}

/** Builds the model; returns the conversion to SurveyJS data and the check. */
export function setup(workload) {
  const layout = workload.layout;
  if (workload.kind === 'checklist') {
    const survey = new Model(checklistSurvey(layout));
    const questions = layout.sections.flatMap((sec) =>
      sec.items.map((item) => ({ item, question: survey.getQuestionByName(`${item.id}_status`) })),
    );
    return {
      convert: (data) => flatChecklist(layout, data),
      check(flat) {
        survey.data = flat;
        const valid = survey.validate(false, false);
        return { valid, ...surveyScore(layout, questions) };
      },
    };
  }
  const survey = new Model(minutesSurvey(layout));
  return {
    convert: (data) => ({ ...data.meeting }),
    check(flat) {
      survey.data = flat;
      return { valid: survey.validate(false, false), percent: null, grade: null };
    },
  };
}
