// "Go here instead": a nearby open site where the walk there plus its wait clearly beats queueing here.
// Clearly, because waits are estimates: a resident who walks away for a minute or two saved was sent away for nothing.
// Never a site whose numbers may be out of date: its short wait may be long gone.
import { serverNow } from './clock.js';
import { fmtInt, siteName } from './format.js';
import { isStale } from './freshness.js';
import { haversineKm } from './geo.js';
import { t } from './i18n.js';

const DETOUR = 1.3; // streets are longer than the straight line
const WALK_KMH = 4.5;
const MAX_WALK_MINUTES = 40;
const MIN_SAVED_MINUTES = 10;
const MIN_SAVED_SHARE = 0.25;
// Straight-line distance past which the walk exceeds the limit. A degree of latitude is at least 111 km
// (the true figure is a little more), so a latitude gap alone rules most of a district's sites out
// without trigonometry and never rules out one the exact distance would keep.
const MAX_STRAIGHT_KM = (MAX_WALK_MINUTES / 60) * WALK_KMH / DETOUR;
const MIN_KM_PER_DEGREE_LATITUDE = 111;

const placed = (s) => Number.isFinite(s?.latitude) && Number.isFinite(s?.longitude);

function walkMinutesExact(from, to) {
  const km = haversineKm(from.latitude, from.longitude, to.latitude, to.longitude) * DETOUR;
  return (km / WALK_KMH) * 60;
}

// From board rows (summary shape), the site to go to instead of `site`:
// { site: row, walkMinutes, totalMinutes, savedMinutes }, or null when none clearly beats staying.
export function betterNearby(site, rows) {
  if (site?.waitMinutes == null || !placed(site)) return null;
  const worstTotal = site.waitMinutes - Math.max(MIN_SAVED_MINUTES, MIN_SAVED_SHARE * site.waitMinutes);
  // Most sites most of the time: too short a wait for any walk to save enough.
  if (worstTotal < 0) return null;
  let best = null;
  const now = serverNow();
  for (const row of rows ?? []) {
    if (!row || row.id === site.id || row.open !== true || row.waitMinutes == null || !placed(row)) continue;
    if (Math.abs(row.latitude - site.latitude) * MIN_KM_PER_DEGREE_LATITUDE > MAX_STRAIGHT_KM) continue;
    if (isStale(row, now)) continue;
    const exact = walkMinutesExact(site, row);
    if (exact > MAX_WALK_MINUTES) continue;
    const walkMinutes = Math.ceil(exact);
    const totalMinutes = row.waitMinutes + walkMinutes;
    if (totalMinutes > worstTotal) continue;
    if (!best || totalMinutes < best.totalMinutes || (totalMinutes === best.totalMinutes && walkMinutes < best.walkMinutes)) {
      best = { site: row, walkMinutes, totalMinutes };
    }
  }
  return best && { ...best, savedMinutes: site.waitMinutes - best.totalMinutes };
}

// The full sentence, for a site's own view and its wall screen.
export function adviceText(advice) {
  if (!advice) return '';
  // "About 0 min wait" would read as a hedge where there is simply no queue.
  return t(advice.site.waitMinutes === 0 ? 'advice.fasterNoWait' : 'advice.faster', {
    name: siteName(advice.site),
    walk: fmtInt(advice.walkMinutes),
    wait: fmtInt(advice.site.waitMinutes),
    saved: fmtInt(advice.savedMinutes),
  });
}

// A few words, for a row in a list.
export function adviceShortText(advice) {
  if (!advice) return '';
  return t('advice.short', { name: siteName(advice.site), saved: fmtInt(advice.savedMinutes) });
}
