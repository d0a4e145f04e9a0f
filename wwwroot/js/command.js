// Command centre: district totals, every site worst first, 2-hour district trends and alerts.
// Replay (command-replay.js) can put any minute of the last 7 days on the same screen instead: every
// render below asks `replay.active` first, and live data keeps arriving underneath without showing.
import { api } from './api.js';
import { bandMark } from './bands.js';
import { createLineChart, COLORS, setSeriesLabels } from './charts.js';
import { currentMinute, serverNow, startWallClock } from './clock.js';
import { createReplay } from './command-replay.js';
import { loadDistrictZone, onZoneChange } from './district-zone.js';
import { h, reconcileChildren, setAttr, setText } from './dom.js';
import { likelyText, rangeText, siteRange } from './estimates.js';
import {
  areaName, BAND_RANK, bandOf, fmtAgo, fmtCount, fmtInt, fmtRate, laneIdName, siteName,
} from './format.js';
import { getLang, initI18n, onLangChange, t } from './i18n.js';
import { createLive } from './live.js';
import { mergeRows as mergeInto } from './site-rows.js';
import { attachOffline } from './offline.js';
import { MinuteSeries } from './series.js';
import { keepAwake } from './wakelock.js';

const WINDOW_MINUTES = 120;
const VIEW_KEY = 'qb.command.view';
const SEVERITY_RANK = { critical: 0, warning: 1, info: 2 };

const state = {
  sites: new Map(),
  overview: null,
  loaded: false,
  area: '',
  grouped: false,
};
const tiles = new Map();

const el = {
  clock: document.getElementById('clock'),
  date: document.getElementById('clock-date'),
  sitesOpen: document.getElementById('total-sites-open'),
  sites: document.getElementById('total-sites'),
  lanesOpen: document.getElementById('total-lanes-open'),
  queue: document.getElementById('total-queue'),
  served: document.getElementById('total-served'),
  servedLabel: document.getElementById('total-served-label'),
  throughput: document.getElementById('total-throughput'),
  throughputLabel: document.getElementById('total-throughput-label'),
  bandCounts: document.getElementById('band-counts'),
  area: document.getElementById('area-filter'),
  group: document.getElementById('group-toggle'),
  tiles: document.getElementById('site-tiles'),
  sitesState: document.getElementById('sites-state'),
  alerts: document.getElementById('alerts'),
  alertsEmpty: document.getElementById('alerts-empty'),
  alertsReplay: document.getElementById('alerts-replay'),
  alertCount: document.getElementById('alert-count'),
  alertsAnnouncer: document.getElementById('alerts-announcer'),
  throughputHeading: document.getElementById('throughput-heading'),
  queueHeading: document.getElementById('queue-heading'),
  throughputCanvas: document.getElementById('throughput-chart'),
  queueCanvas: document.getElementById('queue-chart'),
};

(function readView() {
  try {
    const view = JSON.parse(localStorage.getItem(VIEW_KEY) ?? '{}');
    state.area = typeof view.area === 'string' ? view.area : '';
    state.grouped = view.grouped === true;
  } catch {
    // Defaults.
  }
}());

function saveView() {
  try {
    localStorage.setItem(VIEW_KEY, JSON.stringify({ area: state.area, grouped: state.grouped }));
  } catch {
    // Only a convenience.
  }
}

// ---- totals ----

function setNumber(node, value, text) {
  setText(node, text);
  node.dataset.value = value ?? '';
}

// The sites on screen: the live board rows, or the replayed minute's.
const viewRows = () => (replay.active ? replay.rows() : state.sites);

