// Import and export of the whole district as one district.json (the demo district's format):
// export is GET /api/v1/district.json; import PUTs each site of a file in turn, with progress,
// a result per site, and a way to stop.
import { api } from './api.js';
import { h, saveFile, setText } from './dom.js';
import { fmtInt } from './format.js';
import { onLangChange, t } from './i18n.js';
import { ID_PATTERN } from './admin-editor.js';
import {
  failureMessage, setFieldError, writeMessage,
} from './admin-errors.js';

const byId = (id) => document.getElementById(id);
const MAX_RETRIES = 5;

// The sites of a district file, or the reason it cannot be imported (a message for writeMessage).
export function readDistrictFile(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: { key: 'admin.importNotJson' } };
  }
  if (!data || typeof data !== 'object' || !Array.isArray(data.sites)) return { error: { key: 'admin.importNoSites' } };
  if (data.sites.length === 0) return { error: { key: 'admin.importEmpty' } };
  const bad = [];
  const seen = new Set();
  for (const [i, site] of data.sites.entries()) {
    const id = site && typeof site === 'object' ? site.id : undefined;
    if (typeof id !== 'string' || !ID_PATTERN.test(id)) bad.push(fmtInt(i + 1));
    else if (seen.has(id)) return { error: { key: 'admin.importDuplicate', params: { id } } };
    else seen.add(id);
  }
  if (bad.length) {
    const shown = bad.length > 10 ? `${bad.slice(0, 10).join(', ')}, …` : bad.join(', ');
    return { error: { key: 'admin.importBadIds', params: { list: shown } } };
  }
  return { sites: data.sites };
}

/**
 * ctx: token(), authLost(), announce(message, { error }), refreshSites()
 */
