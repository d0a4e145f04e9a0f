// Site wall screen: one site's lanes, totals, clock and 2-hour trend, read from 5 m away. Its headline tells the people
// in front of it which lane to join and how long that takes.
import { adviceText, betterNearby } from './advice.js';
import { api } from './api.js';
import { bandMark, num, statusMark } from './bands.js';
import { createLineChart, COLORS, setSeriesLabels } from './charts.js';
import { currentMinute, serverNow, startWallClock } from './clock.js';
import { loadDistrictZone, onZoneChange } from './district-zone.js';
import { h, reconcileChildren, setAttr, setText, siteIdFromPath } from './dom.js';
import {
  accuracyText, breakText, briefRangeText, greenRange, laneRange, siteRange,
} from './estimates.js';
import {
  areaName, fmtInt, fmtMinutesValue, fmtRate, isGreenLane, isGreenName, laneName, laneNumber, siteName,
} from './format.js';
import { freshnessLine, markStale } from './freshness.js';
import { getLang, initI18n, onLangChange, t, tNodes } from './i18n.js';
import { createLive } from './live.js';
import { createReadGuard, mergeRows } from './site-rows.js';
import {
  bestLane, isResting, isServing, laneShownStatus, nextOpeningText, restingText, siteBand,
} from './site-state.js';
import { createVersionGate } from './versions.js';
import { attachOffline } from './offline.js';
import { createMinuteServed, MinuteSeries } from './series.js';
import { keepAwake } from './wakelock.js';

const versions = createVersionGate();

const HISTORY_MINUTES = 120;

const siteId = siteIdFromPath('wall');
const el = {
  name: document.getElementById('site-name'),
  area: document.getElementById('site-area'),
  sub: document.getElementById('wall-sub'),
  clock: document.getElementById('clock'),
  date: document.getElementById('clock-date'),
  main: document.getElementById('wall-main'),
  headline: document.getElementById('wall-headline'),
  headlineMain: document.getElementById('headline-main'),
  headlineGreen: document.getElementById('headline-green'),
  headlineStale: document.getElementById('headline-stale'),
  headlineStaleWords: document.getElementById('headline-stale-words'),
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
  keyQueue: document.getElementById('trend-key-queue'),
  keyServed: document.getElementById('trend-key-served'),
  message: document.getElementById('wall-message'),
  messageTitle: document.getElementById('wall-message-title'),
  messageBody: document.getElementById('wall-message-body'),
};
el.keyQueue.style.color = COLORS.queue;
el.keyServed.style.color = COLORS.throughput;

let site = null;
// A screen on its side, or a 4:3 or 5:4 one, has height that a 16:9 wall has not (every size follows the widest 16:9
// area it holds): its lanes get tall tiles, laid out otherwise (render) and grown to fill them (fitTiles). wall.css
// centres those tiles' bodies under the same query.
const tallScreen = window.matchMedia('(orientation: portrait), (max-aspect-ratio: 7/5)');
tallScreen.addEventListener('change', () => render());
// Every site's board row, so that the wall can point residents to a faster site nearby.
const district = new Map();
const reads = createReadGuard();
let missing = false;
let chart = null;
let series = null;
let historyLoadedAt = 0;
const tiles = new Map();
const fresh = freshnessLine({ testid: 'site-freshness', className: 'wall-fresh' });
el.sub.append(fresh.el);
// What the clock alone can change, as last drawn: the ticker redraws when either differs.
const shown = { stale: false, opening: '' };

// Served-per-minute for the minute in progress comes from servedToday deltas between pushes.
const minuteServed = createMinuteServed();

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

// Whether the picture was taken: one older than the picture shown is dropped.
function applySite(detail) {
  if (!detail?.id || detail.id !== siteId) return false;
  if (!versions.accept(detail.id, detail.version)) return false;
  site = detail;
  missing = false;
  hideMessage();
  el.main.hidden = false;
  render();
  trackMinute(detail);
  return true;
}

