// Test support of the Google connector, for this app's tests and the browser tests (e2e).
export {
  type GoogleStandIn,
  type StandInConsent,
  type StandInFailure,
  type StandInReview,
  type StandInReviewInput,
  startGoogleStandIn,
} from './stand-in.js';
