// Why the server refused a lead's taps, in the page language. The console sends only taps it has
// checked, so what it meets in practice is a lane removed while taps for it waited on the phone,
// and taps kept offline for over a day (or a clock far off); anything else is shown as sent.
import { t } from './i18n.js';
import { serverWords } from './server-words.js';

const KNOWN = [
  [/^Site '.*' has no lane '(.*)'\.?$/, (m) => t('lead.rejectNoLane', { lane: m[1] })],
  [/^The time must lie within the last 24 hours/, () => t('lead.rejectTime')],
  [/count is a whole number from \d+ to (\d+)/, (m) => t('lead.rejectCount', { n: m[1] })],
  [/^The batch has errors/, () => t('lead.rejectBatch')],
];

// One refusal's reasons (the server's messages; a single string from before they were kept apart).
export function rejectionWords(reasons) {
  const list = Array.isArray(reasons) ? reasons : reasons ? [reasons] : [];
  return list.map((reason) => serverWords(reason, KNOWN));
}
