// Site wall screen: one site's lanes, totals, clock and 2-hour trend, read from 5 m away.
import { adviceText, betterNearby } from './advice.js';
import { api } from './api.js';
import { bandMark, statusMark } from './bands.js';
import { createLineChart, COLORS, setSeriesLabels } from './charts.js';
import { currentMinute, startWallClock } from './clock.js';
import { h, reconcileChildren, setAttr, setText, siteIdFromPath } from './dom.js';
import {
  accuracyText, breakText, briefRangeText, greenRange, laneRange, siteRange,
} from './estimates.js';
import {
  areaName, bandOf, fmtInt, fmtMinutesValue, fmtRate, isGreenLane, isGreenName, laneName, laneStatus,
  siteName,
} from './format.js';
import { initI18n, onLangChange, t } from './i18n.js';
import { createLive } from './live.js';
import { mergeRows } from './site-rows.js';
import { createVersionGate } from './versions.js';
import { attachOffline } from './offline.js';
import { MinuteSeries } from './series.js';
import { keepAwake } from './wakelock.js';

const versions = createVersionGate();

const HISTORY_MINUTES = 120;

const siteId = siteIdFromPath('wall');
const el = {
  name: document.getElementById('site-name'),
  area: document.getElementById('site-area'),
  clock: document.getElementById('clock'),
  date: document.getElementById('clock-date'),
  main: document.getElementById('wall-main'),
  closed: document.getElementById('site-closed'),
  totalWait: document.getElementById('total-wait'),
  wait: document.getElementById('site-wait'),
  waitRange: document.getElementById('site-wait-range'),
  band: document.getElementById('site-band'),
  queue: document.getElementById('site-queue'),
  served: document.getElementById('site-served'),
  throughput: document.getElementById('site-throughput'),
  lanes: document.getElementById('site-lanes'),
  green: document.getElementById('site-green'),
  greenUnit: document.getElementById('site-green-unit'),
  greenRange: document.getElementById('site-green-range'),
  totalGreen: document.getElementById('total-green'),
  grid: document.getElementById('lane-grid'),
  noLanes: document.getElementById('no-lanes'),
  notes: document.getElementById('wall-notes'),
  advice: document.getElementById('wall-advice'),
  accuracy: document.getElementById('wall-accuracy'),
  canvas: document.getElementById('trend-chart'),
  message: document.getElementById('wall-message'),
  messageTitle: document.getElementById('wall-message-title'),
  messageBody: document.getElementById('wall-message-body'),
};

let site = null;
// Every site's board row, so that the wall can point residents to a faster site nearby.
const district = new Map();
let missing = false;
let chart = null;
let series = null;
let historyLoadedAt = 0;
const tiles = new Map();

// Served-per-minute for the minute in progress comes from servedToday deltas between pushes.
const minuteState = { minute: null, baseline: null, lastServedToday: null };

// ---- messages (not found, connecting) ----

function showMessage(titleKey, bodyKey, params) {
  el.message.hidden = false;
  el.message.dataset.title = titleKey;
  el.message.dataset.body = bodyKey;
  el.message.dataset.params = JSON.stringify(params ?? {});
  setText(el.messageTitle, t(titleKey, params));
  setText(el.messageBody, t(bodyKey, params));
}

function hideMessage() {
  el.message.hidden = true;
}

function refreshMessage() {
  if (el.message.hidden) return;
  const params = JSON.parse(el.message.dataset.params || '{}');
  setText(el.messageTitle, t(el.message.dataset.title, params));
  setText(el.messageBody, t(el.message.dataset.body, params));
}

// ---- site ----

function applySite(detail) {
  if (!detail?.id || detail.id !== siteId) return;
  if (!versions.accept(detail.id, detail.version)) return;
  site = detail;
  missing = false;
  hideMessage();
  el.main.hidden = false;
  render();
  trackMinute(detail);
}

