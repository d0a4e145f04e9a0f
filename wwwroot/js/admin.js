// Command-centre administration (/command/admin): sites and their configuration, lead codes with
// printable sign-in cards, district import / export and daily reports. Every call but the site
// list needs the admin token (admin-session.js, shared with the daily summary page).
import { api } from './api.js';
import { h, reconcileChildren, saveFile, setAttr, setText } from './dom.js';
import {
  areaName, compareText, fmtInt, searchKey, siteName,
} from './format.js';
import { recentDays } from './district-days.js';
import { loadDistrictZone, onZoneChange } from './district-zone.js';
import { getLang, initI18n, onLangChange, t } from './i18n.js';
import { createLeadCodes } from './admin-codes.js';
import { createAdminSession } from './admin-session.js';
import { createEditor } from './admin-editor.js';
import {
  failureMessage, failureText, rewordFieldErrors, setFieldError, writeMessage,
} from './admin-errors.js';
import { createTransfer } from './admin-transfer.js';

const byId = (id) => document.getElementById(id);

const el = {
  status: byId('admin-status'),
  loading: byId('admin-loading'),
  workspace: byId('workspace'),
  sitesHeading: byId('sites-heading'),
  newSite: byId('new-site'),
  filter: byId('site-filter'),
  reportDate: byId('report-date'),
  reportDateError: byId('report-date-error'),
  districtReport: byId('district-report'),
  summaryLink: byId('summary-link'),
  sitesState: byId('sites-state'),
  rows: byId('site-rows'),
};

const state = {
  sites: new Map(),
  loaded: false,
  loadError: null,
  filter: '',
  status: null,
};

// ---- status line: confirmations and failures of the last action ----

let statusTimer = null;

function announce(message, { error = false } = {}) {
  state.status = { message, error };
  clearTimeout(statusTimer);
  // Emptied first, so that the same words twice are announced twice.
  el.status.textContent = '';
  statusTimer = setTimeout(renderStatus, 50);
}

function renderStatus() {
  const s = state.status;
  // Always in the page (an empty line takes no room), so that screen readers hear each new message.
  el.status.classList.toggle('is-error', Boolean(s?.error));
  if (s) writeMessage(el.status, s.message);
  else setText(el.status, '');
}

// ---- signing in and out ----

const session = createAdminSession({
  workspace: el.workspace,
  loading: el.loading,
  enter({ focus }) {
    renderSites();
    loadSites();
    if (focus) el.sitesHeading.focus();
    editor.resume();
  },
  leave({ expired }) {
    if (expired) editor.suspend();
    else editor.close({ restoreFocus: false });
    codes.close({ restoreFocus: false });
    transfer.reset();
    const dialog = byId('revoke-dialog');
    if (dialog.open) dialog.close('cancel');
    clearTimeout(statusTimer);
    state.status = null;
    renderStatus();
  },
});

// ---- shared with the editor, lead codes and import ----

const ctx = {
  token: () => session.token(),
  authLost: () => session.expired(),
  announce,
  hasSite: (id) => state.sites.has(id),
  refreshSites: () => loadSites(),
  fallbackFocus: () => el.sitesHeading.focus(),
  saved(siteId, snapshot, config) {
    const { lanes, ...summary } = snapshot ?? {};
    state.sites.set(siteId, {
      ...state.sites.get(siteId),
      id: siteId,
      name: config.name,
      nameEn: config.nameEn,
      area: config.area,
      totalLanes: lanes?.length ?? config.lanes.length,
      ...summary,
    });
    const site = state.sites.get(siteId);
    if (!matches(site)) {
      state.filter = '';
      el.filter.value = '';
    }
    renderSites();
    announce({ key: 'admin.saved', params: { name: siteName(site), id: siteId } });
    rowEls.get(siteId)?.actions.edit.focus();
    loadSites();
  },
};

const editor = createEditor(ctx);
const codes = createLeadCodes(ctx);
const transfer = createTransfer(ctx);

