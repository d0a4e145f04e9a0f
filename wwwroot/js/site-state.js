// A site's state as every screen words it. Outside its opening hours a site is resting, with when it opens again in
// the district's clock, and so is each of its lanes, whatever its lead left it at; a lane shows a wait and a pace only
// while it serves, so that no screen tells two stories about one lane.
import { addDays, dayOf, dayShortText, today } from './district-days.js';
import { bandOf, fmtClock, laneStatus } from './format.js';
import { t } from './i18n.js';

export const isResting = (site) => site?.withinHours === false;

// The band word of a site: 'resting' outside its hours rather than the server's 'closed', and 'green' where only a green
// lane serves (the server's band follows the standard lanes' wait, and would call the site closed to the very people
// its green lane is for); 'closed' is left for a site within its hours with no lane open.
export function siteBand(site) {
  if (isResting(site)) return 'resting';
  const band = bandOf(site);
  return band === 'closed' && site?.greenLaneOpen === true ? 'green' : band;
}

// Serving someone now: any band but closed and resting.
export const isServingSite = (site) => !['closed', 'resting'].includes(siteBand(site));

// "今日 18:00 开放" / "opens today 18:00"; '' within hours or when the server knows no next opening.
export function nextOpeningText(site) {
  const at = Date.parse(site?.nextOpening);
  if (!isResting(site) || Number.isNaN(at)) return '';
  const time = fmtClock(new Date(at));
  const day = dayOf(at);
  const now = today();
  if (day === now) return t('site.opensToday', { time });
  if (day === addDays(now, 1)) return t('site.opensTomorrow', { time });
  return t('site.opensOn', { date: dayShortText(day), time });
}

// "休息中 · 今日 18:00 开放", or "休息中" alone.
export function restingText(site) {
  const next = nextOpeningText(site);
  return next ? t('site.restingUntil', { next }) : t('band.resting');
}

// 'open', 'paused', 'closed', or 'resting' for every lane of a resting site.
export function laneShownStatus(lane, site) {
  return isResting(site) ? 'resting' : laneStatus(lane?.status);
}

// Open within hours with a wait worked out: the only lanes that show a wait and the pace it comes from.
export function isServing(lane, site) {
  return laneShownStatus(lane, site) === 'open' && lane?.waitMinutes != null;
}

// The serving lane of `kind` ('standard' or 'green') to join now: the shortest wait, then the shortest queue, then the
// first the site lists; null when none serves.
export function bestLane(site, kind) {
  let best = null;
  for (const lane of site?.lanes ?? []) {
    if (String(lane?.kind ?? '').toLowerCase() !== kind || !isServing(lane, site)) continue;
    if (!best || lane.waitMinutes < best.waitMinutes
      || (lane.waitMinutes === best.waitMinutes && lane.queueLength < best.queueLength)) best = lane;
  }
  return best;
}
