// Resident board: every site by wait (or distance), live from the hub's board feed.
import { adviceShortText, adviceText, betterNearby } from './advice.js';
import { api } from './api.js';
import { bandMark, num, statusMark } from './bands.js';
import { bestTimeSection } from './best-time.js';
import { h, reconcileChildren, setAttr, setText } from './dom.js';
import {
  accuracyText, breakText, briefRangeText, greenRange, laneRange, likelyText, rangeText, siteRange,
} from './estimates.js';
import { createForecastFeed } from './forecast.js';
import {
  areaName, bandOf, fmtAgo, fmtInt, fmtKm, fmtMinutesValue, fmtRate, isGreenLane, isGreenName, laneName, laneStatus,
  searchKey, siteName,
} from './format.js';
import { haversineKm, locate } from './geo.js';
import { getLang, initI18n, onLangChange, t, tNodes } from './i18n.js';
import { createLive } from './live.js';
import { mergeRow, mergeRows as mergeInto } from './site-rows.js';
import { createVersionGate } from './versions.js';
import { attachOffline } from './offline.js';

const versions = createVersionGate();

const AREA_KEY = 'qb.board.area';
const SUMMARY_MIN_INTERVAL_MS = 15000;

const state = {
  sites: new Map(),
  details: new Map(),
  loaded: false,
  loadError: false,
  query: '',
  area: readArea(),
  sort: 'wait',
  position: null,
  expandedId: null,
  // The open site's "best time to come", while the last fetch of it succeeded: { siteId, forecast }.
  forecast: null,
  lastDataAt: null,
};

const rows = new Map();

const el = {
  list: document.getElementById('site-list'),
  state: document.getElementById('board-state'),
  search: document.getElementById('search'),
  area: document.getElementById('area-filter'),
  sortWait: document.getElementById('sort-wait'),
  sortNear: document.getElementById('sort-near'),
  geo: document.getElementById('geo-message'),
  summary: document.getElementById('board-summary'),
  updated: document.getElementById('updated-ago'),
};

function readArea() {
  try {
    return localStorage.getItem(AREA_KEY) ?? '';
  } catch {
    return '';
  }
}

function mergeRows(list) {
  const changed = mergeInto(state.sites, list);
  state.loaded = true;
  state.loadError = false;
  state.lastDataAt = Date.now();
  return changed;
}

function distanceOf(site) {
  if (!state.position || site.latitude == null || site.longitude == null) return null;
  return haversineKm(state.position.latitude, state.position.longitude, site.latitude, site.longitude);
}

function matches(site) {
  if (state.area && site.area !== state.area) return false;
  if (!state.query) return true;
  const q = searchKey(state.query);
  return [site.name, site.nameEn, site.area, areaName(site.area)].some((s) => searchKey(s).includes(q));
}

function compare(a, b) {
  const closedA = bandOf(a) === 'closed';
  const closedB = bandOf(b) === 'closed';
  if (closedA !== closedB) return closedA ? 1 : -1;
  if (state.sort === 'near' && state.position) {
    const d = distanceOf(a) - distanceOf(b);
    if (d) return d;
  }
  const w = (a.waitMinutes ?? Infinity) - (b.waitMinutes ?? Infinity);
  if (w && !Number.isNaN(w)) return w;
  const q = a.queueLength - b.queueLength;
  if (q) return q;
  return siteName(a).localeCompare(siteName(b), getLang() === 'en' ? 'en' : 'zh-CN');
}

function visibleSites() {
  return [...state.sites.values()].filter(matches).sort(compare);
}

// ---- rows ----

function createRow(id) {
  const detailId = `detail-${id}`;
  const button = h('button', {
    type: 'button', class: 'row-main', 'aria-expanded': 'false', 'aria-controls': detailId,
  });
  const detail = h('div', { id: detailId, class: 'row-detail', hidden: true });
  const li = h('li', { class: 'site-row', 'data-testid': 'site-row', dataset: { siteId: id } }, button, detail);
  button.addEventListener('click', () => toggleExpanded(id));
  const row = { li, button, detail, signature: '' };
  rows.set(id, row);
  return row;
}

// A crowded row names a faster site nearby in a few words; the full advice is in the site's own view.
function rowAdvice(site, band, all) {
  return band === 'crowded' ? betterNearby(site, all) : null;
}