function renderTotals() {
  const replaying = replay.active;
  // In replay the tested figures are that day's up to the minute and that minute's own count.
  setText(el.servedLabel, t(replaying ? 'command.servedThatDay' : 'command.servedToday'));
  setText(el.throughputLabel, t(replaying ? 'command.throughputThatMinute' : 'command.throughput'));
  const o = replaying ? replay.totals() : state.overview ?? {};
  setNumber(el.sitesOpen, o.openSites, fmtCount(o.openSites));
  setNumber(el.sites, o.sites, fmtCount(o.sites));
  setNumber(el.lanesOpen, o.openLanes, fmtCount(o.openLanes));
  setNumber(el.queue, o.queueLength, fmtCount(o.queueLength));
  setNumber(el.served, o.servedToday, fmtCount(o.servedToday));
  setNumber(el.throughput, o.throughputPerMinute, replaying ? fmtCount(o.throughputPerMinute) : fmtRate(o.throughputPerMinute));
  const counts = { crowded: 0, busy: 0, smooth: 0, closed: 0 };
  for (const s of viewRows().values()) counts[bandOf(s)] = (counts[bandOf(s)] ?? 0) + 1;
  el.bandCounts.replaceChildren(...Object.entries(counts).map(([band, n]) => h('li', { dataset: { band } },
    bandMark(band), h('span', { class: 'num band-count', text: fmtCount(n) }))));
}

// ---- site tiles ----

function compareWorst(a, b) {
  const r = BAND_RANK[bandOf(a)] - BAND_RANK[bandOf(b)];
  if (r) return r;
  const w = (b.waitMinutes ?? -1) - (a.waitMinutes ?? -1);
  if (w) return w;
  const q = b.queueLength - a.queueLength;
  if (q) return q;
  return siteName(a).localeCompare(siteName(b), getLang() === 'en' ? 'en' : 'zh-CN');
}

function renderTile(site) {
  let tile = tiles.get(site.id);
  if (!tile) {
    const a = h('a', { class: 'site-tile', 'data-testid': 'site-tile', dataset: { siteId: site.id }, href: `/wall/${encodeURIComponent(site.id)}` });
    tile = { li: h('li', {}, a), a, signature: '' };
    tiles.set(site.id, tile);
  }
  const band = bandOf(site);
  const signature = JSON.stringify([site, getLang()]);
  if (tile.signature === signature) return tile.li;
  tile.signature = signature;
  tile.a.className = `site-tile band-${band}`;
  tile.a.dataset.band = band;
  const range = siteRange(site);
  tile.a.replaceChildren(
    h('span', { class: 'tile-name', text: siteName(site) }),
    h('span', { class: 'tile-wait' },
      h('span', { class: 'tile-wait-number' },
        site.waitMinutes == null
          ? h('span', { class: 'num tile-wait-value', text: '—' })
          : [h('span', { class: 'num tile-wait-value', text: fmtInt(site.waitMinutes) }), h('span', { class: 'tile-unit', text: t('unit.minShort') })]),
      bandMark(band, { chip: false })),
    h('span', { class: 'tile-range', 'data-testid': 'tile-wait-range', text: likelyText(range) }),
    h('span', { class: 'tile-meta' },
      h('span', { 'data-testid': 'tile-queue', dataset: { value: site.queueLength ?? '' }, text: t('command.tileQueue', { n: fmtInt(site.queueLength) }) }),
      // Replayed rows have no lane counts.
      site.openLanes == null ? null : h('span', { text: t('command.tileLanes', { open: fmtInt(site.openLanes), total: fmtInt(site.totalLanes) }) }),
      site.greenLaneOpen ? h('span', { class: 'tile-green', text: t('command.tileGreen') }) : null),
  );
  tile.a.setAttribute('aria-label', t('command.tileLabel', {
    name: siteName(site),
    band: t(`band.${band}`),
    wait: tileWaitLabel(site, range),
    queue: fmtInt(site.queueLength),
  }));
  return tile.li;
}

function tileWaitLabel(site, range) {
  if (site.waitMinutes == null) return t('command.noWait');
  const n = fmtInt(site.waitMinutes);
  return range ? t('command.waitWithRange', { n, range: rangeText(range) }) : t('command.waitMinutes', { n });
}

const groupEls = new Map();

function groupEl(area) {
  let g = groupEls.get(area);
  if (!g) {
    const name = h('span', { class: 'area-name' });
    const count = h('span', { class: 'area-count' });
    const list = h('ul', { class: 'tile-list' });
    g = { section: h('section', { class: 'area-group', dataset: { area } }, h('h3', { class: 'area-heading' }, name, count), list), name, count, list };
    groupEls.set(area, g);
  }
  return g;
}

