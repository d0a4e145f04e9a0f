// Command centre: district totals, every site worst first, 2-hour district trends and alerts (command-alerts.js),
// which an operator signed in here (command-admin.js) can acknowledge.
// Replay (command-replay.js) can put any minute of the last 7 days on the same screen instead: every
// render below asks `replay.active` first, and live data keeps arriving underneath without showing.
import { api } from './api.js';
import { bandMark } from './bands.js';
import { createLineChart, COLORS, setSeriesLabels } from './charts.js';
import { currentMinute, serverNow, startWallClock } from './clock.js';
import { createCommandAdmin } from './command-admin.js';
import { createAlertPanel } from './command-alerts.js';
import { createReplay } from './command-replay.js';
import { loadDistrictZone, onZoneChange } from './district-zone.js';
import {
  buildInRounds, h, reconcileChildren, setAttr, setText, slot,
} from './dom.js';
import { likelyText, siteRange } from './estimates.js';
import { isStale, markStale } from './freshness.js';
import {
  areaName, BAND_RANK, compareText, fmtCount, fmtInt, fmtRate, siteName,
} from './format.js';
import { getLang, initI18n, onLangChange, t } from './i18n.js';
import { createLive } from './live.js';
import { createReadGuard, drawnFrom, mergeRows as mergeInto } from './site-rows.js';
import { attachOffline } from './offline.js';
import { createMinuteServed, MinuteSeries } from './series.js';
import { isResting, isServingSite, nextOpeningText, siteBand } from './site-state.js';
import { keepAwake } from './wakelock.js';

const WINDOW_MINUTES = 120;
const VIEW_KEY = 'qb.command.view';
// A site resting outside its hours is expected to be shut: one closed within its hours is the problem, and comes first.
const RANK = { ...BAND_RANK, green: BAND_RANK.smooth + 0.5, resting: BAND_RANK.closed + 1 };
// Resting sites are counted only while there are any, so that a day screen keeps its four familiar figures.
const COUNTED_BANDS = ['crowded', 'busy', 'smooth', 'green', 'closed', 'resting'];

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
  const counts = Object.fromEntries(COUNTED_BANDS.map((band) => [band, 0]));
  for (const s of viewRows().values()) counts[siteBand(s)] += 1;
  for (const rare of ['green', 'resting']) if (counts[rare] === 0) delete counts[rare];
  el.bandCounts.replaceChildren(...Object.entries(counts).map(([band, n]) => h('li', { dataset: { band } },
    bandMark(band), h('span', { class: 'num band-count', text: fmtCount(n) }))));
}

// ---- site tiles ----

function compareWorst(a, b) {
  const r = RANK[siteBand(a)] - RANK[siteBand(b)];
  if (r) return r;
  const w = (b.waitMinutes ?? -1) - (a.waitMinutes ?? -1);
  if (w) return w;
  const q = b.queueLength - a.queueLength;
  if (q) return q;
  return compareText(siteName(a), siteName(b));
}

// The tile's words are its name for a screen reader, in the order they are seen, so that a user who speaks what they see
// ("click 群星公园采样点 43 分") reaches it. Unseen commas give the reader its pauses, each carried by the part it comes
// before, so that a part not shown leaves none behind; the last words say where the link goes.
function pause() {
  return h('span', { class: 'visually-hidden', text: ', ' });
}

function createTile(id) {
  const a = h('a', { class: 'site-tile', 'data-testid': 'site-tile', dataset: { siteId: id }, href: `/wall/${encodeURIComponent(id)}` });
  // A district's peak changes nearly every tile every second: the numbers are written in place, and the other
  // parts built again only when what they say changes.
  const tile = {
    li: h('li', {}, a), a, shown: null,
    name: h('span', { class: 'tile-name' }),
    queue: h('span', { 'data-testid': 'tile-queue' }),
    opens: h('span', { class: 'visually-hidden' }),
    wait: slot(),
    band: slot(),
    range: slot(),
    stale: slot(),
    lanes: slot(),
    green: slot(),
  };
  a.append(
    tile.name, pause(),
    h('span', { class: 'tile-wait' }, tile.wait.node, pause(), tile.band.node),
    tile.range.node,
    tile.stale.node,
    h('span', { class: 'tile-meta' }, pause(), tile.queue, tile.lanes.node, tile.green.node), pause(),
    tile.opens);
  tiles.set(id, tile);
  return tile;
}

