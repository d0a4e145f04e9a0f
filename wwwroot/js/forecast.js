// "Best time to come": a site's expected wait by half-hour for the rest of its day, as the server forecasts it,
// kept fresh while a site is on view, and what a resident needs from it: the best half-hour, the others about as
// good, and in words what the estimate rests on.
import { api } from './api.js';
import { fmtClock, fmtInt } from './format.js';
import { t } from './i18n.js';

// The forecast moves with the queue, but slowly: half-hour slots barely change within five minutes.
const REFRESH_MS = 5 * 60 * 1000;

// Waits are estimates good to a few minutes either way, so a half-hour this close to the best is as good a time to come.
const NEAR_BEST_MINUTES = 5;

const BASES = ['history', 'recent'];

// Slots as dates and numbers. A slot without readable times is dropped rather than drawn in the wrong place; a wait
// that is not a number is the server's null: people arriving then may not be swabbed today.
export function readForecast(body) {
  const slots = (Array.isArray(body?.slots) ? body.slots : [])
    .map((slot) => ({
      from: new Date(slot?.from),
      to: new Date(slot?.to),
      wait: Number.isFinite(slot?.waitMinutes) ? slot.waitMinutes : null,
    }))
    .filter((slot) => !Number.isNaN(slot.from.getTime()) && !Number.isNaN(slot.to.getTime()));
  return { slots, basis: String(body?.basis ?? '').toLowerCase() };
}

// The half-hour with the shortest wait; of equal ones the soonest, since nobody should wait longer to wait as long.
export function bestSlot(slots) {
  return slots.reduce((best, slot) => (slot.wait != null && (best == null || slot.wait < best.wait) ? slot : best), null);
}

export function isNearBest(slot, best) {
  return best != null && slot.wait != null && slot.wait <= best.wait + NEAR_BEST_MINUTES;
}

// "15:30–16:00", in the phone's clock time like every other time on the board.
export function slotRangeText(slot) {
  return `${fmtClock(slot.from)}–${fmtClock(slot.to)}`;
}

export function slotWaitText(slot) {
  if (slot.wait == null) return t('forecast.missing');
  return slot.wait === 0 ? t('forecast.slotNoWait') : t('forecast.slotWait', { n: fmtInt(slot.wait) });
}

export function bestTimeText(best) {
  if (!best) return t('forecast.noneToday');
  const range = slotRangeText(best);
  // "About 0 min wait" would read as a hedge where no queue is expected at all.
  return best.wait === 0 ? t('forecast.bestNoWait', { range }) : t('forecast.best', { range, n: fmtInt(best.wait) });
}

// '' for a basis this page does not know: better no note than a wrong one.
export function basisText(basis) {
  return BASES.includes(basis) ? t(`forecast.basis.${basis}`) : '';
}

// The forecast of the one site on view: fetched when the view opens, every five minutes while it stays open, and on
// refresh() (after a reconnect). onChange(siteId, forecast) gets null when a fetch fails, so the view hides quietly
// instead of showing half-hours that may have passed. Only the newest request's answer counts.
export function createForecastFeed(onChange) {
  let siteId = null;
  let timer = null;
  let ticket = 0;

  async function load() {
    const id = siteId;
    const mine = ++ticket;
    let forecast = null;
    try {
      forecast = readForecast(await api.forecast(id));
    } catch {
      // Hidden, not reported: the rest of the site's view is what a resident came for.
    }
    if (id === siteId && mine === ticket) onChange(id, forecast);
  }

  function close() {
    clearInterval(timer);
    timer = null;
    siteId = null;
    ticket += 1;
  }

  return {
    open(id) {
      close();
      siteId = id;
      timer = setInterval(load, REFRESH_MS);
      load();
    },
    close,
    refresh() {
      if (siteId != null) load();
    },
  };
}
