// The district's days as the server counts them: a day is YYYY-MM-DD in the district's time zone
// (QueueBoard:TimeZone, whose default this is), and the server keeps the last 7. Today follows the
// server's clock, not this device's, which may be wrong or in another zone.
import { serverNow } from './clock.js';
import { districtTimeZone } from './district-zone.js';
import { getLang } from './i18n.js';

export const DISTRICT_TIME_ZONE = 'Asia/Shanghai';
export const KEPT_DAYS = 7;

const dayKey = (y, m, d) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);

// A real calendar day written as YYYY-MM-DD (not 2026-02-30).
export function isDay(text) {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number);
  return dayKey(y, m, d) === text;
}

export function isTimeZone(zone) {
  if (typeof zone !== 'string' || !zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone }).format(0);
    return true;
  } catch {
    return false;
  }
}

export function addDays(day, n) {
  const [y, m, d] = day.split('-').map(Number);
  return dayKey(y, m, d + n);
}

// Screens ask for days every second (ticking "opens tomorrow"), so each zone's formatter is made once.
const dayParts = new Map();

// The day the instant `ms` falls on in `timeZone`.
export function dayOf(ms, timeZone = districtTimeZone()) {
  const zone = isTimeZone(timeZone) ? timeZone : DISTRICT_TIME_ZONE;
  let format = dayParts.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric' });
    dayParts.set(zone, format);
  }
  const parts = {};
  for (const { type, value } of format.formatToParts(new Date(ms))) parts[type] = Number(value);
  return dayKey(parts.year, parts.month, parts.day);
}

// The day it is now in `timeZone`.
export function today(timeZone = districtTimeZone()) {
  return dayOf(serverNow(), timeZone);
}

// The days the server keeps, today first.
export function recentDays(timeZone = districtTimeZone()) {
  const last = today(timeZone);
  return Array.from({ length: KEPT_DAYS }, (_, i) => addDays(last, -i));
}

// ---- in words, in the page language ----

const formats = new Map();
function format(kind, timeZone, options) {
  // English day and month as "28 Nov".
  const tag = getLang() === 'en' ? 'en-GB' : 'zh-CN';
  const key = `${tag}|${timeZone}|${kind}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(tag, { timeZone, ...options });
    formats.set(key, f);
  }
  return f;
}

// A calendar day names the same date in every zone: it is written as the UTC day it is.
const middayOf = (day) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, 12));
};

// "11月29日周日" / "Sun 29 Nov"
export const dayShortText = (day) => format('day-short', 'UTC', { weekday: 'short', month: 'short', day: 'numeric' }).format(middayOf(day));

// "2026年11月29日星期日" / "Sunday 29 November 2026"
export const dayLongText = (day) => format('day-long', 'UTC', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(middayOf(day));

// An instant as the district's clock showed it: "11月30日 09:12" / "30 Nov, 09:12".
export function instantText(ms, timeZone = districtTimeZone()) {
  const zone = isTimeZone(timeZone) ? timeZone : DISTRICT_TIME_ZONE;
  return format('instant', zone, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ms));
}
