// Site lead console: lane status and counts from a phone, in gloves, on a flaky network.
import { api } from './api.js';
import { serverNow } from './clock.js';
import { h, setText, siteIdFromPath } from './dom.js';
import { laneName, siteName } from './format.js';
import { initI18n, onLangChange, t } from './i18n.js';
import { createLanePanel } from './lead-lanes.js';
import { createLive } from './live.js';
import { createVersionGate } from './versions.js';
import { attachOffline } from './offline.js';
import { Outbox } from './outbox.js';
import { uuid } from './uuid.js';

const versions = createVersionGate();

const siteId = siteIdFromPath('lead');
const CODE_KEY = `qb.lead.code.${siteId}`;
const SITE_CACHE_KEY = `qb.lead.site.${siteId}`;

const el = {
  name: document.getElementById('site-name'),
  loading: document.getElementById('lead-loading'),
  message: document.getElementById('lead-message'),
  messageTitle: document.getElementById('lead-message-title'),
  messageBody: document.getElementById('lead-message-body'),
  signin: document.getElementById('signin'),
  form: document.getElementById('signin-form'),
  code: document.getElementById('lead-code'),
  signinError: document.getElementById('signin-error'),
  signinButton: document.getElementById('signin-button'),
  console: document.getElementById('console'),
  pending: document.getElementById('pending-count'),
  syncState: document.getElementById('sync-state'),
  signout: document.getElementById('signout'),
  storageWarning: document.getElementById('storage-warning'),
  rejected: document.getElementById('rejected'),
  rejectedList: document.getElementById('rejected-list'),
  rejectedDismiss: document.getElementById('rejected-dismiss'),
  announcer: document.getElementById('sync-announcer'),
  dialog: document.getElementById('signout-dialog'),
  dialogBody: document.getElementById('signout-body'),
};

const state = {
  site: readCachedSite(),
  code: readCode(),
  view: 'loading',
  signinErrorKey: null,
  messageKeys: null,
  // Accepted events stay applied on screen until a fresh server snapshot that includes them arrives.
  acked: [],
  rejected: [],
};

// ---- storage ----

function readCode() {
  try {
    return sessionStorage.getItem(CODE_KEY);
  } catch {
    return null;
  }
}

function writeCode(code) {
  try {
    if (code) sessionStorage.setItem(CODE_KEY, code);
    else sessionStorage.removeItem(CODE_KEY);
  } catch {
    // The code then lives only in memory for this page.
  }
}

// The last known site lets the console come up (and queue taps) even when it reloads offline.
function readCachedSite() {
  try {
    const site = JSON.parse(localStorage.getItem(SITE_CACHE_KEY) ?? 'null');
    return site?.id === siteId ? site : null;
  } catch {
    return null;
  }
}

function cacheSite(site) {
  try {
    localStorage.setItem(SITE_CACHE_KEY, JSON.stringify(site));
  } catch {
    // Only a convenience.
  }
}

// ---- outbox ----

const outbox = new Outbox(siteId, {
  send: (events) => api.postEvents(siteId, state.code, events),
  onChange: renderSync,
  onAccepted(batch) {
    const ids = new Set(batch.map((e) => e.id));
    state.acked.push(...batch);
    renderLanes();
    // A snapshot fetched after the 200 includes these events; until it arrives they stay on screen.
    api.site(siteId).then(applySite, () => {}).finally(() => {
      setTimeout(() => {
        state.acked = state.acked.filter((e) => !ids.has(e.id));
        renderLanes();
      }, 0);
    });
  },
  onRejected(entries) {
    state.rejected.push(...entries.map((e) => ({ ...e, at: Date.now() })));
    state.rejected = state.rejected.slice(-10);
    renderRejected();
    renderLanes();
  },
  onAuthFailure(error) {
    signOut(error.status === 403 ? 'lead.errorOtherSite' : 'lead.errorRevoked');
  },
});

const lanePanel = createLanePanel({
  list: document.getElementById('lanes'),
  nav: document.getElementById('lane-nav'),
  navList: document.getElementById('lane-nav-list'),
  empty: document.getElementById('no-lanes'),
}, tap);