function renderTile(site, now) {
  const tile = tiles.get(site.id) ?? createTile(site.id);
  const band = siteBand(site);
  const resting = isResting(site);
  // The clock alone turns these, so they are part of what the tile last showed.
  const stale = isStale(site, now);
  const opening = nextOpeningText(site);
  const lang = getLang();
  const shown = [site, lang, stale, opening];
  if (drawnFrom(tile.shown, shown)) return tile.li;
  tile.shown = shown;
  const className = `site-tile band-${band}${stale ? ' is-stale' : ''}`;
  if (tile.a.className !== className) tile.a.className = className;
  setAttr(tile.a, 'data-band', band);
  markStale(tile.a, stale);
  const range = resting ? null : siteRange(site);
  const name = siteName(site);
  setText(tile.name, name);
  setAttr(tile.name, 'data-length', nameLength(name));
  const waiting = site.waitMinutes != null && !resting;
  tile.wait.show(waiting ? lang : `none ${lang}`, () => {
    if (!waiting) {
      return h('span', { class: 'tile-wait-number' },
        h('span', { class: 'num tile-wait-value', 'aria-hidden': 'true', text: '—' }),
        h('span', { class: 'visually-hidden', text: t('command.noWait') }));
    }
    tile.waitNumber = h('span', { class: 'num tile-wait-value' });
    return h('span', { class: 'tile-wait-number' }, tile.waitNumber, h('span', { class: 'tile-unit', text: t('unit.minShort') }));
  });
  if (waiting) setText(tile.waitNumber, fmtInt(site.waitMinutes));
  tile.band.show(`${lang} ${band}`, () => bandMark(band, { chip: false }));
  // Resting, when it opens again takes the range's place: there is no wait to give a range for.
  const likely = likelyText(range);
  tile.range.show(resting ? `opening ${opening}` : `range ${likely}`, () => (resting
    ? h('span', { class: 'tile-range tile-opening', 'data-testid': 'tile-opening' }, opening && pause(), opening)
    : h('span', { class: 'tile-range', 'data-testid': 'tile-wait-range' }, likely && pause(), likely)));
  tile.stale.show(stale ? lang : '', () => (stale
    ? h('span', { class: 'tile-stale stale-note', 'data-testid': 'tile-stale' },
      pause(), h('span', { class: 'stale-icon', 'aria-hidden': 'true' }), t('fresh.stale'))
    : null));
  setAttr(tile.queue, 'data-value', String(site.queueLength ?? ''));
  setText(tile.queue, t('command.tileQueue', { n: fmtInt(site.queueLength) }));
  // Replayed rows have no lane counts.
  const lanes = site.openLanes == null ? '' : t('command.tileLanes', { open: fmtInt(site.openLanes), total: fmtInt(site.totalLanes) });
  tile.lanes.show(lanes, () => (lanes ? h('span', {}, pause(), lanes) : null));
  tile.green.show(site.greenLaneOpen ? lang : '', () => (site.greenLaneOpen ? h('span', { class: 'tile-green' }, pause(), t('command.tileGreen')) : null));
  setText(tile.opens, t('command.tileOpens'));
  return tile.li;
}

