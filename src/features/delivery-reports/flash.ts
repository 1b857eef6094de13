/** The banners shown after a change to a report, by the `done` key of the address it leads to. */
const FLASH: Record<string, string> = {
  saved: 'Saved. You can add evidence files below.',
  evidence: 'Evidence added.',
  'evidence-removed': 'Evidence file removed.',
  removed: 'Additional social value removed.',
  submitted: 'Report submitted. The contract manager will check each line and may ask you about some of them.',
  'already-submitted': 'This report has already been submitted, so it can no longer be changed.',
};

export const reportFlash = (key: string): string | undefined => (Object.hasOwn(FLASH, key) ? FLASH[key] : undefined);