export function createTransfer(ctx) {
  const el = {
    exportButton: byId('export'),
    file: byId('import-file'),
    fileError: byId('import-file-error'),
    ready: byId('import-ready'),
    start: byId('import-start'),
    cancel: byId('import-cancel'),
    progressBox: byId('import-progress-box'),
    progress: byId('import-progress'),
    progressText: byId('import-progress-text'),
    summary: byId('import-summary'),
    results: byId('import-results'),
  };
  const state = {
    sites: null, fileName: '', running: false, cancelled: false, wake: null, done: 0, outcome: null, items: [],
  };

  // ---- export ----

  el.exportButton.addEventListener('click', async () => {
    el.exportButton.disabled = true;
    try {
      const district = await api.district(ctx.token());
      const blob = new Blob([`${JSON.stringify(district, null, 2)}\n`], { type: 'application/json' });
      saveFile(blob, 'district.json');
      ctx.announce({ key: 'admin.exported', params: { n: fmtInt(district?.sites?.length ?? 0) } });
    } catch (error) {
      if (error.status === 401) ctx.authLost();
      else ctx.announce({ key: 'admin.exportFailed', params: { reason: failureMessage(error) } }, { error: true });
    } finally {
      el.exportButton.disabled = false;
    }
  });

  // ---- import ----

  function renderReady() {
    const n = state.sites?.length ?? 0;
    setText(el.start, n ? t('admin.importStart', { n: fmtInt(n) }) : t('admin.importStartNone'));
    el.start.disabled = state.running || n === 0;
    setText(el.ready, n && !state.running ? t('admin.importReady', { n: fmtInt(n), file: state.fileName }) : '');
  }

  function renderProgress() {
    const total = state.sites?.length ?? 0;
    el.progress.max = Math.max(1, total);
    el.progress.value = state.done;
    setText(el.progressText, `${fmtInt(state.done)} / ${fmtInt(total)}`);
    el.progress.setAttribute('aria-valuetext', t('admin.importProgressText', { done: fmtInt(state.done), total: fmtInt(total) }));
    if (state.outcome) setText(el.summary, t(state.outcome.key, state.outcome.params));
  }

  el.file.addEventListener('change', async () => {
    state.sites = null;
    setFieldError(el.file, el.fileError, []);
    const file = el.file.files?.[0];
    if (!file) {
      renderReady();
      return;
    }
    let text;
    try {
      text = await file.text();
    } catch {
      text = null;
    }
    const read = text == null ? { error: { key: 'admin.importUnreadable' } } : readDistrictFile(text);
    if (read.error) {
      setFieldError(el.file, el.fileError, [read.error]);
    } else {
      state.sites = read.sites;
      state.fileName = file.name;
    }
    renderReady();
  });

  function sleep(seconds) {
    return new Promise((resolve) => {
      const timer = setTimeout(done, seconds * 1000);
      function done() {
        clearTimeout(timer);
        state.wake = null;
        resolve();
      }
      state.wake = done;
    });
  }

  // One line per site: its id, how it went, and the server's errors about it.
  function resultItem(site) {
    const outcome = h('span', { class: 'result-outcome' });
    const details = h('ul', { class: 'result-errors' });
    const li = h('li', { class: 'import-result', 'data-testid': 'import-result', dataset: { siteId: site.id, outcome: 'pending' } },
      h('span', { class: 'mono result-id', text: site.id }), ' ', outcome, details);
    const item = { li, outcome, details, message: { key: 'admin.importSending' }, errors: null };
    state.items.push(item);
    el.results.append(li);
    renderItem(item);
    return item;
  }

  function renderItem(item) {
    writeMessage(item.outcome, item.message);
    item.details.replaceChildren(...Object.entries(item.errors ?? {}).map(([key, value]) => h('li', {},
      h('span', { class: 'mono', text: key }), ': ',
      ...(Array.isArray(value) ? value : [value]).map((m) => {
        const span = h('span');
        writeMessage(span, m);
        return span;
      }))));
  }

  function settle(item, outcome, message, errors = null) {
    item.li.dataset.outcome = outcome;
    Object.assign(item, { message, errors });
    renderItem(item);
  }

  // PUTs one site; waits out 429s. Returns false when the session is over and the import must stop.
  async function importOne(site, item) {
    const { id, ...config } = site;
    for (let attempt = 0; ; attempt++) {
      try {
        await api.putSite(id, ctx.token(), config);
        settle(item, 'ok', { key: 'admin.importOk' });
        return true;
      } catch (error) {
        if (error.status === 401) {
          settle(item, 'failed', { key: 'admin.errorSignedOut' });
          ctx.authLost();
          return false;
        }
        if (error.status === 429 && attempt < MAX_RETRIES && !state.cancelled) {
          const wait = Math.max(1, error.retryAfter ?? 1);
          settle(item, 'pending', { key: 'admin.importWaiting', params: { s: fmtInt(wait) } });
          await sleep(wait);
          if (!state.cancelled) continue;
          settle(item, 'skipped', { key: 'admin.importSkipped' });
          return true;
        }
        settle(item, 'failed', failureMessage(error), error.problem?.errors);
        return true;
      }
    }
  }

  el.start.addEventListener('click', async () => {
    if (state.running || !state.sites?.length) return;
    const sites = state.sites;
    Object.assign(state, {
      running: true, cancelled: false, done: 0, outcome: null, items: [],
    });
    el.results.replaceChildren();
    setText(el.summary, '');
    el.file.disabled = true;
    el.cancel.hidden = false;
    el.cancel.disabled = false;
    setText(el.cancel, t('admin.importCancel'));
    el.progressBox.hidden = false;
    renderReady();
    renderProgress();
    el.cancel.focus();

    let ok = 0;
    let failed = 0;
    let stopped = false;
    for (const site of sites) {
      if (state.cancelled) break;
      const item = resultItem(site);
      if (!await importOne(site, item)) {
        stopped = true;
        break;
      }
      if (item.li.dataset.outcome === 'ok') ok++;
      else if (item.li.dataset.outcome === 'failed') failed++;
      state.done++;
      renderProgress();
    }

    const total = sites.length;
    if (stopped) state.outcome = { key: 'admin.importStopped', params: { done: fmtInt(state.done), total: fmtInt(total) } };
    else if (state.cancelled) state.outcome = { key: 'admin.importCancelled', params: { done: fmtInt(state.done), total: fmtInt(total), ok: fmtInt(ok), failed: fmtInt(failed) } };
    else state.outcome = { key: 'admin.importDone', params: { ok: fmtInt(ok), failed: fmtInt(failed), total: fmtInt(total) } };
    state.running = false;
    el.file.disabled = false;
    el.cancel.hidden = true;
    renderProgress();
    renderReady();
    if (!stopped && ctx.token()) {
      ctx.announce(state.outcome, { error: failed > 0 });
      ctx.refreshSites();
      el.file.focus();
    }
  });

  el.cancel.addEventListener('click', () => {
    if (!state.running) return;
    state.cancelled = true;
    el.cancel.disabled = true;
    setText(el.cancel, t('admin.importCancelling'));
    state.wake?.();
  });

  onLangChange(() => {
    renderReady();
    if (!el.progressBox.hidden) renderProgress();
    if (state.running && state.cancelled) setText(el.cancel, t('admin.importCancelling'));
    for (const item of state.items) renderItem(item);
  });

  return {
    // Signing out stops an import between two sites and forgets the file.
    reset() {
      state.cancelled = true;
      state.wake?.();
      state.sites = null;
      el.file.value = '';
      setFieldError(el.file, el.fileError, []);
      state.items = [];
      state.outcome = null;
      el.results.replaceChildren();
      setText(el.summary, '');
      el.progressBox.hidden = true;
      renderReady();
    },
  };
}