function renderRow(site, all) {
  const row = rows.get(site.id) ?? createRow(site.id);
  const distance = distanceOf(site);
  const band = bandOf(site);
  const advice = rowAdvice(site, band, all);
  // The open site's view shows advice drawn from the other rows, so their changes must reach it too.
  const detailAdvice = state.expandedId === site.id ? adviceText(betterNearby(detailOf(site.id), all)) : '';
  const signature = JSON.stringify([
    site, distance == null ? null : Math.round(distance * 100), getLang(), adviceShortText(advice), detailAdvice,
  ]);
  if (signature === row.signature) return row;
  row.signature = signature;
  row.li.className = `site-row band-${band}`;

  const meta = [areaName(site.area)];
  if (distance != null) meta.push(fmtKm(distance));

  const green = site.greenLaneOpen
    ? h('span', { class: 'fact fact-green' },
      h('span', { class: 'green-badge', text: t('board.greenLane') }),
      ' ',
      site.greenWaitMinutes == null
        ? t('board.greenOpen')
        : [tNodes('board.greenWait', { n: num(fmtMinutesValue(site.greenWaitMinutes)) }), briefRange(greenRange(site))])
    : h('span', { class: 'fact fact-green fact-muted', text: t('board.greenClosed') });

  row.button.replaceChildren(
    h('span', { class: 'row-info' },
      h('span', { class: 'row-name', text: siteName(site) }),
      h('span', { class: 'row-meta', text: meta.join(' · ') }),
      h('span', { class: 'row-facts' },
        h('span', { class: 'fact', 'data-testid': 'row-queue', dataset: { value: String(site.queueLength) } },
          tNodes('board.queued', { n: num(fmtInt(site.queueLength)) })),
        h('span', { class: 'fact' }, tNodes('board.lanesOpen', {
          open: num(fmtInt(site.openLanes)), total: num(fmtInt(site.totalLanes)),
        })),
        green),
      advice ? h('span', { class: 'row-advice', 'data-testid': 'row-advice', text: adviceShortText(advice) }) : null),
    h('span', { class: 'row-wait' },
      site.waitMinutes == null
        ? h('span', { class: 'wait-value wait-none', 'aria-hidden': 'true', text: '—' })
        : h('span', { class: 'wait-value' },
          h('span', { class: 'visually-hidden', text: t('board.waitA11y') }),
          num(fmtInt(site.waitMinutes), 'wait-number'),
          h('span', { class: 'wait-unit', text: t('unit.minShort') })),
      rangeLine(siteRange(site)),
      bandMark(band)),
  );
  if (state.expandedId === site.id) renderDetail(site.id);
  return row;
}

// "约 12 分钟", or "约 12 分钟 · 10–15 分钟" when the server gives a range around it.
function waitWords(key, minutes, range) {
  const n = num(fmtMinutesValue(minutes));
  return range ? tNodes('wait.withRange', { n, range: rangeText(range) }) : tNodes(key, { n });
}

// Inside a row's facts a range stays short, so that the facts still fit a phone's width.
function briefRange(range) {
  return range ? h('span', { class: 'fact-range', text: briefRangeText(range) }) : null;
}

function rangeLine(range) {
  return range ? h('span', { class: 'wait-range', 'data-testid': 'row-wait-range', text: likelyText(range) }) : null;
}

function renderList() {
  const sites = visibleSites();
  // Advice weighs every site, not only those the filters show: a resident can walk to any of them.
  const all = [...state.sites.values()];
  const nodes = sites.map((site) => renderRow(site, all).li);
  reconcileChildren(el.list, nodes);
  renderState(sites);
  renderSummary(sites, false);
}

function renderState(visible) {
  let content = null;
  if (!state.loaded) {
    content = state.loadError
      ? [h('h2', { text: t('board.errorTitle') }), h('p', { text: t('board.errorBody') })]
      : [h('p', { class: 'loading', text: t('common.loading') })];
  } else if (state.sites.size === 0) {
    content = [h('h2', { text: t('board.emptyTitle') }), h('p', { text: t('board.emptyBody') })];
  } else if (visible.length === 0) {
    content = [
      h('h2', { text: t('board.noMatchTitle') }),
      h('p', { text: t('board.noMatchBody') }),
      h('button', { type: 'button', class: 'btn btn-secondary', text: t('board.clearFilters'), onclick: clearFilters }),
    ];
  }
  el.state.hidden = content == null;
  el.state.replaceChildren(...(content ?? []));
}

function clearFilters() {
  state.query = '';
  el.search.value = '';
  setArea('');
  renderList();
  el.search.focus();
}

// ---- summary for screen readers (polite; only re-announced when its words change) ----

let summaryShownAt = 0;
let summaryTimer = null;

function summaryText(visible) {
  if (!state.loaded) return '';
  const open = visible.filter((s) => bandOf(s) !== 'closed');
  if (visible.length === 0) return state.sites.size === 0 ? t('board.emptyTitle') : t('board.noMatchTitle');
  if (open.length === 0) return t('board.summaryNoneOpen', { total: fmtInt(visible.length) });
  const best = open.reduce((a, b) => ((b.waitMinutes ?? Infinity) < (a.waitMinutes ?? Infinity) ? b : a));
  return t('board.summary', {
    open: fmtInt(open.length), total: fmtInt(visible.length), wait: fmtInt(best.waitMinutes), name: siteName(best),
  });
}