function render() {
  if (!site) return;
  showName(siteName(site));
  setText(el.area, areaName(site.area));
  document.title = `${siteName(site)} · ${t('wall.pageTitle')}`;
  shown.stale = fresh.update(site, serverNow());
  shown.opening = nextOpeningText(site);
  markStale(el.main, shown.stale);

  const band = siteBand(site);
  const resting = isResting(site);
  el.totalWait.className = `total total-wait band-${band}`;
  setText(el.wait, fmtMinutesValue(resting ? null : site.waitMinutes));
  setText(el.waitRange, resting ? '' : briefRangeText(siteRange(site)));
  el.band.replaceChildren(bandMark(band));
  el.band.dataset.band = band;
  setText(el.queue, fmtInt(site.queueLength));
  el.queue.dataset.value = site.queueLength;
  setText(el.served, fmtInt(site.servedToday));
  el.served.dataset.value = site.servedToday;
  // The lanes' paces added up: with none serving there is no pace, not a pace of 0.
  const serving = (site.lanes ?? []).some((lane) => isServing(lane, site));
  setText(el.throughput, serving ? fmtRate(site.throughputPerMinute) : fmtRate(null));
  el.throughput.dataset.value = serving ? site.throughputPerMinute : '';
  setText(el.lanes, `${fmtInt(site.openLanes)} / ${fmtInt(site.totalLanes)}`);
  // The green lane (elderly, children, disabled) gets its own wait, or says plainly that it is shut.
  el.totalGreen.classList.toggle('is-closed', !site.greenLaneOpen);
  setText(el.green, site.greenLaneOpen ? fmtMinutesValue(site.greenWaitMinutes) : t('wall.greenClosedShort'));
  setText(el.greenUnit, site.greenLaneOpen && site.greenWaitMinutes != null ? t('unit.minShort') : '');
  setText(el.greenRange, site.greenLaneOpen ? briefRangeText(greenRange(site)) : '');
  renderHeadline(band);

  const lanes = site.lanes ?? [];
  el.noLanes.hidden = lanes.length > 0;
  const cols = lanes.length <= 4 ? Math.max(1, lanes.length) : lanes.length <= 6 ? 3 : lanes.length <= 8 ? 4 : lanes.length <= 10 ? 5 : 6;
  const rows = Math.max(1, Math.ceil(lanes.length / cols));
  // Stacked: the wait on top, the queue and the pace in a row beneath it, in tiles tall (one row, a screen on its side
  // or a 4:3 one) or narrow (more than 8 lanes).
  const stacked = rows === 1 || lanes.length > 8 || tallScreen.matches;
  el.grid.className = `lane-grid live-surface cols-${cols} rows-${Math.min(rows, 3)}${lanes.length > 8 ? ' dense' : ''}${stacked ? ' stacked' : ''}`;
  const seen = new Set();
  const nodes = lanes.map((lane) => {
    seen.add(lane.id);
    return renderTile(lane);
  });
  for (const id of [...tiles.keys()]) if (!seen.has(id)) tiles.delete(id);
  reconcileChildren(el.grid, nodes);
  fitTiles();
  renderNotes();
}

// Words differ in width by language and by the screen's fonts ("(25–63)" was cut to "(25–" in English on a 720-line
// screen): where a tile's wait, range or facts would be cut short, the tiles' bodies step down together until they fit,
// and so do their heads where a lane's name would end in "…" ("Green lane…" on a 1366x768 TV, which could be either
// green lane). A portrait or 4:3 screen's tiles are taller than their figures: there the bodies grow as far as they
// fit in the tile. Both are fitted afresh when the lanes' room, their names, states or the language change, and once a
// minute; in between, bodies only step down, so that the wall does not change sizes back and forth as figures change.
const TILE_SCALES = [1, 0.92, 0.85, 0.78, 0.7];
const TALL_TILE_SCALES = [2.4, 2.1, 1.8, 1.6, 1.4, 1.2, ...TILE_SCALES];
let tileScale = 1;
let tileLayout = '';
function fitTiles() {
  const scales = tallScreen.matches ? TALL_TILE_SCALES : TILE_SCALES;
  const heads = [...el.grid.querySelectorAll('.tile-head')];
  const layout = [
    tallScreen.matches, el.grid.clientWidth, el.grid.clientHeight, getLang(), Math.floor(Date.now() / 60_000),
    ...heads.map((head) => head.textContent),
  ].join('|');
  const fresh = layout !== tileLayout;
  tileLayout = layout;
  const names = heads.map((head) => head.querySelector('.tile-name'));
  // Strictly: a name short of its room by a fraction of a pixel already ends in "…".
  if (fresh) fitStep(el.grid, TILE_SCALES, 0, '--head-scale', () => !names.some((name) => name.scrollWidth > name.clientWidth));
  const boxes = [...el.grid.querySelectorAll('.tile-wait, .tile-facts')];
  const tall = [...el.grid.children];
  tileScale = fitStep(el.grid, scales, fresh ? 0 : Math.max(0, scales.indexOf(tileScale)), '--tile-scale', (scale) =>
    !boxes.some((box) => box.scrollWidth > box.clientWidth + 1)
      && (scale <= 1 || !tall.some((tile) => tile.scrollHeight > tile.clientHeight + 1)));
}
// The lanes' room changes without a render too: the screen turned or resized, notes or the offline banner shown.
new ResizeObserver(() => fitTiles()).observe(el.grid);

