// How sure a posted wait is, in words: the likely range around it, a planned break it already
// counts, and how close today's posted waits came to the waits people actually had.
import { fmtClock, fmtInt } from './format.js';
import { t } from './i18n.js';

// The likely range around a posted wait as {low, high}, or null when there is nothing to add: no wait,
// no range (a server from before ranges sends none), or a range that is one number and would only
// repeat the main figure.
function rangeOf(wait, low, high) {
  if (wait == null || low == null || high == null || low === high) return null;
  return { low: fmtInt(low), high: fmtInt(high) };
}

export const siteRange = (site) => rangeOf(site?.waitMinutes, site?.waitMinutesLow, site?.waitMinutesHigh);
export const greenRange = (site) => rangeOf(site?.greenWaitMinutes, site?.greenWaitMinutesLow, site?.greenWaitMinutesHigh);
export const laneRange = (lane) => rangeOf(lane?.waitMinutes, lane?.waitMinutesLow, lane?.waitMinutesHigh);

// "10–15 min": after "~12 min · ", where the main figure says what it is.
export function rangeText(range) {
  return range ? t('wait.range', range) : '';
}

// "likely 10–15 min": beside or under a big figure, where it must say what it is.
export function likelyText(range) {
  return range ? t('wait.likely', { range: rangeText(range) }) : '';
}

// "(10–15)": right after a small figure and its unit, where a line of its own would not fit.
export function briefRangeText(range) {
  return range ? t('wait.rangeBrief', range) : '';
}

// "includes break 12:00–12:30", in the screen's clock time like the wall clock beside it; '' without a break.
export function breakText(lane) {
  const from = Date.parse(lane?.pauseAhead?.from);
  const to = Date.parse(lane?.pauseAhead?.to);
  if (Number.isNaN(from) || Number.isNaN(to)) return '';
  return t('wait.breakAhead', { from: fmtClock(new Date(from)), to: fmtClock(new Date(to)) });
}

// The site's own record today; '' until the server has measured enough people (it sends null).
export function accuracyText(accuracy) {
  if (accuracy?.withinMinutes == null || accuracy?.measured == null) return '';
  return t('accuracy.today', { within: fmtInt(accuracy.withinMinutes), measured: fmtInt(accuracy.measured) });
}