function renderSites() {
  const visible = [...viewRows().values()].filter((s) => !state.area || s.area === state.area).sort(compareWorst);
  if (state.grouped) {
    const groups = new Map();
    for (const s of visible) {
      if (!groups.has(s.area)) groups.set(s.area, []);
      groups.get(s.area).push(s);
    }
    // Areas in the order of their worst site, so trouble stays at the top.
    const sections = [...groups.entries()].map(([area, sites]) => {
      const g = groupEl(area);
      const open = sites.filter((s) => bandOf(s) !== 'closed').length;
      setText(g.name, areaName(area) || t('command.noArea'));
      setText(g.count, t('command.areaCount', { open: fmtInt(open), total: fmtInt(sites.length) }));
      reconcileChildren(g.list, sites.map(renderTile));
      return g.section;
    });
    reconcileChildren(el.tiles, sections);
  } else {
    let list = el.tiles.querySelector(':scope > ul.tile-list');
    if (!list) {
      list = h('ul', { class: 'tile-list' });
      el.tiles.replaceChildren(list);
    }
    reconcileChildren(list, visible.map(renderTile));
  }
  let message = null;
  if (replay.active) message = replay.message() ?? (visible.length === 0 ? t('command.noSitesInArea') : null);
  else if (!state.loaded) message = t('common.loading');
  else if (state.sites.size === 0) message = t('command.noSites');
  else if (visible.length === 0) message = t('command.noSitesInArea');
  el.sitesState.hidden = message == null;
  setText(el.sitesState, message ?? '');
  renderTotals();
}

function renderAreaOptions() {
  const areas = [...new Set([...state.sites.values()].map((s) => s.area).filter(Boolean))]
    .sort((a, b) => areaName(a).localeCompare(areaName(b), getLang() === 'en' ? 'en' : 'zh-CN'));
  const signature = JSON.stringify([getLang(), areas]);
  if (el.area.dataset.signature !== signature) {
    el.area.dataset.signature = signature;
    el.area.replaceChildren(h('option', { value: '', text: t('command.allAreas') }),
      ...areas.map((a) => h('option', { value: a, text: areaName(a) })));
  }
  if (state.area && state.loaded && !areas.includes(state.area)) state.area = '';
  el.area.value = state.area;
}

function mergeRows(rows) {
  mergeInto(state.sites, rows);
  state.loaded = true;
  renderAreaOptions();
  renderSites();
  renderAlerts();
}

// ---- alerts ----
// The server's `message` is written in English for logs; the screen words each kind it knows
// from the alert's fields, in the current language, and shows `message` only for kinds it does not.

const alertItems = new Map();
let criticalKeys = null; // critical alerts already on screen; null until the first overview
let announceTimer = null;

const severityOf = (alert) => {
  const s = String(alert.severity ?? '').toLowerCase();
  return s in SEVERITY_RANK ? s : 'info';
};
const alertKey = (alert) => alert.id ?? `${alert.siteId}/${alert.laneId ?? ''}:${alert.kind}`;
const kindOf = (alert) => String(alert.kind ?? '').toLowerCase();
const namesLane = (alert) => ['paused-with-queue', 'throughput-drop'].includes(kindOf(alert)) && Boolean(alert.laneId);