// Live pushes could change the best site every second; announcing each would drown a
// screen-reader user, so pushes update the region at most every 15 s, user actions at once.
function renderSummary(visible, immediate) {
  const text = summaryText(visible);
  if (text === el.summary.textContent) return;
  const wait = SUMMARY_MIN_INTERVAL_MS - (Date.now() - summaryShownAt);
  if (immediate || !el.summary.textContent || wait <= 0) {
    clearTimeout(summaryTimer);
    summaryTimer = null;
    el.summary.textContent = text;
    summaryShownAt = Date.now();
  } else if (!summaryTimer) {
    summaryTimer = setTimeout(() => {
      summaryTimer = null;
      renderSummary(visibleSites(), true);
    }, wait);
  }
}

// ---- detail (lanes) ----

function toggleExpanded(id) {
  const previous = state.expandedId;
  if (previous) collapse(previous);
  if (previous === id) return;
  state.expandedId = id;
  const row = rows.get(id);
  row.button.setAttribute('aria-expanded', 'true');
  row.li.classList.add('expanded');
  row.detail.hidden = false;
  renderDetail(id);
  live.watch('WatchSite', id);
  forecasts.open(id);
  api.site(id).then(applyDetail, (error) => {
    if (state.expandedId === id && !state.details.has(id)) renderDetail(id, error);
  });
}

function collapse(id) {
  const row = rows.get(id);
  if (row) {
    row.button.setAttribute('aria-expanded', 'false');
    row.li.classList.remove('expanded');
    row.detail.hidden = true;
    row.detail.replaceChildren();
  }
  live.unwatch('WatchSite', 'UnwatchSite', id);
  if (state.expandedId === id) {
    state.expandedId = null;
    state.forecast = null;
    forecasts.close();
  }
}

const forecasts = createForecastFeed((id, forecast) => {
  state.forecast = forecast && { siteId: id, forecast };
  if (state.expandedId === id) renderDetail(id);
});

function applyDetail(detail) {
  if (!detail?.id) return;
  if (!versions.accept(detail.id, detail.version)) return;
  state.details.set(detail.id, detail);
  // The detail carries the row's fields too; keep the row in step with it.
  const { lanes, servedToday, throughputPerMinute, version, accuracy, ...summary } = detail;
  if (mergeRow(state.sites, summary)) renderList();
  if (state.expandedId === detail.id) renderDetail(detail.id);
}

// The site as its own view shows it: the detail once loaded (fresher, with lanes), else its row.
function detailOf(id) {
  return state.details.get(id) ?? state.sites.get(id);
}

function renderLane(lane) {
  const pause = breakText(lane);
  return h('li', { class: `lane-item lane-${laneStatus(lane.status)}`, dataset: { laneId: lane.id } },
    h('span', { class: 'lane-title' },
      h('span', { class: 'lane-name', text: laneName(lane) }),
      isGreenLane(lane) && !isGreenName(laneName(lane)) ? h('span', { class: 'green-badge', text: t('board.greenLane') }) : null),
    statusMark(lane.status),
    h('span', { class: 'lane-fact' }, tNodes('board.queued', { n: num(fmtInt(lane.queueLength)) })),
    h('span', { class: 'lane-fact lane-fact-wait', 'data-testid': 'lane-wait' }, lane.waitMinutes == null
      ? t('board.laneNoWait')
      : waitWords('board.laneWait', lane.waitMinutes, laneRange(lane))),
    pause ? h('span', { class: 'lane-note', 'data-testid': 'lane-pause', text: pause }) : null);
}

function renderDetail(id, error) {
  const row = rows.get(id);
  if (!row) return;
  const detail = state.details.get(id);
  if (!detail) {
    const message = error?.status === 404 ? t('board.detailMissing') : error ? t('board.detailError') : t('common.loading');
    row.detail.replaceChildren(h('p', { class: 'detail-note', text: message }));
    return;
  }
  const lanes = detail.lanes ?? [];
  const advice = adviceText(betterNearby(detail, [...state.sites.values()]));
  const accuracy = accuracyText(detail.accuracy);
  row.detail.replaceChildren(...[
    advice ? h('p', { class: 'detail-advice', 'data-testid': 'advice', text: advice }) : null,
    h('p', { class: 'detail-totals' },
      h('span', {}, tNodes('board.servedToday', { n: num(fmtInt(detail.servedToday)) })),
      h('span', {}, tNodes('board.throughput', { n: num(fmtRate(detail.throughputPerMinute)) }))),
    lanes.length === 0
      ? h('p', { class: 'detail-note', text: t('board.noLanes') })
      : h('ul', { class: 'lane-list', 'aria-label': t('board.lanesHeading') }, lanes.map(renderLane)),
    accuracy ? h('p', { class: 'detail-accuracy', 'data-testid': 'accuracy', text: accuracy }) : null,
    state.forecast?.siteId === id ? bestTimeSection(state.forecast.forecast) : null,
  ].filter(Boolean));
}

