// Resident board: every site by wait (or distance), live from the hub's board feed.
import { adviceShortText, adviceText, betterNearby } from './advice.js';
import { api } from './api.js';
import { bandMark, num, statusMark } from './bands.js';
import { serverNow } from './clock.js';
import { loadDistrictZone, onZoneChange } from './district-zone.js';
import {
  afterLoad, buildInRounds, h, reconcileChildren, setAttr, setText, slot,
} from './dom.js';
import {
  accuracyText, breakText, briefRangeText, greenRange, laneRange, likelyText, rangeText, siteRange,
} from './estimates.js';
import {
  areaName, fmtAgo, fmtInt, fmtKm, fmtMinutesValue, fmtRate, isGreenLane, isGreenName, laneName,
  compareText, searchKey, siteName,
} from './format.js';
import { freshnessLine, isStale, markStale } from './freshness.js';
import { directionsUrl, haversineKm, locate } from './geo.js';
import { getLang, initI18n, onLangChange, t, tNodes } from './i18n.js';
import { createLive } from './live.js';
import {
  createFieldVersions, drawnFrom, mergeChanges, mergeRead, mergeRow, mergeRows as mergeInto,
} from './site-rows.js';
import {
  bestLane, isResting, isServing, isServingSite, laneShownStatus, nextOpeningText, restingText, siteBand,
} from './site-state.js';
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
  // Only sites with a green lane open (for the elderly, children and people with disabilities).
  greenOnly: false,
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
  greenFilter: document.getElementById('green-filter'),
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

function tookData() {
  state.loaded = true;
  state.loadError = false;
  state.lastDataAt = Date.now();
}

function mergeRows(list) {
  const changed = mergeInto(state.sites, list);
  tookData();
  return changed;
}

function distanceOf(site) {
  if (!state.position || site.latitude == null || site.longitude == null) return null;
  return haversineKm(state.position.latitude, state.position.longitude, site.latitude, site.longitude);
}

function matches(site) {
  if (state.area && site.area !== state.area) return false;
  if (state.greenOnly && site.greenLaneOpen !== true) return false;
  if (!state.query) return true;
  const q = searchKey(state.query);
  return [site.name, site.nameEn, site.area, areaName(site.area)].some((s) => searchKey(s).includes(q));
}

// Closed sites last; then the nearest, or the shortest fresh wait (numbers that may be out of date never count as the
// shortest), the shorter queue, and the name.
function compare(a, b) {
  return a.closed - b.closed
    || a.first - b.first
    || a.wait - b.wait
    || a.queue - b.queue
    || compareText(a.name, b.name);
}

// Each site's place is read once per sort, not once per comparison: a district's sort compares thousands of pairs, and
// the clock cannot move under it.
function visibleSites(now = serverNow()) {
  const near = state.sort === 'near' && state.position;
  const keyed = [];
  for (const site of state.sites.values()) {
    if (!matches(site)) continue;
    // With the green-lane filter on, sites go by their green lane's wait.
    const wait = (state.greenOnly ? site.greenWaitMinutes : site.waitMinutes) ?? Infinity;
    keyed.push({
      site,
      closed: isServingSite(site) ? 0 : 1,
      first: near ? (distanceOf(site) ?? 0) : (isStale(site, now) ? 1 : 0),
      wait: Number.isNaN(wait) ? 0 : wait,
      queue: site.queueLength,
      name: siteName(site),
    });
  }
  return keyed.sort(compare).map((k) => k.site);
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
  // The age lines outlive re-renders, so that the ticker can keep them current between pushes.
  const row = {
    li, button, detail, shown: null, stale: false, opening: '',
    fresh: freshnessLine({ testid: 'row-freshness', className: 'row-fresh' }),
    viewFresh: freshnessLine({ testid: 'site-freshness', tag: 'p', className: 'detail-fresh' }),
    name: h('span', { class: 'row-name' }),
    meta: h('span', { class: 'row-meta' }),
    // An arrival moves a row's queue and often its wait: their numbers are written in place, and the other parts
    // are built again only when what they say changes.
    queue: slot(),
    lanes: slot(),
    green: slot(),
    advice: slot(),
    wait: slot(),
    range: slot(),
    band: slot(),
  };
  button.append(
    h('span', { class: 'row-info' },
      row.name,
      row.meta,
      h('span', { class: 'row-facts' }, row.queue.node, row.lanes.node, row.green.node),
      row.fresh.el,
      row.advice.node),
    h('span', { class: 'row-wait' }, row.wait.node, row.range.node, row.band.node));
  rows.set(id, row);
  return row;
}

