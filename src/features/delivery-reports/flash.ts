import { flashMessages } from '../../platform/flash.js';

/** The banners shown after a change to a report, by the `done` key of the address it leads to. */
export const reportFlash = flashMessages({
  saved: 'Saved. You can add evidence files below.',
  evidence: 'Evidence added.',
  'evidence-removed': 'Evidence file removed.',
  removed: 'Additional social value removed.',
  submitted: 'Report submitted. The contract manager will check each line and may ask you about some of them.',
  'already-submitted': 'This report has already been submitted, so it can no longer be changed.',
});