// ---- controls ----

function renderAreaOptions() {
  const areas = [...new Set([...state.sites.values()].map((s) => s.area).filter(Boolean))]
    .sort((a, b) => areaName(a).localeCompare(areaName(b), getLang() === 'en' ? 'en' : 'zh-CN'));
  if (state.area && !areas.includes(state.area) && state.loaded) state.area = '';
  const options = [h('option', { value: '', text: t('board.allAreas') }),
    ...areas.map((a) => h('option', { value: a, text: areaName(a) }))];
  const signature = JSON.stringify([getLang(), areas]);
  if (el.area.dataset.signature !== signature) {
    el.area.dataset.signature = signature;
    el.area.replaceChildren(...options);
  }
  el.area.value = state.area;
}

function setArea(area) {
  state.area = area;
  el.area.value = area;
  try {
    localStorage.setItem(AREA_KEY, area);
  } catch {
    // Only a convenience.
  }
}

function setSort(mode) {
  state.sort = mode;
  setAttr(el.sortWait, 'aria-pressed', String(mode === 'wait'));
  setAttr(el.sortNear, 'aria-pressed', String(mode === 'near'));
}

function showGeoMessage(key) {
  el.geo.hidden = !key;
  setText(el.geo, key ? t(key) : '');
  el.geo.dataset.key = key ?? '';
}

async function sortNearMe() {
  if (state.position) {
    setSort('near');
    renderList();
    renderSummary(visibleSites(), true);
    return;
  }
  el.sortNear.disabled = true;
  showGeoMessage('board.geoLocating');
  try {
    state.position = await locate();
    showGeoMessage(null);
    setSort('near');
  } catch (error) {
    const reason = error.message;
    showGeoMessage(reason === 'denied' ? 'board.geoDenied' : reason === 'unsupported' ? 'board.geoUnsupported' : 'board.geoFailed');
    setSort('wait');
  } finally {
    el.sortNear.disabled = false;
  }
  renderList();
}

el.search.addEventListener('input', () => {
  state.query = el.search.value.trim();
  renderList();
  renderSummary(visibleSites(), true);
});
el.area.addEventListener('change', () => {
  setArea(el.area.value);
  renderList();
  renderSummary(visibleSites(), true);
});
el.sortWait.addEventListener('click', () => {
  setSort('wait');
  renderList();
  renderSummary(visibleSites(), true);
});
el.sortNear.addEventListener('click', sortNearMe);

function renderUpdated() {
  const text = state.lastDataAt == null
    ? (state.loadError ? t('board.notLive') : t('common.loading'))
    : `${live.isConnected() ? t('board.live') : t('board.notLive')} · ${t('board.updatedAgo', { ago: fmtAgo(Date.now() - state.lastDataAt) })}`;
  setText(el.updated, text);
}

// ---- data ----

let retryTimer = null;
async function loadSites() {
  clearTimeout(retryTimer);
  try {
    const list = await api.sites();
    mergeRows(list);
    live.markFresh();
  } catch {
    if (!state.loaded) {
      state.loadError = true;
      retryTimer = setTimeout(loadSites, 5000);
    }
  }
  renderAreaOptions();
  renderList();
  renderUpdated();
}

const live = createLive({
  onWatch: (method, [id]) => {
    if (method === 'WatchSite') versions.reset(id);
  },
  // Back from a dropped connection, the open site's forecast may be from before it.
  onConnected: () => forecasts.refresh(),
  handlers: {
    boardUpdated(list) {
      // The first push after WatchBoard holds every site, later ones only changed rows: merge by id.
      mergeRows(list);
      renderAreaOptions();
      renderList();
      renderUpdated();
    },
    siteUpdated: applyDetail,
  },
});

initI18n();
setSort('wait');
attachOffline(live, { poll: () => api.sites().then((list) => { mergeRows(list); renderList(); }) });
live.watch('WatchBoard');
loadSites();
setInterval(renderUpdated, 1000);
live.onState(renderUpdated);
onLangChange(() => {
  for (const row of rows.values()) row.signature = '';
  renderAreaOptions();
  renderList();
  renderSummary(visibleSites(), true);
  if (el.geo.dataset.key) showGeoMessage(el.geo.dataset.key);
  renderUpdated();
});
