// A lead's sign-in lasts the district's day on that phone: a lead code typed once in the morning
// (44 characters, with gloves) is kept in localStorage, shared by every tab of the console, until
// local midnight in the district's time zone, a sign-out, or the server refusing it. A refused code
// leaves its reason behind, so the next tab says why it asks again.
import { serverNow } from './clock.js';
import { districtTimeZone } from './district-zone.js';

const keyOf = (siteId) => `qb.lead.code.${siteId}`;

function wallClock(ms, timeZone) {
  const parts = {};
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  for (const { type, value } of format.formatToParts(new Date(ms))) parts[type] = Number(value);
  return parts;
}

// How far the zone's wall clock is ahead of UTC at `ms`.
function offsetAt(ms, timeZone) {
  const p = wallClock(ms, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
}

// The next local midnight in `timeZone` after `ms`; twice round, since the offset may differ at midnight.
export function nextMidnight(ms, timeZone = districtTimeZone()) {
  const p = wallClock(ms, timeZone);
  const midnight = Date.UTC(p.year, p.month - 1, p.day + 1);
  let guess = midnight - offsetAt(ms, timeZone);
  guess = midnight - offsetAt(guess, timeZone);
  return guess > ms ? guess : ms + 24 * 3600 * 1000;
}

function parse(raw) {
  try {
    const value = JSON.parse(raw ?? 'null');
    return value && typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}

// {code, reason}: the code while it lasts, else why there is none (an i18n key, or null).
export function readSession(siteId) {
  try {
    const stored = parse(localStorage.getItem(keyOf(siteId)));
    if (typeof stored?.code === 'string' && stored.code && stored.until > serverNow()) return { code: stored.code, reason: null };
    if (stored?.code) localStorage.removeItem(keyOf(siteId));
    const reason = typeof stored?.reason === 'string' && stored.until > serverNow() ? stored.reason : null;
    return { code: takeSessionCode(siteId), reason };
  } catch {
    return { code: null, reason: null };
  }
}

// Consoles before this one kept the code for the browser session only; carry it over rather than ask again.
function takeSessionCode(siteId) {
  try {
    const code = sessionStorage.getItem(keyOf(siteId));
    if (!code) return null;
    sessionStorage.removeItem(keyOf(siteId));
    keepCode(siteId, code);
    return code;
  } catch {
    return null;
  }
}

export function keepCode(siteId, code, until = nextMidnight(serverNow())) {
  try {
    localStorage.setItem(keyOf(siteId), JSON.stringify({ code, until }));
  } catch {
    // Storage disabled: the code lives only in this page, and a new tab asks again.
  }
}

// `reason` stays behind for the day, for the next tab (a refused code); a plain sign-out leaves nothing.
export function forgetCode(siteId, reason = null) {
  try {
    if (reason) localStorage.setItem(keyOf(siteId), JSON.stringify({ reason, until: nextMidnight(serverNow()) }));
    else localStorage.removeItem(keyOf(siteId));
  } catch {
    // Nothing was kept.
  }
}

// Another tab signed in or out: `fn({code, reason})`.
export function onSessionChange(siteId, fn) {
  window.addEventListener('storage', (event) => {
    if (event.key !== keyOf(siteId) && event.key !== null) return;
    fn(readSession(siteId));
  });
}
