// The printable daily summary (/command/summary): one district day on one or two A4 pages for the district's
// superiors. Signed in with the admin token as on the administration page (admin-session.js). The day is one of
// the last 7, chosen here or given as ?date= so that a summary can be linked; without one, the district's today.
import { api } from './api.js';
import { serverNow } from './clock.js';
import { h, setAttr, setText } from './dom.js';
import { DASH, fmtCount, fmtInt, fmtRate } from './format.js';
import { getLang, initI18n, onLangChange, t } from './i18n.js';
import { failureMessage, messageText } from './admin-errors.js';
import { createAdminSession } from './admin-session.js';
import {
  DISTRICT_TIME_ZONE, dayLongText, dayShortText, instantText, isDay, isTimeZone, recentDays,
} from './district-days.js';
import { renderCharts } from './summary-charts.js';
import { calloutText, hoursText, siteRows } from './summary-sites.js';

const byId = (id) => document.getElementById(id);

const el = {
  workspace: byId('workspace'),
  status: byId('summary-status'),
  date: byId('summary-date'),
  print: byId('summary-print'),
  report: byId('report'),
  reportDate: byId('report-date'),
  reportMeta: byId('report-meta'),
  figures: byId('figures'),
  callout: byId('callout'),
  charts: { flow: byId('chart-flow'), queue: byId('chart-queue'), wait: byId('chart-wait') },
  siteRows: byId('site-rows'),
  sitesEmpty: byId('sites-empty'),
};

const asked = new URLSearchParams(location.search).get('date');

const state = {
  // The chosen day; null asks the server for its today, whose date comes back with the answer.
  date: isDay(asked) ? asked : null,
  timeZone: DISTRICT_TIME_ZONE,
  report: null,
  receivedAt: null,
  loading: false,
  error: null,
  // The newest request; the answer to an older one is dropped.
  seq: 0,
};

// ---- the answer, read defensively: a missing figure is shown as missing, never as 0 ----

const figure = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function readFigures(x) {
  return {
    arrived: figure(x?.arrived),
    served: figure(x?.served),
    peakQueue: figure(x?.peakQueue),
    meanWaitMinutes: figure(x?.meanWaitMinutes),
    longestWaitMinutes: figure(x?.longestWaitMinutes),
    laneMinutesOpen: figure(x?.laneMinutesOpen),
  };
}

const list = (value) => (Array.isArray(value) ? value : []);

function readReport(answer) {
  return {
    date: isDay(answer?.date) ? answer.date : state.date,
    timeZone: isTimeZone(answer?.timeZone) ? answer.timeZone : state.timeZone,
    district: readFigures(answer?.district),
    hours: list(answer?.district?.hours)
      .filter((x) => Number.isInteger(x?.hour))
      .map((x) => ({ hour: x.hour, ...readFigures(x) }))
      .sort((a, b) => a.hour - b.hour),
    sites: list(answer?.sites)
      .filter((s) => typeof s?.id === 'string')
      .map((s) => ({
        id: s.id,
        name: s.name ?? '',
        nameEn: s.nameEn ?? null,
        ...readFigures(s),
        lanes: list(s.lanes)
          .filter((l) => typeof l?.id === 'string')
          .map((l) => ({ id: l.id, name: l.name ?? '', kind: l.kind, minutesOpen: figure(l.minutesOpen) })),
      })),
  };
}

// ---- loading a day ----

async function load() {
  const mine = ++state.seq;
  // The day before goes at once: half a screen of another day's figures is worse than none while this one comes.
  Object.assign(state, { report: null, error: null, loading: true });
  render();
  let report = null;
  let error = null;
  try {
    report = readReport(await api.daySummary(session.token(), state.date));
  } catch (failure) {
    error = failure;
  }
  if (mine !== state.seq) return;
  if (error?.status === 401) {
    session.expired();
    return;
  }
  Object.assign(state, { loading: false, error, report, receivedAt: report ? serverNow() : null });
  if (report) {
    state.date = report.date;
    state.timeZone = report.timeZone;
  }
  render();
}

function choose(date) {
  state.date = date;
  // Kept in the address, so that a reload, a bookmark or a link shows the same day.
  const url = new URL(location.href);
  url.searchParams.set('date', date);
  history.replaceState(history.state, '', url);
  load();
}

// ---- the status line: loading, failures, and what is shown ----

function statusMessages() {
  if (state.loading) return [t('common.loading')];
  const { error, report } = state;
  if (error) {
    // The reason worded now (a title the server is known to send, in the page language), not as sent.
    const messages = [{ key: 'summary.failed', params: { reason: messageText(failureMessage(error)).text } }];
    const problem = error.problem;
    if (typeof problem?.detail === 'string' && problem.detail) messages.push(problem.detail);
    const dateErrors = problem?.errors?.date;
    messages.push(...(Array.isArray(dateErrors) ? dateErrors : dateErrors ? [dateErrors] : []));
    return messages;
  }
  return report ? [{ key: 'summary.shown', params: { date: dayShortText(report.date) } }] : [];
}