// ---- the site list ----

const rowEls = new Map();

async function loadSites() {
  try {
    const rows = await api.sites();
    // Merged, never replaced: a site saved a moment ago may not have reached the board yet.
    for (const row of rows ?? []) state.sites.set(row.id, { ...state.sites.get(row.id), ...row });
    state.loaded = true;
    state.loadError = null;
  } catch (error) {
    state.loadError = error;
  }
  renderSites();
}

function matches(site) {
  if (!state.filter) return true;
  const key = searchKey(state.filter);
  return [site.id, site.name, site.nameEn, site.area, areaName(site.area)].some((text) => searchKey(text ?? '').includes(key));
}

function actionButton(action, key, testid) {
  return h('button', {
    type: 'button', class: 'btn btn-secondary btn-small', dataset: { action }, 'data-testid': testid, 'data-i18n': key, text: t(key),
  });
}

function renderRow(site) {
  let row = rowEls.get(site.id);
  if (!row) {
    row = {
      name: h('span', { class: 'site-name' }),
      other: h('span', { class: 'site-name-other' }),
      id: h('td', { role: 'cell', class: 'mono', text: site.id }),
      area: h('td', { role: 'cell' }),
      lanes: h('td', { role: 'cell', class: 'num' }),
      actions: {
        edit: actionButton('edit', 'admin.edit', 'edit-site'),
        issue: actionButton('issue', 'admin.issueCode', 'issue-code'),
        revoke: actionButton('revoke', 'admin.revokeCodes', 'revoke-codes'),
        report: actionButton('report', 'admin.siteReport', 'site-report'),
      },
      signature: '',
    };
    // Explicit roles: below desk size the rows are laid out as cards, and a table's cells restyled so lose their table
    // semantics in some browsers.
    row.tr = h('tr', { role: 'row', class: 'site-row', 'data-testid': 'admin-site-row', dataset: { siteId: site.id } },
      h('th', { scope: 'row', role: 'rowheader' }, row.name, row.other),
      row.id,
      row.area,
      row.lanes,
      h('td', { role: 'cell', class: 'row-actions-cell' }, h('div', { class: 'row-buttons' }, ...Object.values(row.actions))));
    rowEls.set(site.id, row);
  }
  const signature = JSON.stringify([site.name, site.nameEn, site.area, site.openLanes, site.totalLanes, getLang()]);
  if (row.signature === signature) return row.tr;
  row.signature = signature;
  const name = siteName(site);
  const other = getLang() === 'en' ? site.name : site.nameEn;
  setText(row.name, name);
  setText(row.other, other && other !== name ? other : '');
  setAttr(row.other, 'lang', getLang() === 'en' ? 'zh-CN' : 'en');
  setText(row.area, areaName(site.area));
  // A card names each fact itself, where the table's column headings are out of sight.
  setAttr(row.id, 'data-label', t('admin.colId'));
  setAttr(row.area, 'data-label', t('admin.colArea'));
  setAttr(row.lanes, 'data-label', t('admin.colLanes'));
  setText(row.lanes, site.totalLanes == null ? '—'
    : t('admin.lanesOpenOfTotal', { open: fmtInt(site.openLanes ?? 0), total: fmtInt(site.totalLanes) }));
  setAttr(row.actions.edit, 'aria-label', t('admin.editLabel', { name }));
  setAttr(row.actions.issue, 'aria-label', t('admin.issueCodeLabel', { name }));
  setAttr(row.actions.revoke, 'aria-label', t('admin.revokeCodesLabel', { name }));
  setAttr(row.actions.report, 'aria-label', t('admin.siteReportLabel', { name }));
  return row.tr;
}

