import { flashMessages } from '../../platform/flash.js';

/** The success message on the bid's page after each change, by its `done` query parameter. */
export const bidFlash = flashMessages({
  details: 'Bid price and consortium saved',
  commitment: 'Commitment saved',
  removed: 'Commitment removed',
  answer: 'Answer saved',
  unchanged: 'Nothing had changed, so there was nothing to save',
});