// A crowded row names a faster site nearby in a few words; the full advice is in the site's own view.
function rowAdvice(site, band, all) {
  return band === 'crowded' ? betterNearby(site, all) : null;
}

function renderRow(site, all, now) {
  const row = rows.get(site.id) ?? createRow(site.id);
  const distance = distanceOf(site);
  const band = siteBand(site);
  const advice = adviceShortText(rowAdvice(site, band, all));
  // The open site's view shows advice drawn from the other rows, so their changes must reach it too.
  const detailAdvice = state.expandedId === site.id ? adviceText(betterNearby(detailOf(site.id), all)) : '';
  const stale = row.fresh.update(site, now);
  // The clock alone changes these, so the ticker compares them with what the row shows.
  const opening = nextOpeningText(site);
  const lang = getLang();
  const shown = [site, distance == null ? null : Math.round(distance * 100), lang, advice, detailAdvice, stale, opening];
  if (drawnFrom(row.shown, shown)) return row;
  row.shown = shown;
  row.stale = stale;
  row.opening = opening;
  const className = `site-row band-${band}${state.expandedId === site.id ? ' expanded' : ''}${stale ? ' is-stale' : ''}`;
  if (row.li.className !== className) row.li.className = className;
  markStale(row.li, stale);

  const meta = [areaName(site.area)];
  if (distance != null) meta.push(fmtKm(distance));
  const resting = isResting(site);
  setText(row.name, siteName(site));
  setText(row.meta, meta.join(' · '));
  const queue = row.queue.show(lang, () => {
    row.queueNumber = num('');
    return h('span', { class: 'fact', 'data-testid': 'row-queue' }, tNodes('board.queued', { n: row.queueNumber }));
  });
  setAttr(queue, 'data-value', String(site.queueLength));
  setText(row.queueNumber, fmtInt(site.queueLength));
  // Resting, every lane is shut: when it opens again is what a resident needs instead.
  row.lanes.show(resting ? `resting ${opening}` : `${lang} ${site.openLanes} ${site.totalLanes}`, () => {
    if (resting) return opening ? h('span', { class: 'fact fact-opening', 'data-testid': 'row-opening', text: opening }) : null;
    return h('span', { class: 'fact' }, tNodes('board.lanesOpen', {
      open: num(fmtInt(site.openLanes)), total: num(fmtInt(site.totalLanes)),
    }));
  });
  const greenBrief = briefRangeText(greenRange(site));
  row.green.show(`${lang} ${site.greenLaneOpen} ${site.greenWaitMinutes} ${greenBrief}`, () => (site.greenLaneOpen
    ? h('span', { class: 'fact fact-green' },
      h('span', { class: 'green-badge', text: t('board.greenLane') }),
      ' ',
      site.greenWaitMinutes == null
        ? t('board.greenOpen')
        : [tNodes('board.greenWait', { n: num(fmtMinutesValue(site.greenWaitMinutes)) }),
          // Inside a row's facts a range stays short, so that the facts still fit a phone's width.
          greenBrief ? h('span', { class: 'fact-range', text: greenBrief }) : null])
    : h('span', { class: 'fact fact-green fact-muted', text: t('board.greenClosed') })));
  row.advice.show(advice, () => (advice ? h('span', { class: 'row-advice', 'data-testid': 'row-advice', text: advice }) : null));
  const waiting = site.waitMinutes != null && !resting;
  row.wait.show(waiting ? lang : 'none', () => {
    if (!waiting) return h('span', { class: 'wait-value wait-none', 'aria-hidden': 'true', text: '—' });
    row.waitNumber = num('', 'wait-number');
    return h('span', { class: 'wait-value' },
      h('span', { class: 'visually-hidden', text: t('board.waitA11y') }),
      row.waitNumber,
      h('span', { class: 'wait-unit', text: t('unit.minShort') }));
  });
  if (waiting) setText(row.waitNumber, fmtInt(site.waitMinutes));
  const likely = likelyText(siteRange(site));
  row.range.show(likely, () => (likely ? h('span', { class: 'wait-range', 'data-testid': 'row-wait-range', text: likely }) : null));
  row.band.show(`${lang} ${band}`, () => bandMark(band));
  if (state.expandedId === site.id) renderDetail(site.id);
  return row;
}

// "约 12 分钟", or "约 12 分钟 · 10–15 分钟" when the server gives a range around it.
function waitWords(key, minutes, range) {
  const n = num(fmtMinutesValue(minutes));
  return range ? tNodes('wait.withRange', { n, range: rangeText(range) }) : tNodes(key, { n });
}