function render() {
  if (!site) return;
  setText(el.name, siteName(site));
  setText(el.area, areaName(site.area));
  document.title = `${siteName(site)} · ${t('wall.pageTitle')}`;

  const band = bandOf(site);
  el.totalWait.className = `total total-wait band-${band}`;
  setText(el.wait, fmtMinutesValue(site.waitMinutes));
  setText(el.waitRange, briefRangeText(siteRange(site)));
  el.band.replaceChildren(bandMark(band));
  el.band.dataset.band = band;
  setText(el.queue, fmtInt(site.queueLength));
  el.queue.dataset.value = site.queueLength;
  setText(el.served, fmtInt(site.servedToday));
  el.served.dataset.value = site.servedToday;
  setText(el.throughput, fmtRate(site.throughputPerMinute));
  el.throughput.dataset.value = site.throughputPerMinute;
  setText(el.lanes, `${fmtInt(site.openLanes)} / ${fmtInt(site.totalLanes)}`);
  // The green lane (elderly, children, disabled) gets its own wait, or says plainly that it is shut.
  el.totalGreen.classList.toggle('is-closed', !site.greenLaneOpen);
  setText(el.green, site.greenLaneOpen ? fmtMinutesValue(site.greenWaitMinutes) : t('wall.greenClosedShort'));
  setText(el.greenUnit, site.greenLaneOpen && site.greenWaitMinutes != null ? t('unit.minShort') : '');
  setText(el.greenRange, site.greenLaneOpen ? briefRangeText(greenRange(site)) : '');
  el.closed.hidden = site.open !== false;

  const lanes = site.lanes ?? [];
  el.noLanes.hidden = lanes.length > 0;
  const cols = lanes.length <= 4 ? Math.max(1, lanes.length) : lanes.length <= 6 ? 3 : lanes.length <= 8 ? 4 : lanes.length <= 10 ? 5 : 6;
  const rows = Math.max(1, Math.ceil(lanes.length / cols));
  el.grid.className = `lane-grid live-surface cols-${cols} rows-${Math.min(rows, 3)}${lanes.length > 8 ? ' dense' : ''}`;
  const seen = new Set();
  const nodes = lanes.map((lane) => {
    seen.add(lane.id);
    return renderTile(lane);
  });
  for (const id of [...tiles.keys()]) if (!seen.has(id)) tiles.delete(id);
  reconcileChildren(el.grid, nodes);
  renderNotes();
}

// Advice and accuracy change with other sites' rows as well as this site's, so both feeds render them.
function renderNotes() {
  if (!site) return;
  const advice = adviceText(betterNearby(site, district.values()));
  const accuracy = accuracyText(site.accuracy);
  setText(el.advice, advice);
  el.advice.hidden = !advice;
  setText(el.accuracy, accuracy);
  el.accuracy.hidden = !accuracy;
  el.notes.hidden = !advice && !accuracy;
  document.body.classList.toggle('has-notes', !el.notes.hidden);
}

function createTile(laneId) {
  const name = h('h3', { class: 'tile-name' });
  const kind = h('span', { class: 'tile-kind' });
  const status = h('span', { class: 'tile-status' });
  const queue = h('span', { class: 'tile-queue-value num', 'data-testid': 'lane-queue' });
  const wait = h('span', { class: 'num', 'data-testid': 'lane-wait' });
  const throughput = h('span', { class: 'num', 'data-testid': 'lane-throughput' });
  const range = h('span', { class: 'tile-range', 'data-testid': 'lane-wait-range' });
  // A planned break is rare and matters to whoever joins now: it gets a line of its own, above the facts that
  // a narrow tile may cut off.
  const pause = h('p', { class: 'tile-pause', 'data-testid': 'lane-pause', hidden: true });
  const labels = {
    queueUnit: h('span', { class: 'tile-unit' }),
    wait: h('span', { class: 'tile-label' }),
    waitUnit: h('span', { class: 'tile-unit' }),
    throughput: h('span', { class: 'tile-label' }),
    throughputUnit: h('span', { class: 'tile-unit' }),
  };
  const li = h('li', { class: 'lane-tile', 'data-testid': 'lane-tile', dataset: { laneId } },
    h('div', { class: 'tile-head' }, h('div', { class: 'tile-title' }, name, kind), status),
    h('div', { class: 'tile-body' },
      h('div', { class: 'tile-queue' }, h('span', { class: 'tile-big' }, queue, labels.queueUnit)),
      pause,
      h('div', { class: 'tile-facts' },
        h('div', { class: 'tile-fact' }, labels.wait, h('span', { class: 'tile-fact-value' }, wait, labels.waitUnit, range)),
        h('div', { class: 'tile-fact' }, labels.throughput, h('span', { class: 'tile-fact-value' }, throughput, labels.throughputUnit)))));
  const tile = { li, name, kind, status, queue, wait, throughput, range, pause, labels, statusKey: '' };
  tiles.set(laneId, tile);
  return tile;
}

