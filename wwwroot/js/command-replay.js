// Replay on the command centre: any minute of the district's last 7 days, as it stood then.
// This module owns the replay button, the replay bar and the not-live banner; command.js owns
// everything it draws. The interface between them is small and explicit:
//   - command.js asks `replay.active` before it renders live values, and while it is true draws the
//     tiles from `replay.rows()`, the totals from `replay.totals()` and the state line from `replay.message()`;
//   - replay calls the render functions it was given: `view()` (tiles, totals, alerts), `charts(points, upTo)`
//     (the day's minutes up to the replayed one; points null while they are not there) and `live()` (replay over);
//   - command.js calls `replay.tick()` once a minute, so that today's slider reaches the new minute.
import { api } from './api.js';
import { currentMinute, serverNow } from './clock.js';
import { districtTimeZone, onZoneChange } from './district-zone.js';
import { h, setAttr, setText } from './dom.js';
import { getLang, onLangChange, t } from './i18n.js';

// The district's days and clock, as the server counts them (QueueBoard:TimeZone, from district-zone.js):
// `?date=` on the history means that zone's local day, and the slider runs over its minutes.
const DAYS = 7;
const MINUTE = 60000;
const DEBOUNCE_MS = 200;
const BIG_STEP = 15;

// ---- the district's calendar ----

let partsFormat = null;
function zoneParts() {
  if (partsFormat?.resolvedOptions().timeZone !== districtTimeZone()) {
    partsFormat = new Intl.DateTimeFormat('en-US', {
      timeZone: districtTimeZone(), hourCycle: 'h23',
      year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
    });
  }
  return partsFormat;
}

function partsAt(ms) {
  const parts = {};
  for (const { type, value } of zoneParts().formatToParts(new Date(ms))) parts[type] = Number(value);
  return parts;
}

// How far the district's clock is ahead of UTC at `ms`.
function offsetAt(ms) {
  const p = partsAt(ms);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute) - Math.floor(ms / MINUTE) * MINUTE;
}

const dayKey = (y, m, d) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);

function dayOf(ms) {
  const p = partsAt(ms);
  return dayKey(p.year, p.month, p.day);
}

function addDays(day, n) {
  const [y, m, d] = day.split('-').map(Number);
  return dayKey(y, m, d + n);
}

// The instant the district's day `day` (YYYY-MM-DD) begins.
function startOf(day) {
  const [y, m, d] = day.split('-').map(Number);
  const midnight = Date.UTC(y, m - 1, d);
  return midnight - offsetAt(midnight - offsetAt(midnight));
}

const today = () => dayOf(serverNow());
const recentDays = () => Array.from({ length: DAYS }, (_, i) => addDays(today(), -i));

// The minutes of `day` one can replay: index 0 is 00:00; today ends at the current minute.
function minutesOf(day) {
  const start = startOf(day);
  const length = Math.round((startOf(addDays(day, 1)) - start) / MINUTE);
  const last = day === today() ? Math.floor((currentMinute() - start) / MINUTE) : length - 1;
  return { start, last: Math.max(0, Math.min(length - 1, last)) };
}

// ---- words, in the district's clock ----

