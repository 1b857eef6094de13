import { describe, expect, it } from 'vitest';
import { scoreFormQuestions } from './score-form.js';

const scale = [
  { score: 0, descriptor: 'None' },
  { score: 50, descriptor: 'Half' },
  { score: 100, descriptor: 'Full' },
];
const questions = [
  { id: 'q1', position: 1, title: 'Local jobs', guidance: '', weightBps: 6000 },
  { id: 'q2', position: 2, title: 'Charities', guidance: '', weightBps: 4000 },
];

describe('a page of scores', () => {
  it('fills the form from the scores saved before, with the scale and each answer', () => {
    const { questions: rows, values } = scoreFormQuestions(questions, [{ questionId: 'q2', answer: 'We will fund two charities.' }], scale, 'reason', [
      { questionId: 'q1', score: 50, text: 'Some gaps' },
    ]);
    expect(values).toEqual({ 'score-q1': '50', 'reason-q1': 'Some gaps', 'score-q2': '', 'reason-q2': '' });
    expect(rows.map((r) => [r.answer, r.savedScore, r.textField])).toEqual([
      ['', 50, 'reason-q1'],
      ['We will fund two charities.', null, 'reason-q2'],
    ]);
    expect(rows[0]!.scaleItems).toEqual([
      { value: '0', text: '0', hint: { text: 'None' }, checked: false },
      { value: '50', text: '50', hint: { text: 'Half' }, checked: true },
      { value: '100', text: '100', hint: { text: 'Full' }, checked: false },
    ]);
  });

  it('shows what was typed, not what was saved, when a form comes back with problems', () => {
    const { values, questions: rows } = scoreFormQuestions(questions, [], scale, 'comment', [{ questionId: 'q1', score: 50, text: 'Saved' }], {
      'score-q1': '100',
      'comment-q1': '',
    });
    expect(values).toEqual({ 'score-q1': '100', 'comment-q1': '' });
    expect(rows[0]!.scaleItems.find((item) => item.checked)?.value).toBe('100');
    expect(rows[0]!.savedScore).toBe(50);
  });
});