// Text for the alert in the current language, or null when the kind is unknown here.
function alertText(alert) {
  switch (kindOf(alert)) {
    case 'crowded': {
      // Numbers from the board row, which is fresher than the alert; none rather than wrong ones.
      const row = state.sites.get(alert.siteId);
      return row && row.waitMinutes != null && row.queueLength != null
        ? t('command.alertCrowded', { wait: fmtInt(row.waitMinutes), queue: fmtInt(row.queueLength) })
        : t('command.alertCrowdedNoData');
    }
    case 'no-open-lane':
      return t('command.alertNoOpenLane');
    case 'green-lane-closed':
      return t('command.alertGreenLaneClosed');
    case 'paused-with-queue':
      return alert.laneId ? t('command.alertPausedWithQueue', { lane: laneIdName(alert.laneId) }) : null;
    case 'throughput-drop':
      return alert.laneId ? t('command.alertThroughputDrop', { lane: laneIdName(alert.laneId) }) : null;
    case 'queue-long': {
      const row = state.sites.get(alert.siteId);
      return row?.queueLength != null ? t('command.alertQueueLong', { queue: fmtInt(row.queueLength) }) : t('command.alertQueueLongNoData');
    }
    case 'queue-growing':
      return t('command.alertQueueGrowing');
    case 'silent': {
      // How long it has been silent, from the row's last report by the server's clock: the alert's `since` is when
      // the silence was noticed, not when it began.
      const row = state.sites.get(alert.siteId);
      const at = Date.parse(row?.updatedAt);
      return Number.isNaN(at) || row.queueLength == null
        ? t('command.alertSilentNoData')
        : t('command.alertSilent', { ago: fmtAgo(serverNow() - at), queue: fmtInt(row.queueLength) });
    }
    default:
      return null;
  }
}

function alertPlace(alert) {
  const site = state.sites.get(alert.siteId);
  const place = [site ? siteName(site) : alert.siteId];
  // Lane alerts this page words itself name the lane in the message already.
  if (alert.laneId && !namesLane(alert)) place.push(laneIdName(alert.laneId));
  return place.join(' · ');
}

function renderAlert(alert, now) {
  const key = alertKey(alert);
  let item = alertItems.get(key);
  if (!item) {
    item = {
      severity: h('span', {}),
      word: h('span', { class: 'severity-word' }),
      site: h('a', { class: 'alert-site' }),
      message: h('span', { class: 'alert-message' }),
      since: h('span', { class: 'alert-since' }),
    };
    item.severity.append(h('span', { class: 'severity-icon', 'aria-hidden': 'true' }), item.word);
    item.li = h('li', { 'data-testid': 'alert', dataset: { alertId: key, kind: kindOf(alert), siteId: alert.siteId ?? '' } },
      item.severity, h('span', { class: 'alert-body' }, item.site, item.message, item.since));
    alertItems.set(key, item);
  }
  const severity = severityOf(alert);
  if (item.li.dataset.severity !== severity) {
    item.li.className = `alert alert-${severity}`;
    item.li.dataset.severity = severity;
    item.severity.className = `severity severity-${severity}`;
  }
  setText(item.word, t(`severity.${severity}`));
  setAttr(item.site, 'href', `/wall/${encodeURIComponent(alert.siteId)}`);
  setText(item.site, alertPlace(alert));
  const text = alertText(alert);
  setText(item.message, text ?? alert.message ?? '');
  // The server's fallback wording is English whatever the page language.
  setAttr(item.message, 'lang', text == null && getLang() !== 'en' ? 'en' : null);
  setText(item.since, t('command.alertSince', { ago: fmtAgo(now - Date.parse(alert.since)) }));
  return item.li;
}

function announce(text) {
  clearTimeout(announceTimer);
  announceTimer = null;
  if (el.alertsAnnouncer.textContent !== text) {
    el.alertsAnnouncer.textContent = text;
    return;
  }
  // The same words again (a condition that cleared and came back) must still be heard.
  el.alertsAnnouncer.textContent = '';
  announceTimer = setTimeout(() => {
    announceTimer = null;
    el.alertsAnnouncer.textContent = text;
  }, 150);
}

// Politely announces alerts that have become critical since the last render. Those on screen when
// the page first gets its overview are not news; re-renders (language, board rows, the minute tick)
// and repeated snapshots of the same alerts announce nothing.
function announceNewCritical(alerts) {
  if (!state.overview) return;
  const critical = alerts.filter((a) => severityOf(a) === 'critical');
  const keys = new Set(critical.map(alertKey));
  const fresh = criticalKeys ? critical.filter((a) => !criticalKeys.has(alertKey(a))) : [];
  criticalKeys = keys;
  if (fresh.length === 0) return;
  announce(fresh.map((a) => t('command.alertAnnounce', {
    site: alertPlace(a), message: alertText(a) ?? a.message ?? '',
  })).join(' '));
}

