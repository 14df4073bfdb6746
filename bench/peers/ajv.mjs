// Ajv 8: the workloads as JSON Schema (draft 2020-12 keywords; `if`/`then` for
// evidence, `$data` for host ≠ recorder, a custom keyword for the quorum), and
// scoring in plain JavaScript, since JSON Schema has none.

import Ajv from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { scoreChecklist } from '../lib/reference.mjs';

export const name = 'Ajv + JS scoring';
export const packages = ['ajv', 'ajv-formats'];

function itemSchema(layout, statuses) {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['status'],
    properties: {
      status: { enum: statuses },
      evidence: { type: 'string', maxLength: layout.textMax },
      remark: { type: 'string', maxLength: layout.textMax },
    },
    if: { properties: { status: { enum: ['met', 'partial'] } } },
    then: { required: ['evidence'], properties: { evidence: { type: 'string', minLength: layout.evidenceMin } } },
  };
}

/** The JSON Schema of a checklist layout. */
export function checklistSchema(layout) {
  return {
    $id: layout.id,
    type: 'object',
    additionalProperties: false,
    required: layout.sections.map((s) => s.id),
    $defs: {
      item: itemSchema(layout, ['met', 'partial', 'unmet', 'na']),
      vetoItem: itemSchema(layout, ['met', 'partial', 'unmet']),
    },
    properties: Object.fromEntries(
      layout.sections.map((s) => [
        s.id,
        {
          type: 'object',
          additionalProperties: false,
          required: s.items.map((i) => i.id),
          properties: Object.fromEntries(s.items.map((i) => [i.id, { $ref: i.veto ? '#/$defs/vetoItem' : '#/$defs/item' }])),
        },
      ]),
    ),
  };
}

/** The JSON Schema of the minutes layout. */
export function minutesSchema(layout) {
  return {
    $id: layout.id,
    type: 'object',
    additionalProperties: false,
    required: ['meeting'],
    properties: {
      meeting: {
        type: 'object',
        additionalProperties: false,
        required: ['type', 'date', 'host', 'recorder', 'members', 'present', 'agenda'],
        properties: {
          type: { enum: layout.types.map((t) => t.id) },
          date: { type: 'string', format: 'date', formatMaximum: layout.fixedDay },
          host: { type: 'string', minLength: 1, maxLength: 40 },
          recorder: { type: 'string', minLength: 1, maxLength: 40 },
          members: { type: 'integer', minimum: 1, maximum: layout.membersMax },
          present: { type: 'integer', minimum: 0 },
          agenda: {
            type: 'array',
            minItems: 1,
            items: { type: 'object', additionalProperties: false, properties: { topic: { type: 'string', maxLength: 200 } } },
            prefixItems: [{ type: 'object', required: ['topic'], properties: { topic: { type: 'string', minLength: 1 } } }],
          },
        },
        quorum: true,
        if: { required: ['members'], properties: { members: { type: 'integer', minimum: layout.hostRuleMinMembers } } },
        then: { not: { required: ['recorder'], properties: { recorder: { const: { $data: '1/host' } } } } },
      },
    },
  };
}

function makeAjv(allErrors) {
  const ajv = new Ajv({ allErrors, $data: true, strictTuples: false });
  addFormats(ajv);
  ajv.addKeyword({
    keyword: 'quorum',
    type: 'object',
    schemaType: 'boolean',
    // More than half of the members present: present ≥ ⌊members / 2⌋ + 1.
    validate: (_schema, m) =>
      !(Number.isInteger(m.members) && Number.isInteger(m.present)) || 2 * m.present > m.members,
    errors: false,
  });
  return ajv;
}

/**
 * Compiles the workload's schema; returns the per-submission check. By default
 * Ajv stops at the first error (its default, and its fastest); `allErrors`
 * collects every error, as a form that shows all problems at once needs.
 */
export function setup(workload, { allErrors = false } = {}) {
  const ajv = makeAjv(allErrors);
  if (workload.kind === 'checklist') {
    const validate = ajv.compile(checklistSchema(workload.layout));
    const layout = workload.layout;
    return {
      check(data) {
        const valid = validate(data);
        const { percent, grade } = scoreChecklist(layout, data);
        return { valid, percent, grade };
      },
    };
  }
  const validate = ajv.compile(minutesSchema(workload.layout));
  return {
    check(data) {
      return { valid: validate(data), percent: null, grade: null };
    },
  };
}