function tap(laneId, type, extra) {
  // `at` in the server's clock: a phone with a wrong clock must not get its taps rejected.
  const event = { id: uuid(), lane: laneId, type, ...extra, at: new Date(serverNow()).toISOString() };
  outbox.add(event);
  navigator.vibrate?.(15);
  renderLanes();
}

// ---- rendering ----

function show(view) {
  state.view = view;
  el.loading.hidden = view !== 'loading';
  el.signin.hidden = view !== 'signin';
  el.console.hidden = view !== 'console';
  el.message.hidden = view !== 'message';
}

function showMessage(titleKey, bodyKey) {
  state.messageKeys = [titleKey, bodyKey];
  setText(el.messageTitle, t(titleKey, { id: siteId ?? '' }));
  setText(el.messageBody, t(bodyKey, { id: siteId ?? '' }));
  show('message');
}

function renderHeader() {
  setText(el.name, state.site ? siteName(state.site) : (siteId ?? 'QueueBoard'));
  document.title = state.site ? `${siteName(state.site)} · ${t('lead.pageTitle')}` : t('lead.pageTitle');
}

function renderSync() {
  const pending = outbox.size;
  setText(el.pending, String(pending));
  el.pending.closest('.pending-badge')?.classList.toggle('has-pending', pending > 0);
  let text;
  if (!state.code) text = t('lead.syncSignedOut');
  else if (pending === 0) text = t('lead.syncAll');
  else if (outbox.flushing) text = t('lead.syncSending');
  else if (outbox.retryAt) text = t('lead.syncRetry', { s: Math.max(1, Math.ceil((outbox.retryAt - Date.now()) / 1000)) });
  else text = t('lead.syncWaiting');
  setText(el.syncState, text);
  el.syncState.dataset.state = pending === 0 ? 'synced' : 'pending';
  announceSync(pending);
  el.storageWarning.hidden = outbox.persistent;
  if (state.view === 'console') renderLanes();
}

// The visible sync line ticks every second while retrying; screen readers hear only the turns:
// updates held back by a failure, and everything sent again.
let announcedState = 'synced';
function announceSync(pending) {
  let next = announcedState;
  if (pending === 0) next = 'synced';
  else if (outbox.lastError && !outbox.flushing) next = 'held';
  if (next === announcedState) return;
  announcedState = next;
  el.announcer.textContent = next === 'synced' ? t('lead.syncAll') : t('lead.syncHeldA11y', { n: pending });
}

function renderLanes() {
  if (state.view !== 'console' || !state.site) return;
  lanePanel.render(state.site.lanes ?? [], state.acked, outbox.items());
}

function renderRejected() {
  el.rejected.hidden = state.rejected.length === 0;
  el.rejectedList.replaceChildren(...state.rejected.map(({ event, reason }) => {
    const lane = state.site?.lanes?.find((l) => l.id === event.lane);
    return h('li', {},
      h('strong', { text: `${lane ? laneName(lane) : event.lane} · ${describeEvent(event)}` }),
      reason ? h('span', { class: 'rejected-reason', text: ` — ${reason}` }) : null);
  }));
}

function describeEvent(event) {
  switch (event.type) {
    case 'arrived': return t('lead.arrived', { n: event.count });
    case 'served': return t('lead.served', { n: event.count });
    case 'queue': return t('lead.headcountEvent', { n: event.count });
    case 'status': return t(`status.${event.status}`);
    default: return event.type;
  }
}

// ---- site data ----

function applySite(detail) {
  if (!detail?.id || detail.id !== siteId) return;
  if (!versions.accept(detail.id, detail.version)) return;
  state.site = detail;
  cacheSite(detail);
  renderHeader();
  renderLanes();
}

// ---- sign in / out ----

function showSignin(errorKey) {
  state.signinErrorKey = errorKey ?? null;
  setText(el.signinError, errorKey ? t(errorKey) : '');
  el.code.toggleAttribute('aria-invalid', Boolean(errorKey));
  show('signin');
  el.code.focus();
}

function showConsole({ focus = false } = {}) {
  show('console');
  if (focus) el.console.focus();
  renderSync();
  renderLanes();
  renderRejected();
  outbox.enable();
}