function renderStatus() {
  el.status.classList.toggle('is-error', Boolean(state.error) && !state.loading);
  // A part in the server's English is marked so, for screen readers; the rest is in the page language.
  const parts = statusMessages().map(messageText);
  const signature = JSON.stringify([parts, getLang()]);
  if (el.status.dataset.signature === signature) return;
  el.status.dataset.signature = signature;
  // Chinese sentences run on; English ones, the server's among them, are spaced.
  const spaced = (i) => getLang() === 'en' || parts[i].lang || parts[i - 1].lang;
  el.status.replaceChildren(...parts.flatMap(({ text, lang }, i) => [
    i > 0 && spaced(i) ? ' ' : null,
    h('span', { lang, text }),
  ]).filter(Boolean));
}

// ---- the day picker ----

function renderDays() {
  const days = recentDays(state.timeZone);
  const chosen = state.date ?? days[0];
  // A day from the address that this device's clock does not count among the last 7 is still offered and asked
  // for: the server's calendar has the last word, and says so when it does not keep that day.
  const offered = days.includes(chosen) ? days : [...days, chosen].sort().reverse();
  const signature = JSON.stringify([getLang(), offered, days[0]]);
  if (el.date.dataset.signature !== signature) {
    el.date.dataset.signature = signature;
    el.date.replaceChildren(...offered.map((day) => {
      const when = { [days[0]]: 'summary.today', [days[1]]: 'summary.yesterday' }[day];
      const text = when ? t('summary.dayOption', { date: dayShortText(day), when: t(when) }) : dayShortText(day);
      return h('option', { value: day, text });
    }));
  }
  if (el.date.value !== chosen) el.date.value = chosen;
}

// ---- the report ----

const FIGURES = [
  { field: 'arrived', key: 'summary.arrived', testid: 'summary-arrived', text: fmtCount, unit: 'unit.people' },
  { field: 'served', key: 'summary.served', testid: 'summary-served', text: fmtCount, unit: 'unit.people' },
  { field: 'peakQueue', key: 'summary.peakQueue', testid: 'summary-peak-queue', text: fmtCount, unit: 'unit.people' },
  { field: 'meanWaitMinutes', key: 'summary.meanWait', testid: 'summary-mean-wait', text: fmtRate, unit: 'unit.minShort' },
  { field: 'longestWaitMinutes', key: 'summary.longestWait', testid: 'summary-longest-wait', text: fmtInt, unit: 'unit.minShort' },
  { field: 'laneMinutesOpen', key: 'summary.laneHours', testid: 'summary-lane-hours', text: hoursText, unit: 'summary.laneHoursUnit' },
];

function renderFigures(district) {
  el.figures.replaceChildren(...FIGURES.map(({ field, key, testid, text, unit }) => {
    const value = district[field];
    return h('div', { class: 'figure' },
      h('dt', { text: t(key) }),
      h('dd', {},
        h('span', {
          class: 'num figure-value',
          'data-testid': testid,
          [field === 'laneMinutesOpen' ? 'data-minutes' : 'data-value']: value == null ? null : String(value),
          text: value == null ? DASH : text(value),
        }),
        value == null ? null : h('span', { class: 'figure-unit', text: t(unit) })));
  }));
}

function render() {
  renderDays();
  renderStatus();
  const { report } = state;
  el.report.hidden = !report;
  el.print.disabled = !report;
  document.title = report ? t('summary.documentTitle', { date: report.date }) : t('summary.pageTitle');
  setAttr(el.report, 'aria-busy', state.loading ? 'true' : null);
  if (!report) return;
  setText(el.reportDate, dayLongText(report.date));
  setText(el.reportMeta, [
    t('summary.timeZone', { zone: report.timeZone }),
    t('summary.generatedAt', { time: instantText(state.receivedAt, report.timeZone) }),
    report.date === recentDays(report.timeZone)[0] ? t('summary.todaySoFar') : null,
  ].filter(Boolean).join(' · '));
  renderFigures(report.district);
  setText(el.callout, calloutText(report.sites));
  renderCharts(el.charts, report.hours);
  el.siteRows.replaceChildren(...siteRows(report.sites));
  el.sitesEmpty.hidden = report.sites.length > 0;
}

// ---- signing in and out (the same token and form as the administration page) ----

const session = createAdminSession({
  workspace: el.workspace,
  enter({ focus }) {
    load();
    if (focus) el.date.focus();
  },
  leave() {
    Object.assign(state, { report: null, error: null, loading: false, receivedAt: null });
    state.seq += 1;
    render();
  },
});

el.date.addEventListener('change', () => {
  if (isDay(el.date.value)) choose(el.date.value);
});
el.print.addEventListener('click', () => window.print());

initI18n();
render();
session.start();

onLangChange(render);
