// How old a site's numbers are, and whether they may be out of date. The server marks an open site `stale` once its
// lanes have gone silent for QueueBoard:SilentAfterMinutes; the page reaches the same verdict from `updatedAt` by the
// server's clock, so that a push that is late or lost never leaves silent numbers looking current. A stale site's
// numbers are greyed and say so in words, and it is never offered as the shortest wait.
import { serverNow } from './clock.js';
import { silentAfterMinutes } from './district-zone.js';
import { h, setAttr, setText, toggleClass } from './dom.js';
import { fmtAgo } from './format.js';
import { getLang, t } from './i18n.js';

const MINUTE = 60000;

// Milliseconds since the site's last report, or null when it gives no time.
export function ageOf(site, now = serverNow()) {
  const at = Date.parse(site?.updatedAt);
  return Number.isNaN(at) ? null : Math.max(0, now - at);
}

// `ageNow()` gives the site's age, asked only when the verdict turns on it: most sites are decided without the time.
function staleGiven(site, ageNow) {
  if (!site) return false;
  if (site.stale === true) return true;
  // Like the server, only an open site goes stale: a closed or resting one has nothing to report.
  if (site.open !== true || site.withinHours === false) return false;
  const age = ageNow();
  return age != null && age >= silentAfterMinutes() * MINUTE;
}

export function isStale(site, now = serverNow()) {
  return staleGiven(site, () => ageOf(site, now));
}

// "3 分钟前更新" / "updated 3 min ago", by the minute: seconds ticking on every row would distract more than they tell.
function ageWords(age) {
  return age == null ? '' : t('fresh.updated', { ago: fmtAgo(Math.floor(age / MINUTE) * MINUTE) });
}

// A line with the age, and the words when the numbers may be out of date; `update(site)` on every render and tick
// returns whether they may be.
export function freshnessLine({ testid, tag = 'span', className = '' }) {
  const age = h('span', { class: 'fresh-age' });
  const words = h('span', { class: 'stale-words' });
  // The separator is text, not spacing, so that a screen reader reading the line pauses between the two.
  const note = h('span', { class: 'stale-after', hidden: true },
    ' · ', h('span', { class: 'stale-note' }, h('span', { class: 'stale-icon', 'aria-hidden': 'true' }), words));
  const el = h(tag, { class: `freshness${className ? ` ${className}` : ''}`, 'data-testid': testid }, age, note);
  // The line shows the age by the minute: a board ticks every row each second and takes a push each second at
  // a district's peak, and reading the line back from the page on each took more of a phone than the rows' numbers.
  let shown = null;
  return {
    el,
    update(site, now = serverNow()) {
      const ms = ageOf(site, now);
      const stale = staleGiven(site, () => ms);
      const key = `${ms == null ? '' : Math.floor(ms / MINUTE)} ${stale} ${getLang()}`;
      if (key === shown) return stale;
      shown = key;
      setText(age, ageWords(ms));
      setText(words, stale ? t('fresh.stale') : '');
      if (note.hidden === stale) note.hidden = !stale;
      markStale(el, stale);
      return stale;
    },
  };
}

// Marks a site's row, view or screen: `data-stale` for scripts and tests, and a class that greys its numbers.
export function markStale(node, stale) {
  setAttr(node, 'data-stale', String(Boolean(stale)));
  toggleClass(node, 'is-stale', stale);
}