// The site's name tells residents they are at the right place: a long one ("Pengjiang District Second People's Hospital
// Outpatient Building (Baisha Community)") steps down in size and then takes a second line, rather than ending in "…".
// Fitted afresh when the name or the header's room changes.
const NAME_SCALES = [1, 0.85, 0.72, 0.6];
let nameLayout = '';
function showName(name) {
  setText(el.name, name);
  fitName();
}

function fitName() {
  // The name's box is as wide as the header leaves it, whatever its letters: its own resizes (a second line) end here.
  const layout = `${el.name.textContent}|${el.name.clientWidth}`;
  if (layout === nameLayout) return;
  nameLayout = layout;
  const fits = () => el.name.scrollWidth <= el.name.clientWidth;
  el.name.classList.remove('wraps');
  fitStep(el.name, NAME_SCALES, 0, '--name-scale', fits);
  el.name.classList.toggle('wraps', !fits());
}
new ResizeObserver(() => fitName()).observe(el.name);

// Sets `target`'s `property` to the first of `scales`, from index `first`, at which `fits` holds (else the last).
function fitStep(target, scales, first, property, fits) {
  let at = first;
  for (; at < scales.length - 1; at++) {
    target.style.setProperty(property, scales[at]);
    if (fits(scales[at])) break;
  }
  target.style.setProperty(property, scales[at]);
  return scales[at];
}

// "请排 3 号通道 · 约 90 分钟": the open standard lane with the shortest wait, and the green lane apart for those it is
// for; resting, when the site opens again; otherwise that no lane is open. Redrawn only when its words change, since
// pushes come several times a second.
function renderHeadline(band) {
  const resting = isResting(site);
  const best = resting ? null : bestLane(site, 'standard');
  const green = resting ? null : bestLane(site, 'green');
  let main;
  if (resting) main = restingText(site);
  else if (best) main = [laneNumber(best) ? t('wall.joinNumbered', { n: laneNumber(best) }) : t('wall.joinNamed', { name: laneName(best) }), ' · ', waitWords(best)];
  else main = t(green ? 'wall.noStandardOpen' : 'wall.siteClosed');
  // The site's band is its best standard lane's: the lane named here.
  el.headline.className = `wall-headline band-${resting || best ? band : 'closed'}`;
  setAttr(el.headline, 'data-lane-id', best?.id ?? '');
  setAttr(el.headline, 'data-wait', best?.waitMinutes ?? '');
  replaceIfChanged(el.headlineMain, main);
  // Who the green lane is for on one line and where to go on the next, so that both sit beside the main line.
  replaceIfChanged(el.headlineGreen, green ? [
    h('span', { class: 'headline-green-who', text: t('wall.greenWho') }),
    h('span', { class: 'headline-green-lane' }, tNodes('wall.greenWhere', { lane: laneName(green), wait: h('span', {}, waitWords(green)) })),
  ] : '');
  el.headlineGreen.hidden = !green;
  // Worded only while shown, so that the headline's words are exactly what is on screen.
  setText(el.headlineStaleWords, shown.stale ? t('wall.staleAdvice') : '');
  el.headlineStale.hidden = !shown.stale;
}

function waitWords(lane) {
  // "About 0 min" would read as a hedge where there is simply no queue.
  return lane.waitMinutes === 0 ? t('wall.noWaitNow') : tNodes('wall.aboutWait', { n: num(fmtInt(lane.waitMinutes), 'headline-wait') });
}