const formats = new Map();
function zoneFormat(kind, options) {
  // English day and month as "28 Nov".
  const tag = getLang() === 'en' ? 'en-GB' : 'zh-CN';
  const key = `${tag}|${kind}|${districtTimeZone()}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(tag, { timeZone: districtTimeZone(), ...options });
    formats.set(key, f);
  }
  return f;
}

const clockText = (ms) => zoneFormat('time', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ms));
const dateText = (ms) => zoneFormat('date', { month: 'short', day: 'numeric' }).format(new Date(ms));
const dayText = (ms) => zoneFormat('day', { weekday: 'short', month: 'short', day: 'numeric' }).format(new Date(ms));

// The contract's UTC form, without the milliseconds a minute never has.
const isoMinute = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');

// ---- the replay ----

export function createReplay({ liveRows, render }) {
  const el = {
    toggle: document.getElementById('replay-toggle'),
    bar: document.getElementById('replay-bar'),
    banner: document.getElementById('replay-banner'),
    bannerText: document.getElementById('replay-banner-text'),
    date: document.getElementById('replay-date'),
    time: document.getElementById('replay-time'),
    timeText: document.getElementById('replay-time-text'),
    live: document.getElementById('replay-live'),
  };

  let active = false;
  let day = null; // the chosen district day, YYYY-MM-DD
  let index = 0; // the chosen minute of that day, 0 = 00:00
  let seq = 0; // the newest request; older answers are dropped
  let timer = null;
  let frame = null; // { minute, sites } on screen, or null
  let failed = false;
  let served = null; // { minute, total }: tested that day up to the minute on screen
  // The rows last given out: the tiles tell a changed row by its identity, and live pushes redraw them every second.
  let given = new Map();
  const days = new Map(); // district day → { points, last, complete }: its history, as fetched

  const chosenMinute = () => minutesOf(day).start + index * MINUTE;

  // ---- controls ----

  function renderDays() {
    const list = recentDays();
    if (!list.includes(day)) day = list[list.length - 1];
    const signature = JSON.stringify([getLang(), districtTimeZone(), list]);
    if (el.date.dataset.signature !== signature) {
      el.date.dataset.signature = signature;
      el.date.replaceChildren(...list.map((d, i) => {
        const date = dayText(startOf(d) + 12 * 60 * MINUTE);
        const when = ['replay.today', 'replay.yesterday'][i];
        return h('option', { value: d, text: when ? t('replay.dayOption', { date, when: t(when) }) : date });
      }));
    }
    el.date.value = day;
  }

  function renderTime() {
    const { last } = minutesOf(day);
    index = Math.max(0, Math.min(last, index));
    setAttr(el.time, 'max', String(last));
    if (el.time.value !== String(index)) el.time.value = String(index);
    const text = clockText(chosenMinute());
    setAttr(el.time, 'aria-valuetext', text);
    setText(el.timeText, text);
  }

  function renderBanner() {
    const minute = frame?.minute ?? chosenMinute();
    setText(el.bannerText, t('replay.banner', { date: dateText(minute), time: clockText(minute) }));
  }

  function renderControls() {
    el.toggle.setAttribute('aria-pressed', String(active));
    if (!active) return;
    renderDays();
    renderTime();
    renderBanner();
  }

  // ---- data ----

  async function dayHistory(d, minute) {
    const known = days.get(d);
    // Today's newest bucket is still filling: only minutes before it are final.
    if (known && (known.complete || known.last > minute)) return known.points;
    const answer = await api.districtDay(d);
    const points = (Array.isArray(answer) ? answer : [])
      .map((p) => ({ minute: Date.parse(p?.minute), served: p?.served ?? null, queueLength: p?.queueLength ?? null }))
      .filter((p) => Number.isFinite(p.minute));
    const recent = new Set(recentDays());
    for (const key of [...days.keys()]) if (!recent.has(key)) days.delete(key);
    days.set(d, { points, last: points.length ? points[points.length - 1].minute : -Infinity, complete: d !== today() });
    return points;
  }

  function readFrame(answer, minute) {
    if (!answer || !Array.isArray(answer.sites)) return null;
    const at = Date.parse(answer.minute);
    return { minute: Number.isFinite(at) ? at : minute, sites: answer.sites.filter((s) => s && typeof s.id === 'string') };
  }

  function showFrame(next) {
    frame = next;
    failed = next == null;
    renderBanner();
    render.view();
  }

  function showHistory(points, minute) {
    const upTo = points?.filter((p) => p.minute <= minute) ?? null;
    served = upTo ? { minute, total: upTo.reduce((sum, p) => sum + (p.served ?? 0), 0) } : null;
    render.charts(upTo, clockText(minute));
    render.view();
  }

  // Fetches the chosen minute now; whatever answers an older choice is dropped.
  function load() {
    clearTimeout(timer);
    timer = null;
    const mine = ++seq;
    const d = day;
    const minute = chosenMinute();
    api.replay(isoMinute(minute)).then(
      (answer) => { if (mine === seq) showFrame(readFrame(answer, minute)); },
      () => { if (mine === seq) showFrame(null); },
    );
    dayHistory(d, minute).then(
      (points) => { if (mine === seq) showHistory(points, minute); },
      () => { if (mine === seq) showHistory(null, minute); },
    );
  }

  // While the slider moves, only the minute it settles on is fetched.
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(load, DEBOUNCE_MS);
  }

  function choose(nextIndex) {
    index = nextIndex;
    renderTime();
    schedule();
  }

  // ---- entering and leaving ----

  function enter() {
    if (active) return;
    active = true;
    day = today();
    // The last whole minute.
    index = minutesOf(day).last - 1;
    frame = null;
    failed = false;
    served = null;
    document.body.classList.add('replay');
    el.bar.hidden = false;
    el.banner.hidden = false;
    renderControls();
    render.charts(null, clockText(chosenMinute()));
    render.view();
    load();
    el.time.focus();
  }

  function exit() {
    if (!active) return;
    const focusWasInBar = el.bar.contains(document.activeElement);
    active = false;
    seq += 1;
    clearTimeout(timer);
    timer = null;
    frame = null;
    served = null;
    document.body.classList.remove('replay');
    el.bar.hidden = true;
    el.banner.hidden = true;
    setText(el.bannerText, '');
    renderControls();
    render.live();
    if (focusWasInBar) el.toggle.focus();
  }

  el.toggle.addEventListener('click', () => (active ? exit() : enter()));
  el.live.addEventListener('click', exit);
  el.date.addEventListener('change', () => {
    day = el.date.value;
    renderTime();
    schedule();
  });
  el.time.addEventListener('input', () => choose(Number(el.time.value)));
  el.time.addEventListener('change', () => choose(Number(el.time.value)));
  el.time.addEventListener('keydown', (event) => {
    // Page keys move a quarter of an hour, like the big step buttons.
    const step = { PageUp: BIG_STEP, PageDown: -BIG_STEP }[event.key];
    if (!step) return;
    event.preventDefault();
    choose(index + step);
  });
  for (const button of el.bar.querySelectorAll('[data-step]')) {
    button.addEventListener('click', () => choose(index + Number(button.dataset.step)));
  }
  el.bar.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') exit();
  });

  onLangChange(renderControls);
  // The days and minutes on offer are the district's; a zone learnt late re-draws them, and a replay on screen moves
  // to the same minute of the district's clock.
  onZoneChange(() => {
    renderControls();
    if (active) schedule();
  });
  renderControls();

  return {
    get active() {
      return active;
    },

    // The replayed sites as board rows (names and areas from the live rows), for the tiles.
    rows() {
      const rows = new Map();
      if (!active || !frame) return rows;
      const live = liveRows();
      for (const s of frame.sites) {
        const row = live.get(s.id);
        const replayed = {
          id: s.id,
          name: row?.name ?? '',
          nameEn: row?.nameEn ?? '',
          area: row?.area ?? '',
          queueLength: s.queueLength ?? null,
          waitMinutes: s.waitMinutes ?? null,
          arrived: s.arrived ?? null,
          served: s.served ?? null,
          // Not recorded per minute: the tile leaves them out.
          openLanes: null,
          totalLanes: null,
        };
        const before = given.get(s.id);
        const same = before && Object.keys(replayed).every((key) => Object.is(before[key], replayed[key]));
        rows.set(s.id, same ? before : replayed);
      }
      given = rows;
      return rows;
    },

    // District totals in the overview's shape, from the replayed sites; null where replay has no figure.
    totals() {
      const sites = active && frame ? frame.sites : null;
      if (!sites) {
        return { sites: null, openSites: null, openLanes: null, queueLength: null, servedToday: null, throughputPerMinute: null };
      }
      const sum = (field) => sites.reduce((total, s) => total + (s[field] ?? 0), 0);
      return {
        sites: sites.length,
        openSites: sites.filter((s) => s.waitMinutes != null).length,
        openLanes: null,
        queueLength: sum('queueLength'),
        servedToday: served?.minute === frame.minute ? served.total : null,
        throughputPerMinute: sum('served'),
      };
    },

    // What the site list says instead of tiles, or null when it shows tiles.
    message() {
      if (!frame) return failed ? t('replay.failed') : t('common.loading');
      return frame.sites.length === 0 ? t('replay.noRecords') : null;
    },

    // Once a minute: today's slider reaches the new minute, and at midnight the days move on.
    tick() {
      if (!active) return;
      const before = day;
      renderControls();
      if (day !== before) schedule();
    },
  };
}