function renderAlerts() {
  // Alerts are the present's; a replayed minute shows a note instead (and announces nothing).
  const replaying = replay.active;
  el.alerts.hidden = replaying;
  el.alertCount.hidden = replaying;
  el.alertsReplay.hidden = !replaying;
  if (replaying) {
    el.alertsEmpty.hidden = true;
    return;
  }
  const unique = new Map();
  for (const alert of state.overview?.alerts ?? []) {
    if (alert && !unique.has(alertKey(alert))) unique.set(alertKey(alert), alert);
  }
  const alerts = [...unique.values()].sort((a, b) => SEVERITY_RANK[severityOf(a)] - SEVERITY_RANK[severityOf(b)]
    || Date.parse(a.since) - Date.parse(b.since));
  setText(el.alertCount, String(alerts.length));
  el.alertsEmpty.hidden = alerts.length > 0;
  for (const key of [...alertItems.keys()]) {
    if (!unique.has(key)) alertItems.delete(key);
  }
  const now = Date.now();
  // Keyed and updated in place, so a focused alert link survives pushes and re-sorting.
  reconcileChildren(el.alerts, alerts.map((alert) => renderAlert(alert, now)));
  announceNewCritical(alerts);
}

// ---- district trend charts, sampled client-side once a minute ----

const chartFont = () => Math.max(12, Math.round(window.innerHeight / 70));
const throughputChart = createLineChart(document.getElementById('throughput-chart'), {
  fontSize: chartFont(), legend: false,
  series: [{ label: t('command.throughputSeries'), color: COLORS.throughput, fill: true }],
});
const queueChart = createLineChart(document.getElementById('queue-chart'), {
  fontSize: chartFont(), legend: false,
  series: [{ label: t('command.queueSeries'), color: COLORS.queue, fill: true }],
});
const throughputSeries = new MinuteSeries(throughputChart, WINDOW_MINUTES);
const queueSeries = new MinuteSeries(queueChart, WINDOW_MINUTES);
let chartsUpTo = null; // the replayed minute's clock text while replay has the charts, else null
let liveCharts = null; // the live points, kept while replay has the charts

// `points`: [{minute (epoch ms), served, queueLength}], oldest first; the series keep the last 2 hours of them.
function fillCharts(points) {
  throughputSeries.reset(points.map((p) => ({ minute: p.minute, values: [p.served] })));
  queueSeries.reset(points.map((p) => ({ minute: p.minute, values: [p.queueLength] })));
  throughputSeries.render();
  queueSeries.render();
}

function renderChartTitles() {
  const time = chartsUpTo;
  setText(el.throughputHeading, time == null ? t('command.throughputChart') : t('command.throughputChartReplay', { time }));
  setText(el.queueHeading, time == null ? t('command.queueChart') : t('command.queueChartReplay', { time }));
  setAttr(el.throughputCanvas, 'aria-label', time == null ? t('command.throughputChartLabel') : t('command.throughputChartReplayLabel', { time }));
  setAttr(el.queueCanvas, 'aria-label', time == null ? t('command.queueChartLabel') : t('command.queueChartReplayLabel', { time }));
}

// Replay borrows the charts for the two hours up to its minute (points null: not loaded).
function showReplayCharts(points, upTo) {
  liveCharts ??= [throughputSeries.points(), queueSeries.points()];
  chartsUpTo = upTo;
  fillCharts(points ?? []);
  renderChartTitles();
}

// The charts start from the district's history on the server, so a screen switched on (or
// reloaded) mid-day shows the last two hours at once; live samples carry on from there.
async function loadHistory() {
  const points = await api.districtHistory(WINDOW_MINUTES);
  // A replay started meanwhile has the charts; leaving it loads this again.
  if (!Array.isArray(points) || replay.active) return;
  fillCharts(points.map((p) => ({ minute: Date.parse(p.minute), served: p.served, queueLength: p.queueLength })));
  sample();
}

