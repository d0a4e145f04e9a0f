// Numbers, times and domain words in the current language.
import { districtTimeZone } from './district-zone.js';
import { getLang, locale, lookup, t } from './i18n.js';

const cache = new Map();
function formatter(kind, options) {
  const time = kind.startsWith('time');
  // Times are the district's, not the device's: a screen set to UTC still shows the district's clock.
  const key = time ? `${locale()}|${kind}|${districtTimeZone()}` : `${locale()}|${kind}`;
  let f = cache.get(key);
  if (!f) {
    f = time
      ? new Intl.DateTimeFormat(locale(), { timeZone: districtTimeZone(), ...options })
      : new Intl.NumberFormat(locale(), options);
    cache.set(key, f);
  }
  return f;
}

// Names in the current language's order. `localeCompare` with a locale builds its collator on every call, and sorting a
// district's sites compares names thousands of times.
export function compareText(a, b) {
  const key = `${locale()}|collator`;
  let collator = cache.get(key);
  if (!collator) {
    collator = new Intl.Collator(locale());
    cache.set(key, collator);
  }
  return collator.compare(a, b);
}

export const DASH = '—';

// Ungrouped: site-level counts stay short, and screens and scripts read them as plain digits.
export function fmtInt(n) {
  if (n == null || Number.isNaN(n)) return DASH;
  // Both languages write whole numbers in ASCII digits: screens write thousands of them a second, and a formatter's
  // call costs far more than the number's own string.
  if (Number.isSafeInteger(n) && !Object.is(n, -0)) return String(n);
  return formatter('int', { maximumFractionDigits: 0, useGrouping: false }).format(n);
}

// Grouped, for district totals that run into the hundreds of thousands.
export function fmtCount(n) {
  return n == null || Number.isNaN(n) ? DASH : formatter('count', { maximumFractionDigits: 0 }).format(n);
}

export function fmtRate(n) {
  if (n == null || Number.isNaN(n)) return DASH;
  return formatter('rate', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);
}

export function fmtMinutesValue(m) {
  return m == null ? DASH : fmtInt(m);
}

export function fmtKm(km) {
  if (km == null) return '';
  if (km < 1) return t('unit.m', { n: fmtInt(Math.max(10, Math.round(km * 100) * 10)) });
  return t('unit.km', { n: formatter('km', { maximumFractionDigits: 1 }).format(km) });
}

export function fmtClock(date, seconds = false) {
  const kind = seconds ? 'time-s' : 'time-m';
  return formatter(kind, {
    hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}), hourCycle: 'h23',
  }).format(date);
}

export function fmtDate(date) {
  return formatter('time-date', { weekday: 'short', month: 'long', day: 'numeric' }).format(date);
}

// "12 s ago" / "3 min ago" for tickers and alert ages.
export function fmtAgo(ms) {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 5) return t('ago.now');
  if (s < 60) return t('ago.seconds', { n: s });
  const m = Math.floor(s / 60);
  if (m < 60) return t('ago.minutes', { n: m });
  return t('ago.hours', { n: Math.floor(m / 60), m: m % 60 });
}

// Bands follow the server; derive them only if a row somehow lacks one.
// Enum words are lowercase in the contract; lowercasing again costs nothing and guards the UI.
const BANDS = ['smooth', 'busy', 'crowded', 'closed'];
export function bandOf(site) {
  const band = String(site.waitBand ?? '').toLowerCase();
  if (BANDS.includes(band)) return band;
  const w = site.waitMinutes;
  if (w == null) return 'closed';
  if (w < 25) return 'smooth';
  if (w < 50) return 'busy';
  return 'crowded';
}

export function laneStatus(status) {
  const s = String(status ?? '').toLowerCase();
  return s === 'open' || s === 'paused' ? s : 'closed';
}

export function isGreenLane(lane) {
  return String(lane?.kind ?? '').toLowerCase() === 'green';
}

export const BAND_RANK = { crowded: 0, busy: 1, smooth: 2, closed: 3 };

export function siteName(site) {
  if (!site) return '';
  return getLang() === 'en' ? (site.nameEn || site.name || site.id) : (site.name || site.nameEn || site.id);
}

export function areaName(area) {
  if (!area) return '';
  return lookup('areaNames', area) ?? area;
}

// Lane names come from site configuration, usually "6号通道" / "1号绿色通道"; English gets the
// same number in its own words when the name follows that pattern.
export function laneName(lane) {
  const name = lane?.name || lane?.id || '';
  if (getLang() !== 'en') return name;
  const numbered = laneNumbering(name);
  if (!numbered) return name;
  if (numbered.green) return numbered.n ? t('lane.greenNumbered', { n: numbered.n }) : t('lane.greenPlain');
  return t('lane.numbered', { n: numbered.n });
}

// The same for a table cell that lists every lane of a site ("1号" / "L1"); a name of another pattern stays whole.
export function laneShortName(lane) {
  const name = lane?.name || lane?.id || '';
  const numbered = laneNumbering(name);
  if (!numbered) return name;
  if (numbered.green) return numbered.n ? t('lane.greenShort', { n: numbered.n }) : t('lane.greenPlainShort');
  return t('lane.short', { n: numbered.n });
}

// The number of a standard lane named by that pattern ("3号通道" → "3"), for sentences that say "lane 3" in their own
// words; null for any other name.
export function laneNumber(lane) {
  const numbered = laneNumbering(lane?.name || lane?.id || '');
  return numbered && !numbered.green ? numbered.n : null;
}

function laneNumbering(name) {
  let m = /^第?(\d+)号?绿色通道$/.exec(name);
  if (m) return { green: true, n: m[1] };
  if (name === '绿色通道') return { green: true, n: null };
  m = /^第?(\d+)号?通道$/.exec(name);
  if (m) return { green: false, n: m[1] };
  return null;
}

// Where only a lane's id is known (alerts name lanes by id): the demo and field
// configurations number standard lanes "1", "2", … and green lanes "g", "g1", "g2", …,
// so the id reads as the same words laneName() gives a configured name.
export function laneIdName(id) {
  const value = String(id ?? '').trim();
  if (/^\d+$/.test(value)) return t('lane.numbered', { n: value });
  const green = /^g[-_]?(.*)$/i.exec(value);
  if (green) return green[1] ? t('lane.greenNumbered', { n: green[1] }) : t('lane.greenPlain');
  return t('lane.byId', { id: value });
}

// A green lane whose name already says so needs no extra "green lane" badge.
export function isGreenName(name) {
  return /绿色|green/i.test(name ?? '');
}

export function searchKey(text) {
  return (text ?? '').toLocaleLowerCase().replace(/[\s·・()（）\-_]/g, '');
}