function signOut(errorKey) {
  state.code = null;
  writeCode(null);
  outbox.disable();
  el.code.value = '';
  showSignin(errorKey);
  renderSync();
}

async function verify(code) {
  try {
    const access = await api.access(siteId, code);
    if (access?.siteId && access.siteId !== siteId && access.role !== 'admin') return 'lead.errorOtherSite';
    return null;
  } catch (error) {
    if (error.status === 401) return 'lead.errorWrongCode';
    if (error.status === 403) return 'lead.errorOtherSite';
    if (error.status === 404) return 'lead.errorNoSite';
    if (error.status === 429) return 'lead.errorTooMany';
    return 'lead.errorNetwork';
  }
}

el.form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const code = el.code.value.trim();
  if (!code) {
    showSignin('lead.errorEmpty');
    return;
  }
  el.signinButton.disabled = true;
  setText(el.signinButton, t('lead.verifying'));
  const errorKey = await verify(code);
  el.signinButton.disabled = false;
  setText(el.signinButton, t('lead.signin'));
  if (errorKey) {
    showSignin(errorKey);
    return;
  }
  state.code = code;
  writeCode(code);
  el.code.value = '';
  showConsole({ focus: true });
});

el.signout.addEventListener('click', () => {
  const pending = outbox.size;
  if (pending === 0 || typeof el.dialog.showModal !== 'function') {
    signOut();
    return;
  }
  setText(el.dialogBody, t('lead.signoutPending', { n: pending }));
  el.dialog.showModal();
});
el.dialog.addEventListener('close', () => {
  if (el.dialog.returnValue === 'confirm') signOut();
});
el.rejectedDismiss.addEventListener('click', () => {
  state.rejected = [];
  renderRejected();
});

// ---- start-up ----

const live = createLive({
  onWatch: (method, [id]) => {
    if (method === 'WatchSite') versions.reset(id);
  },
  handlers: { siteUpdated: applySite },
  onConnected() {
    // Whatever piled up while the hub was away is worth another try now.
    outbox.kick();
  },
});

let retryDelay = 2000;
async function loadSite() {
  try {
    applySite(await api.site(siteId));
    live.markFresh();
    retryDelay = 2000;
    return true;
  } catch (error) {
    if (error.status === 404 || error.status === 400) {
      showMessage('lead.notFoundTitle', 'lead.notFoundBody');
      return false;
    }
    setTimeout(loadSite, retryDelay);
    retryDelay = Math.min(30000, retryDelay * 2);
    return state.site != null;
  }
}

async function start() {
  renderHeader();
  if (!siteId) {
    showMessage('lead.notFoundTitle', 'lead.noIdBody');
    return;
  }
  live.watch('WatchSite', siteId);
  const siteKnown = await loadSite();
  if (!siteKnown) {
    if (state.view === 'loading') show('loading');
    // Until the site is known there are no lanes to show; loadSite keeps retrying.
    if (state.view !== 'message') {
      const wait = setInterval(() => {
        if (state.site) {
          clearInterval(wait);
          proceed();
        }
      }, 500);
    }
    return;
  }
  proceed();
}

async function proceed() {
  if (!state.code) {
    showSignin();
    return;
  }
  // A code kept from earlier in this browser session: show the console at once (it works
  // offline) and check the code in the background.
  showConsole();
  const errorKey = await verify(state.code);
  if (errorKey === 'lead.errorWrongCode') signOut('lead.errorRevoked');
  else if (errorKey === 'lead.errorOtherSite') signOut('lead.errorOtherSite');
}

// Lets a reload without signal still open the console (secure contexts only; plain-http
// LAN deployments simply go without).
if ('serviceWorker' in navigator && window.isSecureContext) {
  navigator.serviceWorker.register('/sw.js', { scope: '/lead/' }).catch(() => {});
}

initI18n();
attachOffline(live, { poll: () => api.site(siteId).then(applySite) });
setInterval(renderSync, 1000);
start();

onLangChange(() => {
  renderHeader();
  renderSync();
  renderLanes();
  renderRejected();
  if (state.view === 'signin' && state.signinErrorKey) setText(el.signinError, t(state.signinErrorKey));
  if (state.view === 'message' && state.messageKeys) showMessage(...state.messageKeys);
});
