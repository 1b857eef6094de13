import type { Role } from '../../db/schema/index.js';

/** Who works on delivery reports here: supplier users, on their own organisation's contracts only. */
export const suppliers = ['supplier'] as const satisfies readonly Role[];

const FLASH: Record<string, string> = {
  saved: 'Saved. You can add evidence files below.',
  evidence: 'Evidence added.',
  'evidence-removed': 'Evidence file removed.',
  removed: 'Additional social value removed.',
  submitted: 'Report submitted. The contract manager will check each line and may ask you about some of them.',
  'already-submitted': 'This report has already been submitted, so it can no longer be changed.',
};

export const reportFlash = (key: string): string | undefined => FLASH[key];