// A district's board is a thousand rows; a phone builds a few screens of them a task (dom.js).
const rowRound = buildInRounds(40, () => renderList());

function renderList() {
  const now = serverNow();
  const sites = visibleSites(now);
  // Advice weighs every site, not only those the filters show: a resident can walk to any of them.
  const all = [...state.sites.values()];
  const nodes = rowRound()(sites, (site) => rows.has(site.id), (site) => renderRow(site, all, now).li);
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
  setGreenOnly(false);
  setArea('');
  renderList();
  el.search.focus();
}

// ---- summary for screen readers (polite; only re-announced when its words change) ----

let summaryShownAt = 0;
let summaryTimer = null;

function summaryText(visible) {
  if (!state.loaded) return '';
  const open = visible.filter(isServingSite);
  if (visible.length === 0) return state.sites.size === 0 ? t('board.emptyTitle') : t('board.noMatchTitle');
  if (open.length === 0) return t('board.summaryNoneOpen', { total: fmtInt(visible.length) });
  const now = serverNow();
  const fresh = open.filter((s) => !isStale(s, now));
  if (fresh.length === 0) return t('board.summaryNoneFresh', { open: fmtInt(open.length) });
  // The green lanes' wait with the green filter on, as the list is sorted; a site where only the green lane serves has
  // no standard wait to compare.
  const waitOf = (s) => (state.greenOnly ? s.greenWaitMinutes : s.waitMinutes);
  const waited = fresh.filter((s) => waitOf(s) != null);
  if (waited.length === 0) {
    return open.every((s) => siteBand(s) === 'green')
      ? t('board.summaryGreenOnly', { open: fmtInt(open.length) })
      : t('board.summaryNoneFresh', { open: fmtInt(open.length) });
  }
  const best = waited.reduce((a, b) => (waitOf(b) < waitOf(a) ? b : a));
  return t('board.summary', {
    open: fmtInt(open.length), total: fmtInt(visible.length), wait: fmtInt(waitOf(best)), name: siteName(best),
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
  openForecast(id);
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
    bestTime?.feed.close();
  }
}

// "Best time to come" is for a site someone opens: its modules (the forecast, its words and its chart) come once the
// page is up, not before its first row, or at once when a site is opened sooner.
let bestTime = null; // { section, feed } once its modules are in
let bestTimeLoading = null;
function loadBestTime() {
  bestTimeLoading ??= Promise.all([import('./forecast.js'), import('./best-time.js')]).then(
    ([{ createForecastFeed }, { bestTimeSection }]) => {
      bestTime = {
        section: bestTimeSection,
        feed: createForecastFeed((id, forecast) => {
          state.forecast = forecast && { siteId: id, forecast };
          if (state.expandedId === id) renderDetail(id);
        }),
      };
      return bestTime;
    },
    (error) => {
      // Asked again on the next opening: the network may be back.
      bestTimeLoading = null;
      throw error;
    },
  );
  return bestTimeLoading;
}

// Without its modules (no network) a site opens without its best time, as when its forecast cannot be read.
function openForecast(id) {
  loadBestTime().then((loaded) => {
    if (state.expandedId === id) loaded.feed.open(id);
  }, () => {});
}

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

// A serving lane shows its wait and the pace that wait comes from (queue ÷ pace ≈ wait); any other lane only its
// state word, since a paused or closed lane has neither.
function renderLane(lane, site) {
  const shown = laneShownStatus(lane, site);
  const serving = isServing(lane, site);
  const pause = serving ? breakText(lane) : '';
  let wait = null;
  if (serving) {
    wait = h('span', { class: 'lane-fact lane-fact-wait' },
      h('span', { 'data-testid': 'lane-wait' }, waitWords('board.laneWait', lane.waitMinutes, laneRange(lane))),
      h('span', { class: 'lane-pace', 'data-testid': 'lane-pace' }, tNodes('lane.pace', { n: num(fmtRate(lane.throughputPerMinute)) })));
  } else if (shown === 'open') {
    wait = h('span', { class: 'lane-fact lane-fact-wait', 'data-testid': 'lane-wait', text: t('board.laneNoWait') });
  }
  return h('li', { class: `lane-item lane-${shown}`, dataset: { laneId: lane.id, status: shown } },
    h('span', { class: 'lane-title' },
      h('span', { class: 'lane-name', text: laneName(lane) }),
      isGreenLane(lane) && !isGreenName(laneName(lane)) ? h('span', { class: 'green-badge', text: t('board.greenLane') }) : null),
    statusMark(shown, { testid: 'lane-status' }),
    h('span', { class: 'lane-fact' }, tNodes('board.queued', { n: num(fmtInt(lane.queueLength)) })),
    wait,
    pause ? h('span', { class: 'lane-note', 'data-testid': 'lane-pause', text: pause }) : null);
}

// The site view's first line: the wait of the lane to join, said to be that lane's, so that it never reads as the
// whole queue over the whole site's pace; or why there is none.
function headline(detail) {
  if (isResting(detail)) return restingText(detail);
  const best = bestLane(detail, 'standard');
  if (best) {
    const range = laneRange(best);
    return [tNodes('board.fastestLane', { n: num(fmtMinutesValue(best.waitMinutes)) }),
      range ? h('span', { class: 'headline-range', text: ` · ${likelyText(range)}` }) : null];
  }
  return bestLane(detail, 'green') ? t('board.onlyGreenOpen') : t('board.noLaneOpen');
}

function directionsLink(site) {
  const href = directionsUrl(site, siteName(site));
  if (!href) return null;
  return h('a', {
    class: 'btn btn-secondary directions', href, target: '_blank', rel: 'noopener', 'data-testid': 'site-directions',
    dataset: { focusKey: 'directions' },
  }, h('span', { class: 'directions-icon', 'aria-hidden': 'true' }), t('board.directions'),
  h('span', { class: 'visually-hidden', text: t('board.directionsHint') }));
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
  markStale(row.detail, row.viewFresh.update(detail));
  // Pushes redraw the view every few seconds; a keyboard user on its link must not be thrown back to the top.
  const focused = row.detail.contains(document.activeElement) ? document.activeElement.dataset.focusKey : null;
  row.detail.replaceChildren(...[
    h('div', { class: 'detail-head' },
      h('p', { class: 'detail-headline', 'data-testid': 'site-headline' }, headline(detail)),
      directionsLink(detail)),
    row.viewFresh.el,
    advice ? h('p', { class: 'detail-advice', 'data-testid': 'advice', text: advice }) : null,
    h('p', { class: 'detail-totals' },
      h('span', {}, tNodes('board.servedToday', { n: num(fmtInt(detail.servedToday)) })),
      // The lanes' paces added up, said to be so; with no lane serving there is no pace to add.
      lanes.some((lane) => isServing(lane, detail))
        ? h('span', { 'data-testid': 'site-pace' }, tNodes('board.sitePace', { n: num(fmtRate(detail.throughputPerMinute)) }))
        : null),
    lanes.length === 0
      ? h('p', { class: 'detail-note', text: t('board.noLanes') })
      : h('ul', { class: 'lane-list', 'aria-label': t('board.lanesHeading') }, lanes.map((lane) => renderLane(lane, detail))),
    accuracy ? h('p', { class: 'detail-accuracy', 'data-testid': 'accuracy', text: accuracy }) : null,
    state.forecast?.siteId === id ? bestTime.section(state.forecast.forecast) : null,
  ].filter(Boolean));
  if (focused) row.detail.querySelector(`[data-focus-key="${focused}"]`)?.focus({ preventScroll: true });
}

// ---- controls ----

// A change while the page is open that moves the chosen area's last site away keeps the choice (the
// list then says nothing matches and offers to clear it) rather than widening the list under the
// resident's thumb; only the page's first board drops a remembered area no site is in any more.
function renderAreaOptions({ dropUnknown = false } = {}) {
  const held = new Set([...state.sites.values()].map((s) => s.area).filter(Boolean));
  if (state.area && !held.has(state.area)) {
    if (dropUnknown && state.loaded) state.area = '';
    else held.add(state.area);
  }
  const areas = [...held].sort((a, b) => compareText(areaName(a), areaName(b)));
  const signature = JSON.stringify([getLang(), areas]);
  if (el.area.dataset.signature !== signature) {
    el.area.dataset.signature = signature;
    el.area.replaceChildren(h('option', { value: '', text: t('board.allAreas') }),
      ...areas.map((a) => h('option', { value: a, text: areaName(a) })));
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

function setGreenOnly(on) {
  state.greenOnly = on;
  setAttr(el.greenFilter, 'aria-pressed', String(on));
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
el.greenFilter.addEventListener('click', () => {
  setGreenOnly(!state.greenOnly);
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

// Ages tick by the clock alone, and with them whether a site may be out of date or opens "today" rather than
// "tomorrow": the lines are kept current here, and the list is redrawn (and re-sorted) only when a verdict changes.
function tickSites() {
  const now = serverNow();
  let changed = false;
  for (const [id, row] of rows) {
    const site = state.sites.get(id);
    // A row the filters hide is drawn again when it shows.
    if (!site || !row.li.isConnected) continue;
    if (row.fresh.update(site, now) !== row.stale || nextOpeningText(site) !== row.opening) changed = true;
  }
  if (changed) renderList();
  // The open view follows its own picture, which may be a push ahead of its row.
  const id = state.expandedId;
  const row = id && rows.get(id);
  const detail = id && state.details.get(id);
  if (row && detail && row.viewFresh.update(detail, now) !== (row.detail.dataset.stale === 'true')) renderDetail(id);
}

// ---- data ----

let retryTimer = null;
// The board's version the page holds (the read's ETag, then each push's), for the hub to send only
// what changed since: a district's whole board is about 256 KB over the uncompressed socket, where
// the read that came first took 17 KB compressed. Null or unknown to the server: the whole board.
let boardVersion = null;
const fieldVersions = createFieldVersions();

function readBoard() {
  return api.board().then(({ body, version }) => {
    mergeRead(state.sites, body, version, fieldVersions);
    tookData();
    boardVersion = version ?? boardVersion;
  });
}

async function loadSites() {
  clearTimeout(retryTimer);
  try {
    await readBoard();
    live.markFresh();
  } catch {
    if (!state.loaded) {
      state.loadError = true;
      retryTimer = setTimeout(loadSites, 5000);
    }
  }
  renderBoard({ dropUnknown: true });
}

// The list and what frames it, after the rows changed.
function renderBoard(areaOptions) {
  renderAreaOptions(areaOptions);
  renderList();
  renderUpdated();
}

// A push naming sites not held reads the board again, once at a time: pushes come every second and a
// district's board can take longer than that to read on a poor connection.
let reading = null;
function readBoardForNewSites() {
  reading ??= readBoard()
    .then(() => {
      live.markFresh();
      renderBoard();
    })
    // Until it is read, the version held stays from before the new site, so a reconnect asks for it too.
    .catch(() => setTimeout(readBoardForNewSites, 5000))
    .finally(() => {
      reading = null;
    });
}

const live = createLive({
  // A minute of a district's pushes costs a phone more than what changed meanwhile, taken on return.
  pauseWhenHiddenMs: 60000,
  onWatch: (method, [id]) => {
    if (method === 'WatchSite') versions.reset(id);
  },
  // Back from a dropped or paused connection, the open site's forecast may be from before it. The rows
  // need no read: the watch names the version held and is answered with every field changed since.
  onConnected: () => bestTime?.feed.refresh(),
  handlers: {
    // The whole board, when the page named no version (its first read failed).
    boardUpdated(list) {
      mergeRows(list);
      renderBoard({ dropUnknown: true });
    },
    // Later pushes hold only the changed rows, compact (a phone on a district's board would otherwise
    // take every site's full row every second).
    boardChanged(changes) {
      const { unknown } = mergeChanges(state.sites, changes, fieldVersions);
      tookData();
      if (unknown.length) readBoardForNewSites();
      else boardVersion = changes.version ?? boardVersion;
      // A push may carry a site's new area; the options are rebuilt only when the set of areas differs.
      renderBoard();
    },
    siteUpdated: applyDetail,
  },
});

initI18n();
loadDistrictZone();
setSort('wait');
setGreenOnly(false);
// The open site's lanes too: its row alone would move on while its lanes still showed what they were.
attachOffline(live, {
  poll: () => Promise.all([
    readBoard().then(() => renderBoard()),
    state.expandedId ? api.site(state.expandedId).then(applyDetail, () => {}) : null,
  ]),
});
// The watch waits for the first read, so that it starts from the read's version, not the whole board.
loadSites().finally(() => live.watch('WatchBoardPacked', () => boardVersion));
afterLoad(() => loadBestTime().catch(() => {}));
setInterval(() => {
  renderUpdated();
  tickSites();
}, 1000);
live.onState(renderUpdated);
// Opening times and the open site's best times are written in the district's clock.
onZoneChange(() => {
  for (const row of rows.values()) row.shown = null;
  renderList();
});
onLangChange(() => {
  for (const row of rows.values()) row.shown = null;
  renderAreaOptions();
  renderList();
  renderSummary(visibleSites(), true);
  if (el.geo.dataset.key) showGeoMessage(el.geo.dataset.key);
  renderUpdated();
});
