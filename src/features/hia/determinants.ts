/** The health determinants a screening asks about, and the likely effects it records for each. */

export interface Determinant {
  key: string;
  name: string;
  /** the name inside a sentence: "employment and income" */
  inSentence: string;
  hint: string;
}

export const determinants: readonly Determinant[] = [
  { key: 'employment_income', name: 'Employment and income', inSentence: 'employment and income', hint: 'Jobs, pay, training, and money worries' },
  { key: 'housing', name: 'Housing', inSentence: 'housing', hint: 'Having a safe, warm and affordable home' },
  {
    key: 'access_to_services',
    name: 'Access to services',
    inSentence: 'access to services',
    hint: 'Reaching health and care, transport, shops and other services, in person or online',
  },
  { key: 'physical_activity', name: 'Physical activity', inSentence: 'physical activity', hint: 'Chances to walk, cycle, play sport and be active every day' },
  { key: 'healthy_food', name: 'Healthy food', inSentence: 'healthy food', hint: 'Being able to get and afford healthy food' },
  {
    key: 'air_quality_environment',
    name: 'Air quality and environment',
    inSentence: 'air quality and the environment',
    hint: 'Air pollution, noise, green spaces and the climate',
  },
  {
    key: 'social_connection',
    name: 'Social connection and community',
    inSentence: 'social connection and community',
    hint: 'Loneliness and isolation, community groups, and places to meet',
  },
  { key: 'safety_crime', name: 'Safety and crime', inSentence: 'safety and crime', hint: 'Crime and the fear of it, road safety, and safeguarding' },
  {
    key: 'mental_wellbeing',
    name: 'Mental wellbeing',
    inSentence: 'mental wellbeing',
    hint: 'Stress and anxiety, a sense of control, and support when it is needed',
  },
  {
    key: 'vulnerable_groups',
    name: 'Vulnerable groups and health inequalities',
    inSentence: 'vulnerable groups and health inequalities',
    hint: 'People whose health is already worse than others’, such as disabled people, people on low incomes, and people from some minority groups',
  },
  {
    key: 'children_young_people',
    name: 'Children and young people',
    inSentence: 'children and young people',
    hint: 'Their health, development, education and safety',
  },
  {
    key: 'older_people_carers',
    name: 'Older people and carers',
    inSentence: 'older people and carers',
    hint: 'Staying independent, well and connected, and support for unpaid carers',
  },
];

export const impacts = ['positive', 'negative', 'none', 'not_known'] as const;
export type Impact = (typeof impacts)[number];

export const impactLabels: Record<Impact, string> = {
  positive: 'Likely positive',
  negative: 'Likely negative',
  none: 'No effect',
  not_known: 'Not known',
};

export function isImpact(value: string): value is Impact {
  return (impacts as readonly string[]).includes(value);
}

/** The answer to each determinant, by its key: the likely effect and an optional note. */
export type Answers = Record<string, { impact: string; note: string }>;

/** The likely effect of each determinant, when every one has been answered; null otherwise. */
export function completeImpacts(answers: Answers): Record<string, Impact> | null {
  const result: Record<string, Impact> = {};
  for (const { key } of determinants) {
    const impact = answers[key]?.impact ?? '';
    if (!isImpact(impact)) return null;
    result[key] = impact;
  }
  return result;
}