function renderTile(lane) {
  const tile = tiles.get(lane.id) ?? createTile(lane.id);
  const status = laneStatus(lane.status);
  tile.li.className = `lane-tile lane-${status}${isGreenLane(lane) ? ' lane-green' : ''}`;
  tile.li.dataset.status = status;
  setText(tile.name, laneName(lane));
  const badge = isGreenLane(lane) && !isGreenName(laneName(lane)) ? t('board.greenLane') : '';
  if (tile.kind.dataset.badge !== badge) {
    tile.kind.dataset.badge = badge;
    tile.kind.replaceChildren(badge ? h('span', { class: 'green-badge', text: badge }) : '');
  }
  const statusKey = `${status}|${t(`status.${status}`)}`;
  if (tile.statusKey !== statusKey) {
    tile.statusKey = statusKey;
    tile.status.replaceChildren(statusMark(status, { testid: 'lane-status' }));
  }
  setText(tile.queue, fmtInt(lane.queueLength));
  tile.queue.dataset.value = lane.queueLength;
  setText(tile.wait, fmtMinutesValue(lane.waitMinutes));
  tile.wait.dataset.value = lane.waitMinutes ?? '';
  setText(tile.throughput, fmtRate(lane.throughputPerMinute));
  tile.throughput.dataset.value = lane.throughputPerMinute;
  setText(tile.labels.queueUnit, t('wall.laneQueueUnit'));
  setText(tile.labels.wait, t('wall.laneWait'));
  setText(tile.labels.waitUnit, lane.waitMinutes == null ? '' : t('unit.minShort'));
  setText(tile.range, briefRangeText(laneRange(lane)));
  setText(tile.pause, breakText(lane));
  tile.pause.hidden = !tile.pause.textContent;
  tile.li.classList.toggle('has-pause', !tile.pause.hidden);
  setText(tile.labels.throughput, t('wall.laneThroughput'));
  setText(tile.labels.throughputUnit, '');
  return tile.li;
}

// ---- trend chart ----

function ensureChart() {
  if (chart) return;
  chart = createLineChart(el.canvas, {
    fontSize: Math.max(14, Math.round(window.innerHeight / 60)),
    series: [
      { label: t('wall.chartQueue'), color: COLORS.queue, axis: 'y', fill: true },
      { label: t('wall.chartServed'), color: COLORS.throughput, axis: 'y2' },
    ],
  });
  series = new MinuteSeries(chart, HISTORY_MINUTES);
}

async function loadHistory(minutes = HISTORY_MINUTES) {
  ensureChart();
  let points;
  try {
    points = await api.history(siteId, minutes);
  } catch {
    return;
  }
  if (!Array.isArray(points)) return;
  if (minutes >= HISTORY_MINUTES) historyLoadedAt = Date.now();
  const mapped = points.map((p) => ({ minute: Date.parse(p.minute), values: [p.queueLength, p.served] }));
  if (minutes >= HISTORY_MINUTES) series.reset(mapped);
  else for (const p of mapped) series.upsert(p.minute, p.values);
  // Re-base the minute in progress on the server's own bucket for it.
  const last = points[points.length - 1];
  if (last && site && Date.parse(last.minute) === currentMinute()) {
    minuteState.minute = Date.parse(last.minute);
    minuteState.baseline = site.servedToday - last.served;
  }
  if (site) trackMinute(site);
  else series.render();
}

