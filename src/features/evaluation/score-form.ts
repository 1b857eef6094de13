import type { ScalePoint } from '../../db/schema/index.js';
import type { Question } from './repository.js';

export interface SavedScore {
  questionId: string;
  score: number;
  text: string;
}

/**
 * What a page of scores needs for each question: the bid's answer, the field names, the scale as radio items with
 * the descriptors, and the score and comment (or reason) saved before. `values` are what was typed, when a form
 * came back with problems; otherwise the saved scores fill the form.
 */
export function scoreFormQuestions(
  questions: Question[],
  answers: { questionId: string; answer: string }[],
  scale: ScalePoint[],
  textName: 'comment' | 'reason',
  saved: SavedScore[],
  typed?: Record<string, string>,
) {
  const values: Record<string, string> = { ...typed };
  const rows = questions.map((question) => {
    const scoreField = `score-${question.id}`;
    const textField = `${textName}-${question.id}`;
    const before = saved.find((s) => s.questionId === question.id);
    if (!typed) {
      values[scoreField] = before ? String(before.score) : '';
      values[textField] = before?.text ?? '';
    }
    return {
      ...question,
      answer: answers.find((a) => a.questionId === question.id)?.answer ?? '',
      scoreField,
      textField,
      savedScore: before?.score ?? null,
      savedText: before?.text ?? '',
      scaleItems: scale.map((point) => ({
        value: String(point.score),
        text: String(point.score),
        hint: { text: point.descriptor },
        checked: values[scoreField] === String(point.score),
      })),
    };
  });
  return { questions: rows, values };
}