function sample() {
  const o = state.overview;
  if (!o || replay.active) return;
  const minute = currentMinute();
  throughputSeries.upsert(minute, [o.throughputPerMinute]);
  queueSeries.upsert(minute, [o.queueLength]);
  throughputSeries.render();
  queueSeries.render();
}

function applyOverview(overview) {
  if (!overview) return;
  state.overview = overview;
  renderTotals();
  renderAlerts();
  sample();
}

// ---- clock: per-minute work (the tick itself is clock.js) ----

function onMinute() {
  // A minute without pushes still gets its point (the totals did not change), but only
  // while the data is current: offline, no point is invented.
  const fresh = live.freshAt();
  if (fresh != null && Date.now() - fresh < 60000) sample();
  renderAlerts();
  replay.tick();
}

// ---- replay ----

function renderView() {
  renderSites();
  renderAlerts();
}

// Replay is over: the live state again at once, the charts as they were, then the server's history for the gap.
function backToLive() {
  chartsUpTo = null;
  if (liveCharts) {
    throughputSeries.reset(liveCharts[0]);
    queueSeries.reset(liveCharts[1]);
    liveCharts = null;
  }
  sample();
  throughputSeries.render();
  queueSeries.render();
  renderChartTitles();
  renderView();
  loadHistory().catch(() => {});
}

const replay = createReplay({
  liveRows: () => state.sites,
  render: { view: renderView, charts: showReplayCharts, live: backToLive },
});

// ---- controls ----

el.area.addEventListener('change', () => {
  state.area = el.area.value;
  saveView();
  renderSites();
});
el.group.addEventListener('click', () => {
  state.grouped = !state.grouped;
  el.group.setAttribute('aria-pressed', String(state.grouped));
  saveView();
  renderSites();
});
el.group.setAttribute('aria-pressed', String(state.grouped));

// ---- data ----

async function loadAll() {
  const [sites, overview] = await Promise.allSettled([api.sites(), api.overview()]);
  loadHistory().catch(() => {});
  if (sites.status === 'fulfilled') mergeRows(sites.value);
  if (overview.status === 'fulfilled') applyOverview(overview.value);
  if (sites.status === 'fulfilled' || overview.status === 'fulfilled') live.markFresh();
  if (sites.status === 'rejected' && !state.loaded) setTimeout(loadAll, 5000);
  return sites.status === 'fulfilled' && overview.status === 'fulfilled' ? undefined : Promise.reject();
}

const live = createLive({
  handlers: {
    boardUpdated: mergeRows,
    overviewUpdated: applyOverview,
  },
});

initI18n();
keepAwake();
loadDistrictZone();
const tickClock = startWallClock({ clockEl: el.clock, dateEl: el.date, onMinute });
attachOffline(live, { poll: loadAll });
live.watch('WatchBoard');
live.watch('WatchOverview');
renderSites();
loadAll().catch(() => {});

onLangChange(() => {
  tickClock();
  for (const tile of tiles.values()) tile.signature = '';
  renderAreaOptions();
  renderSites();
  renderAlerts();
  // An earlier announcement stays readable in the region; not in the other language.
  clearTimeout(announceTimer);
  announceTimer = null;
  el.alertsAnnouncer.textContent = '';
  renderChartTitles();
  setSeriesLabels(throughputChart, [t('command.throughputSeries')]);
  setSeriesLabels(queueChart, [t('command.queueSeries')]);
  for (const s of [throughputSeries, queueSeries]) {
    s.relabel();
    s.render();
  }
});

// The clock and the charts' minutes are written in the district's zone.
onZoneChange(() => {
  tickClock();
  for (const s of [throughputSeries, queueSeries]) {
    s.relabel();
    s.render();
  }
});

window.addEventListener('resize', () => {
  for (const c of [throughputChart, queueChart]) {
    const size = chartFont();
    for (const axis of Object.values(c.options.scales)) axis.ticks.font.size = size;
    c.update('none');
  }
});