function trackMinute(detail) {
  if (!series) return;
  const minute = currentMinute();
  if (minuteState.minute !== minute) {
    minuteState.minute = minute;
    minuteState.baseline = minuteState.lastServedToday ?? detail.servedToday;
  }
  let served = detail.servedToday - minuteState.baseline;
  if (served < 0) {
    // servedToday restarted at midnight.
    minuteState.baseline = 0;
    served = detail.servedToday;
  }
  minuteState.lastServedToday = detail.servedToday;
  series.upsert(minute, [detail.queueLength, served]);
  series.render();
}

// ---- clock and minute roll-over ----

function isCurrent() {
  const fresh = live.freshAt();
  return fresh != null && Date.now() - fresh < 60000;
}

function onMinute() {
  // A quiet minute still gets its point, then the server's buckets correct the last few.
  // Offline, no point is invented: the gap is refilled from history on reconnect.
  if (site && isCurrent()) {
    trackMinute(site);
    loadHistory(5);
  }
}

// ---- start-up ----

let retryDelay = 2000;
async function loadSite() {
  if (!siteId) {
    missing = true;
    showMessage('wall.notFoundTitle', 'wall.noIdBody');
    return;
  }
  try {
    const detail = await api.site(siteId);
    retryDelay = 2000;
    applySite(detail);
    live.markFresh();
    live.watch('WatchSite', siteId);
    loadHistory();
  } catch (error) {
    if (error.status === 404 || error.status === 400) {
      missing = true;
      el.main.hidden = true;
      setText(el.name, 'QueueBoard');
      showMessage('wall.notFoundTitle', 'wall.notFoundBody', { id: siteId });
      // A wall may be mounted before its site is configured; keep looking, slowly.
      setTimeout(loadSite, 30000);
    } else {
      if (!site) showMessage('wall.connectingTitle', 'wall.connectingBody');
      setTimeout(loadSite, retryDelay);
      retryDelay = Math.min(30000, retryDelay * 2);
    }
  }
}

const live = createLive({
  onWatch: (method, [id]) => {
    if (method === 'WatchSite') versions.reset(id);
  },
  handlers: {
    siteUpdated: applySite,
    // The first push after WatchBoard holds every site, later ones only changed rows: merge by id.
    boardUpdated(list) {
      if (mergeRows(district, list)) renderNotes();
    },
  },
  onWatchError(method) {
    if (method === 'WatchSite' && !site) {
      missing = true;
      showMessage('wall.notFoundTitle', 'wall.notFoundBody', { id: siteId });
    }
  },
  // Minutes missed while disconnected are refilled from the server.
  onConnected() {
    if (site && Date.now() - historyLoadedAt > 10000) loadHistory();
  },
});

initI18n();
keepAwake();
const tickClock = startWallClock({ clockEl: el.clock, dateEl: el.date, onMinute });
attachOffline(live, { poll: () => (missing ? Promise.reject() : api.site(siteId).then(applySite)) });
loadSite();
live.watch('WatchBoard');

onLangChange(() => {
  tickClock();
  render();
  refreshMessage();
  if (chart) {
    setSeriesLabels(chart, [t('wall.chartQueue'), t('wall.chartServed')]);
    series.relabel();
    series.render();
  }
  if (!site && !missing) setText(el.name, 'QueueBoard');
});

// The chart's font follows the screen, which may be rotated or resized by the kiosk.
window.addEventListener('resize', () => {
  if (!chart) return;
  const size = Math.max(14, Math.round(window.innerHeight / 60));
  chart.options.font.size = size;
  chart.options.plugins.legend.labels.font.size = size;
  for (const axis of Object.values(chart.options.scales)) axis.ticks.font.size = size;
  chart.update('none');
});

setAttr(document.body, 'data-site-id', siteId ?? '');