function replaceIfChanged(node, content) {
  const next = h('span', {}, content);
  if (next.textContent !== node.textContent) node.replaceChildren(...next.childNodes);
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

// A tile tells one story per lane. Serving, its wait is the big figure (what a person deciding where to queue needs
// from 5 m), with the queue and the pace that wait comes from below it (queue ÷ pace ≈ wait). Paused, closed or
// resting, its state word takes the wait's place, and it shows no wait and no pace.
function createTile(laneId) {
  const name = h('h3', { class: 'tile-name' });
  const kind = h('span', { class: 'tile-kind' });
  const status = h('span', { class: 'tile-status' });
  const state = h('div', { class: 'tile-state' });
  const wait = h('span', { class: 'tile-wait-value num', 'data-testid': 'lane-wait' });
  const range = h('span', { class: 'tile-range', 'data-testid': 'lane-wait-range' });
  const queue = h('span', { class: 'num', 'data-testid': 'lane-queue' });
  const throughput = h('span', { class: 'num', 'data-testid': 'lane-throughput' });
  const pace = h('div', { class: 'tile-fact tile-pace' });
  // A planned break is rare and matters to whoever joins now: it gets a line of its own, above the facts that
  // a narrow tile may cut off.
  const pause = h('p', { class: 'tile-pause', 'data-testid': 'lane-pause', hidden: true });
  const labels = {
    wait: h('span', { class: 'tile-label' }),
    waitUnit: h('span', { class: 'tile-unit' }),
    queueUnit: h('span', { class: 'tile-unit' }),
  };
  // The unit and the range stacked beside the figure, so that the range never takes a line of the tile's height.
  const waitBox = h('div', { class: 'tile-wait' }, labels.wait,
    h('span', { class: 'tile-big' }, wait, h('span', { class: 'tile-side' }, labels.waitUnit, range)));
  const li = h('li', { class: 'lane-tile', 'data-testid': 'lane-tile', dataset: { laneId } },
    h('div', { class: 'tile-head' }, h('div', { class: 'tile-title' }, name, kind), status),
    h('div', { class: 'tile-body' },
      waitBox,
      state,
      pause,
      h('div', { class: 'tile-facts' },
        h('div', { class: 'tile-fact' }, h('span', { class: 'tile-fact-value' }, queue, labels.queueUnit)),
        pace)));
  const tile = {
    li, name, kind, status, state, waitBox, wait, range, queue, throughput, pace, pause, labels, statusKey: '', paceKey: '',
  };
  tiles.set(laneId, tile);
  return tile;
}

function renderTile(lane) {
  const tile = tiles.get(lane.id) ?? createTile(lane.id);
  const status = laneShownStatus(lane, site);
  const serving = isServing(lane, site);
  tile.li.className = `lane-tile lane-${status}${isGreenLane(lane) ? ' lane-green' : ''}`;
  tile.li.dataset.status = status;
  setText(tile.name, laneName(lane));
  const badge = isGreenLane(lane) && !isGreenName(laneName(lane)) ? t('board.greenLane') : '';
  if (tile.kind.dataset.badge !== badge) {
    tile.kind.dataset.badge = badge;
    tile.kind.replaceChildren(badge ? h('span', { class: 'green-badge', text: badge }) : '');
  }
  // One state mark per tile: small in the head beside a wait, large in the wait's place without one.
  const statusKey = `${status}|${serving}|${t(`status.${status}`)}`;
  if (tile.statusKey !== statusKey) {
    tile.statusKey = statusKey;
    const mark = statusMark(status, { testid: 'lane-status' });
    tile.status.replaceChildren(serving ? mark : '');
    tile.state.replaceChildren(serving ? '' : mark);
  }
  tile.waitBox.hidden = !serving;
  tile.state.hidden = serving;
  setText(tile.wait, serving ? fmtMinutesValue(lane.waitMinutes) : '');
  tile.wait.dataset.value = serving ? lane.waitMinutes : '';
  setText(tile.labels.wait, serving ? t('wall.laneWait') : '');
  setText(tile.labels.waitUnit, serving ? t('unit.minShort') : '');
  setText(tile.range, serving ? briefRangeText(laneRange(lane)) : '');
  setText(tile.queue, fmtInt(lane.queueLength));
  tile.queue.dataset.value = lane.queueLength;
  setText(tile.labels.queueUnit, t('wall.laneQueueUnit'));
  // Emptied rather than hidden when not serving, so that no reading of the page finds a rate for such a lane.
  const paceKey = serving ? getLang() : '';
  if (tile.paceKey !== paceKey) {
    tile.paceKey = paceKey;
    tile.pace.replaceChildren(serving ? h('span', { class: 'tile-fact-value' }, tNodes('lane.pace', { n: tile.throughput })) : '');
  }
  tile.pace.hidden = !serving;
  setText(tile.throughput, serving ? fmtRate(lane.throughputPerMinute) : '');
  tile.throughput.dataset.value = serving ? lane.throughputPerMinute : '';
  setText(tile.pause, serving ? breakText(lane) : '');
  tile.pause.hidden = !tile.pause.textContent;
  tile.li.classList.toggle('has-pause', !tile.pause.hidden);
  return tile.li;
}

// ---- trend chart ----

// As the page's own sizes (wall.css's --u): the height of the widest 16:9 area the screen holds.
function chartFontSize() {
  return Math.max(14, Math.round(Math.min(window.innerHeight, (window.innerWidth * 9) / 16) / 60));
}

function ensureChart() {
  if (chart) return;
  chart = createLineChart(el.canvas, {
    fontSize: chartFontSize(),
    // The heading beside the chart is its key and says the span, so the lines keep the height a legend and a row of
    // times would take.
    legend: false,
    timeLabels: false,
    series: [
      { label: t('wall.chartQueue'), color: COLORS.queue, axis: 'y', fill: true },
      { label: t('wall.chartServed'), color: COLORS.throughput, axis: 'y2' },
    ],
  });
  series = new MinuteSeries(chart, HISTORY_MINUTES);
}

// The chart is built once the history has answered, not in the task that draws the site's first read: it holds a
// wall's small box for a while, and the lanes come first. Without a history it is still built, for the minutes to come.
async function loadHistory(minutes = HISTORY_MINUTES) {
  const points = await api.history(siteId, minutes).catch(() => null);
  ensureChart();
  if (!Array.isArray(points)) return;
  if (minutes >= HISTORY_MINUTES) historyLoadedAt = Date.now();
  const mapped = points.map((p) => ({ minute: Date.parse(p.minute), values: [p.queueLength, p.served] }));
  if (minutes >= HISTORY_MINUTES) series.reset(mapped);
  else for (const p of mapped) series.upsert(p.minute, p.values);
  // Re-base the minute in progress on the server's own bucket for it.
  const last = points[points.length - 1];
  if (last && site && Date.parse(last.minute) === currentMinute()) {
    minuteServed.rebase(Date.parse(last.minute), site.servedToday, last.served);
  }
  // A history read (at load, after a gap) is news in itself: drawn at once, with the minute in progress, in one draw.
  if (site) trackMinute(site, { draw: false });
  series.render();
}

function trackMinute(detail, { draw = true } = {}) {
  if (!series) return;
  const minute = currentMinute();
  series.upsert(minute, [detail.queueLength, minuteServed.track(minute, detail.servedToday)]);
  if (draw) series.renderSoon();
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
      showName('QueueBoard');
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
      reads.pushed(list);
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
loadDistrictZone();
const tickClock = startWallClock({ clockEl: el.clock, dateEl: el.date, onMinute });
// The district's rows too, for the faster site nearby that the wall may name.
attachOffline(live, {
  poll: () => (missing ? Promise.reject() : Promise.all([
    api.site(siteId).then(applySite),
    readDistrict().catch(() => {}),
  ]).then(([taken]) => taken)),
});
loadSite();
live.watch('WatchBoard');
// The other sites' rows from HTTP as well, as the board page does: advice does not wait on the hub's first snapshot,
// which a busy hub may deliver late. Rows a push brought while the read was under way are not taken from it.
// A read answered after a push keeps the push's rows: the read may be the older of the two.
function readDistrict() {
  const mark = reads.mark();
  return api.sites().then((rows) => { if (mergeRows(district, reads.unpushed(rows, mark))) renderNotes(); });
}
readDistrict().catch(() => {});

// The age ticks between pushes, and with it whether the numbers may be out of date or the site opens "today".
setInterval(() => {
  if (!site) return;
  if (fresh.update(site, serverNow()) !== shown.stale || nextOpeningText(site) !== shown.opening) render();
}, 1000);

// The clock, opening times and the chart's minutes are written in the district's zone.
onZoneChange(() => {
  tickClock();
  render();
  if (series) {
    series.relabel();
    series.render();
  }
});

onLangChange(() => {
  tickClock();
  render();
  refreshMessage();
  if (chart) {
    setSeriesLabels(chart, [t('wall.chartQueue'), t('wall.chartServed')]);
    series.relabel();
    series.render();
  }
  if (!site && !missing) showName('QueueBoard');
});

// The chart's font follows the screen, which may be rotated or resized by the kiosk.
window.addEventListener('resize', () => {
  if (!chart) return;
  const size = chartFontSize();
  chart.options.font.size = size;
  for (const axis of Object.values(chart.options.scales)) axis.ticks.font.size = size;
  chart.update('none');
});

setAttr(document.body, 'data-site-id', siteId ?? '');