// A tile is a tenth of a wall's width, where three lines hold about 36 letters or 24 Chinese characters: a longer name
// ("Taichang Electronics Factory (Xingfu Community)") takes four or five lines in smaller letters rather than ending in
// "…". Judged by its length, not measured, since tiles out of view are kept out of layout (command.css). A Chinese
// character counts as one and a half letters: English breaks only between words, and loses part of each line.
function nameLength(name) {
  let width = 0;
  for (const ch of name) width += ch.codePointAt(0) >= 0x2e80 ? 1.5 : 1;
  return width > 56 ? 'longer' : width > 36 ? 'long' : null;
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

// A wall of 1920x1080 shows about sixty tiles of a district's thousand; the rest are built a few screens a task (dom.js).
const tileRound = buildInRounds(80, () => renderSites());

function renderSites() {
  const now = serverNow();
  const visible = [...viewRows().values()].filter((s) => !state.area || s.area === state.area).sort(compareWorst);
  const take = tileRound();
  const tilesOf = (sites) => take(sites, (site) => tiles.has(site.id), (site) => renderTile(site, now));
  if (state.grouped) {
    const groups = new Map();
    for (const s of visible) {
      if (!groups.has(s.area)) groups.set(s.area, []);
      groups.get(s.area).push(s);
    }
    // Areas in the order of their worst site, so trouble stays at the top.
    const sections = [...groups.entries()].map(([area, sites]) => {
      const g = groupEl(area);
      const open = sites.filter(isServingSite).length;
      setText(g.name, areaName(area) || t('command.noArea'));
      setText(g.count, t('command.areaCount', { open: fmtInt(open), total: fmtInt(sites.length) }));
      reconcileChildren(g.list, tilesOf(sites));
      return g.section;
    });
    reconcileChildren(el.tiles, sections);
  } else {
    let list = el.tiles.querySelector(':scope > ul.tile-list');
    if (!list) {
      list = h('ul', { class: 'tile-list' });
      el.tiles.replaceChildren(list);
    }
    reconcileChildren(list, tilesOf(visible));
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
    .sort((a, b) => compareText(areaName(a), areaName(b)));
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
  alertPanel.render();
}

// ---- alerts ----

// Whether an operator is signed in here is settled once the page has started (below); until then, nobody is.
let admin = null;
const alertPanel = createAlertPanel({
  siteRow: (id) => state.sites.get(id),
  replaying: () => replay.active,
  session: { token: () => admin?.token() ?? null, expired: () => admin?.expired() },
});

// ---- district trend charts, sampled client-side once a minute ----

const chartFont = () => Math.max(12, Math.round(window.innerHeight / 70));
// Built by whatever needs them first: the first overview, after the first tiles are on the screen (two charts hold a
// slow screen's page for a fifth of a second), or the history.
let chartSet = null;

function charts() {
  chartSet ??= createCharts();
  return chartSet;
}

function createCharts() {
  // The two charts share the column's width: four time labels each fit without overlapping.
  const throughputChart = createLineChart(document.getElementById('throughput-chart'), {
    fontSize: chartFont(), legend: false, timeTicks: 4,
    series: [{ label: t('command.throughputSeries'), color: COLORS.throughput, fill: true }],
  });
  const queueChart = createLineChart(document.getElementById('queue-chart'), {
    fontSize: chartFont(), legend: false, timeTicks: 4,
    series: [{ label: t('command.queueSeries'), color: COLORS.queue, fill: true }],
  });
  return {
    charts: [throughputChart, queueChart],
    throughput: new MinuteSeries(throughputChart, WINDOW_MINUTES),
    queue: new MinuteSeries(queueChart, WINDOW_MINUTES),
  };
}

let chartsUpTo = null; // the replayed minute's clock text while replay has the charts, else null
let liveCharts = null; // the live points, kept while replay has the charts

// `points`: [{minute (epoch ms), served, queueLength}], oldest first; the series keep the last 2 hours of them.
function fillCharts(points) {
  const { throughput, queue } = charts();
  throughput.reset(points.map((p) => ({ minute: p.minute, values: [p.served] })));
  queue.reset(points.map((p) => ({ minute: p.minute, values: [p.queueLength] })));
  throughput.render();
  queue.render();
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
  liveCharts ??= [charts().throughput.points(), charts().queue.points()];
  chartsUpTo = upTo;
  fillCharts(points ?? []);
  renderChartTitles();
}

// The charts start from the district's history on the server, so a screen switched on (or
// reloaded) mid-day shows the last two hours at once; live samples carry on from there, and each
// minute the server's counts for the last few replace what was drawn live.
async function loadHistory(minutes = WINDOW_MINUTES) {
  // Asked for once at start-up, though the first connect comes while the read is on its way.
  if (minutes >= WINDOW_MINUTES) historyLoadedAt = Date.now();
  const points = await api.districtHistory(minutes);
  // A replay started meanwhile has the charts; leaving it loads this again.
  if (!Array.isArray(points) || replay.active) return;
  const mapped = points.map((p) => ({ minute: Date.parse(p.minute), served: p.served, queueLength: p.queueLength }));
  if (minutes >= WINDOW_MINUTES) {
    fillCharts(mapped);
  } else {
    const { throughput, queue } = charts();
    for (const p of mapped) {
      throughput.upsert(p.minute, [p.served]);
      queue.upsert(p.minute, [p.queueLength]);
    }
  }
  const last = mapped[mapped.length - 1];
  if (last && state.overview && last.minute === currentMinute()) minuteServed.rebase(last.minute, state.overview.servedToday, last.served);
  sample();
}

let historyLoadedAt = 0;

// People tested each minute, as the server's history counts them (not the lanes' estimated pace, a different figure).
const minuteServed = createMinuteServed();

function sample() {
  const o = state.overview;
  if (!o || replay.active) return;
  const minute = currentMinute();
  const { throughput, queue } = charts();
  throughput.upsert(minute, [minuteServed.track(minute, o.servedToday)]);
  queue.upsert(minute, [o.queueLength]);
  throughput.renderSoon();
  queue.renderSoon();
}

function applyOverview(overview) {
  if (!overview) return;
  state.overview = overview;
  renderTotals();
  alertPanel.update(overview.alerts);
  sample();
}

// ---- clock: per-minute work (the tick itself is clock.js) ----

function onMinute() {
  // A minute without pushes still gets its point (the totals did not change), but only
  // while the data is current: offline, no point is invented.
  const fresh = live.freshAt();
  if (fresh != null && Date.now() - fresh < 60000) {
    sample();
    loadHistory(5).catch(() => {});
  }
  // Ages, staleness and next openings move with the clock alone.
  renderSites();
  alertPanel.render();
  replay.tick();
}

// ---- replay ----

function renderView() {
  renderSites();
  alertPanel.render();
}

// Replay is over: the live state again at once, the charts as they were, then the server's history for the gap.
function backToLive() {
  chartsUpTo = null;
  if (liveCharts) {
    charts().throughput.reset(liveCharts[0]);
    charts().queue.reset(liveCharts[1]);
    liveCharts = null;
  }
  sample();
  charts().throughput.render();
  charts().queue.render();
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

const reads = createReadGuard();
let overviewPushes = 0;

function pushedOverview(overview) {
  overviewPushes++;
  applyOverview(overview);
}

async function loadAll() {
  const mark = reads.mark();
  const overviewMark = overviewPushes;
  const [sites, overview] = await Promise.allSettled([api.sites(), api.overview()]);
  loadHistory().catch(() => {});
  if (sites.status === 'fulfilled') mergeRows(reads.unpushed(sites.value, mark));
  // The first tiles go on the screen before the overview builds the charts, a fifth of a second on a wall's small box.
  await new Promise((resolve) => setTimeout(resolve, 0));
  // An overview pushed while the read was out is newer than its answer (a cleared alert would come back).
  if (overview.status === 'fulfilled' && overviewPushes === overviewMark) applyOverview(overview.value);
  if (sites.status === 'fulfilled' || overview.status === 'fulfilled') live.markFresh();
  if (sites.status === 'rejected' && !state.loaded) setTimeout(loadAll, 5000);
  return sites.status === 'fulfilled' && overview.status === 'fulfilled' ? undefined : Promise.reject();
}

const live = createLive({
  handlers: {
    boardUpdated(rows) {
      reads.pushed(rows);
      mergeRows(rows);
    },
    overviewUpdated: pushedOverview,
  },
  // Minutes missed while disconnected are refilled from the server, not left out of the charts' time.
  onConnected() {
    if (!replay.active && Date.now() - historyLoadedAt > 10000) loadHistory().catch(() => {});
  },
});

initI18n();
admin = createCommandAdmin({ onChange: () => alertPanel.render() });
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
  for (const tile of tiles.values()) tile.shown = null;
  renderAreaOptions();
  renderSites();
  alertPanel.relabel();
  renderChartTitles();
  const { charts: [throughputChart, queueChart], throughput, queue } = charts();
  setSeriesLabels(throughputChart, [t('command.throughputSeries')]);
  setSeriesLabels(queueChart, [t('command.queueSeries')]);
  for (const s of [throughput, queue]) {
    s.relabel();
    s.render();
  }
});

// The clock and the charts' minutes are written in the district's zone.
onZoneChange(() => {
  tickClock();
  for (const s of [charts().throughput, charts().queue]) {
    s.relabel();
    s.render();
  }
});

window.addEventListener('resize', () => {
  for (const c of charts().charts) {
    const size = chartFont();
    for (const axis of Object.values(c.options.scales)) axis.ticks.font.size = size;
    c.update('none');
  }
});