function renderSites() {
  const visible = [...state.sites.values()].filter(matches)
    .sort((a, b) => compareText(siteName(a), siteName(b)) || a.id.localeCompare(b.id));
  reconcileChildren(el.rows, visible.map(renderRow));
  let message;
  if (!state.loaded) message = state.loadError ? t('admin.sitesLoadFailed', { reason: failureText(state.loadError) }) : t('common.loading');
  else if (state.sites.size === 0) message = t('admin.noSites');
  else if (visible.length === 0) message = t('admin.noMatch');
  else if (state.filter) message = t('admin.siteCountFiltered', { n: fmtInt(visible.length), total: fmtInt(state.sites.size) });
  else message = t('admin.siteCount', { n: fmtInt(state.sites.size) });
  setText(el.sitesState, message);
}

el.rows.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-action]');
  const site = button && state.sites.get(button.closest('tr')?.dataset.siteId);
  if (!site) return;
  switch (button.dataset.action) {
    case 'edit':
      editor.openEdit(site, button);
      break;
    case 'issue':
      codes.issue(site, button);
      break;
    case 'revoke':
      codes.revoke(site, button);
      break;
    case 'report':
      downloadReport(site, button);
      break;
    default:
      break;
  }
});

el.newSite.addEventListener('click', () => editor.openNew(el.newSite));
el.filter.addEventListener('input', () => {
  state.filter = el.filter.value.trim();
  renderSites();
});

// ---- reports ----

function reportDate() {
  const value = el.reportDate.value;
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(value);
  setFieldError(el.reportDate, el.reportDateError, ok ? [] : [{ key: 'admin.reportDateInvalid' }]);
  if (!ok) el.reportDate.focus();
  return ok ? value : null;
}

async function downloadReport(site, trigger) {
  const date = reportDate();
  if (!date) return;
  trigger.disabled = true;
  try {
    const token = session.token();
    const file = site ? await api.siteReport(site.id, token, date) : await api.districtReport(token, date);
    saveFile(file.blob, file.fileName || (site ? `report-${site.id}-${date}.csv` : `report-${date}.csv`));
    announce(site
      ? { key: 'admin.reportSaved', params: { name: siteName(site), date } }
      : { key: 'admin.districtReportSaved', params: { date } });
  } catch (error) {
    if (error.status === 401) {
      ctx.authLost();
      return;
    }
    announce({ key: 'admin.reportFailed', params: { reason: failureMessage(error) } }, { error: true });
    // A day the server does not keep: said next to the date picker too.
    const dateErrors = error.status === 400 ? error.problem?.errors?.date : null;
    if (dateErrors) {
      setFieldError(el.reportDate, el.reportDateError, Array.isArray(dateErrors) ? dateErrors : [dateErrors]);
      el.reportDate.focus();
    }
  } finally {
    trigger.disabled = false;
    if (trigger.isConnected && !trigger.closest('[hidden]') && document.activeElement === document.body) trigger.focus();
  }
}

el.districtReport.addEventListener('click', () => downloadReport(null, el.districtReport));

// The printable summary opens on the day chosen here.
function renderSummaryLink() {
  const date = el.reportDate.value;
  el.summaryLink.href = /^\d{4}-\d{2}-\d{2}$/.test(date) ? `/command/summary?date=${date}` : '/command/summary';
}

el.reportDate.addEventListener('input', renderSummaryLink);

// ---- start-up ----

// The days the server keeps, by its clock and the district's zone, not this device's; today by
// default. Checked again every 10 s (the server's clock is learnt from the first answers), so a page
// left open over midnight offers the new day and moves to it unless another day was chosen.
function renderReportDays() {
  const days = recentDays();
  const followsToday = !el.reportDate.value || el.reportDate.value === el.reportDate.max;
  el.reportDate.max = days[0];
  el.reportDate.min = days[days.length - 1];
  if (followsToday) el.reportDate.value = days[0];
  renderSummaryLink();
}

initI18n();
renderReportDays();
onZoneChange(renderReportDays);
loadDistrictZone();
setInterval(renderReportDays, 10_000);
renderStatus();
session.start();

onLangChange(() => {
  renderSites();
  renderStatus();
  rewordFieldErrors();
});
