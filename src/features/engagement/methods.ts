/** How the council engaged with stakeholders about a requirement. */
export const engagementMethods = ['meeting', 'workshop', 'survey', 'market_engagement_event', 'email', 'phone', 'other'] as const;
export type EngagementMethod = (typeof engagementMethods)[number];

export const methodLabels: Record<EngagementMethod, string> = {
  meeting: 'Meeting',
  workshop: 'Workshop',
  survey: 'Survey',
  market_engagement_event: 'Market engagement event',
  email: 'Email',
  phone: 'Phone call',
  other: 'Other',
};

export function isEngagementMethod(value: string): value is EngagementMethod {
  return (engagementMethods as readonly string[]).includes(value);
}

/** A stored method in words; a method no longer in the list shows as it was stored. */
export function methodLabel(value: string): string {
  return isEngagementMethod(value) ? methodLabels[value] : value;
}
