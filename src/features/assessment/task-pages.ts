import { formatQuantity } from '../../domain/quantity.js';
import type { AssessmentContext } from './assessment-context.js';
import { suggestionsFor } from './assessment-context.js';
import { costValues, readCost, readMeasures, readOutcomes, readShaping, readTargets, targetField, targetText, unitWords } from './forms.js';
import type { TaskAnswer } from './save-task.js';
import type { TaskKey } from './tasks.js';

/**
 * The five task pages of the assessment: what each form shows from what is saved, how it reads what was sent, and
 * what else its template needs. routes.ts serves them all the same way.
 */

type Values = Record<string, unknown>;

export interface TaskReading {
  values: Values;
  problems: [string, string][];
  answer: { value: TaskAnswer; complete: boolean } | null;
}

export interface TaskPage {
  key: TaskKey;
  /** the framework's outcomes or measures appear on the page */
  needsFramework: boolean;
  saved(context: AssessmentContext): Values;
  read(body: unknown, context: AssessmentContext): TaskReading;
  view?(context: AssessmentContext, values: Values, errors: Record<string, string>): Values;
}

function answerOf<A>(
  reading: { values: Values; problems: [string, string][]; answer: { value: A; complete: boolean } | null },
  toAnswer: (value: A) => TaskAnswer,
): TaskReading {
  const { answer } = reading;
  return { values: reading.values, problems: reading.problems, answer: answer && { value: toAnswer(answer.value), complete: answer.complete } };
}

const shaping: TaskPage = {
  key: 'shaping',
  needsFramework: false,
  saved: ({ assessment }) => ({ shaping: assessment?.shaping ?? '' }),
  read: (body) => answerOf(readShaping(body), (value) => ({ task: 'shaping', shaping: value })),
};

const outcomes: TaskPage = {
  key: 'outcomes',
  needsFramework: true,
  saved: ({ assessment }) => ({ outcomeCodes: assessment?.outcomeCodes ?? [] }),
  read: (body, { framework }) =>
    answerOf(
      readOutcomes(
        body,
        framework!.outcomes.map((o) => o.code),
      ),
      (value) => ({ task: 'outcomes', outcomeCodes: value }),
    ),
  view: ({ framework }, values) => ({
    outcomeItems: framework!.outcomes.map((o) => ({
      value: o.code,
      text: o.title,
      hint: { text: o.description },
      checked: (values.outcomeCodes as string[]).includes(o.code),
    })),
  }),
};

const measures: TaskPage = {
  key: 'measures',
  needsFramework: true,
  saved: ({ chosen }) => ({ measureIds: chosen.map((m) => m.id) }),
  read: (body, context) => {
    const reasons = new Map(suggestionsFor(context).map((s) => [s.measure.id, s.reason]));
    return answerOf(
      readMeasures(
        body,
        context.framework!.measures.map((m) => m.id),
      ),
      (ids) => ({ task: 'measures', measures: ids.map((measureId) => ({ measureId, reason: reasons.get(measureId) ?? '' })) }),
    );
  },
  view: (context, values) => {
    const checked = new Set(values.measureIds as string[]);
    const suggestions = suggestionsFor(context);
    const suggested = new Set(suggestions.map((s) => s.measure.id));
    const counted = (unit: string) => `Counted in ${unitWords(unit)}.`;
    return {
      suggestedItems: suggestions.map((s) => ({
        value: s.measure.id,
        text: s.measure.title,
        hint: { text: `${s.reason}. ${counted(s.measure.unit)}` },
        checked: checked.has(s.measure.id),
      })),
      outcomeGroups: context
        .framework!.outcomes.map((o) => ({
          title: o.title,
          items: context
            .framework!.measures.filter((m) => m.outcomeCode === o.code && !suggested.has(m.id))
            .map((m) => ({ value: m.id, text: m.title, hint: { text: counted(m.unit) }, checked: checked.has(m.id) })),
        }))
        .filter((group) => group.items.length > 0),
      chosenOutcomes: context.framework!.outcomes.filter((o) => context.assessment?.outcomeCodes?.includes(o.code)).map((o) => o.title),
    };
  },
};

const targets: TaskPage = {
  key: 'targets',
  needsFramework: false,
  saved: ({ assessment, chosen }) => ({
    targets: Object.fromEntries(chosen.map((m) => [m.id, targetText(m.targetHundredths)])),
    notes: assessment?.targetsNotes ?? '',
  }),
  read: (body, { chosen }) => answerOf(readTargets(body, chosen), (value) => ({ task: 'targets', targets: value })),
  view: ({ chosen }, values, errors) => ({
    targetInputs: chosen.map((m) => ({
      id: targetField(m.id),
      name: targetField(m.id),
      label: { text: m.title, classes: 'govuk-label--s' },
      hint: { text: m.unit === '£' ? 'In pounds' : `In ${m.unit}` },
      value: (values.targets as Record<string, string>)[m.id] ?? '',
      classes: 'govuk-input--width-10',
      inputmode: 'decimal',
      spellcheck: false,
      autocomplete: 'off',
      ...(m.unit === '£' ? { prefix: { text: '£' } } : { suffix: { text: m.unit } }),
      errorMessage: errors[targetField(m.id)] ? { text: errors[targetField(m.id)] } : undefined,
    })),
  }),
};

const cost: TaskPage = {
  key: 'cost',
  needsFramework: false,
  saved: ({ assessment }) => costValues(assessment?.supplierCost ?? null),
  read: (body) => answerOf(readCost(body), (value) => ({ task: 'cost', supplierCost: value })),
};

export const taskPages: readonly TaskPage[] = [shaping, outcomes, measures, targets, cost];

/** A chosen measure's target in words: "12.5 FTE years", "£2,000", or "No target". */
export function targetInWords(hundredths: number | null, unit: string): string {
  if (hundredths === null) return 'No target';
  return unit === '£' ? `£${formatQuantity(hundredths)}` : `${formatQuantity(hundredths)} ${unit}`;
}
