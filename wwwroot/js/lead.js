// Site lead console: lane status and counts from a phone, in gloves, on a flaky network.
import { api } from './api.js';
import { serverNow } from './clock.js';
import { loadDistrictZone } from './district-zone.js';
import { h, setText, siteIdFromPath } from './dom.js';
import { laneName, siteName } from './format.js';
import { initI18n, onLangChange, t } from './i18n.js';
import { createConfirm } from './confirm-dialog.js';
import { rejectionWords } from './lead-rejections.js';
import { restingText, staleText } from './lead-hours.js';
import { createLanePanel, laneView } from './lead-lanes.js';
import { forgetCode, keepCode, nextMidnight, onSessionChange, readSession } from './lead-session.js';
import { createUndoBar } from './lead-undo.js';
import { attachUndoTime, undoSeconds } from './lead-undo-time.js';
import { createLive } from './live.js';
import { createVersionGate } from './versions.js';
import { attachOffline } from './offline.js';
import { Outbox } from './outbox.js';
import { uuid } from './uuid.js';

const versions = createVersionGate();

const siteId = siteIdFromPath('lead');
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
  signinPending: document.getElementById('signin-pending'),
  signinButton: document.getElementById('signin-button'),
  console: document.getElementById('console'),
  pending: document.getElementById('pending-count'),
  syncState: document.getElementById('sync-state'),
  note: document.getElementById('offline-note'),
  resting: document.getElementById('lead-resting'),
  stale: document.getElementById('lead-stale'),
  signout: document.getElementById('signout'),
  storageWarning: document.getElementById('storage-warning'),
  rejected: document.getElementById('rejected'),
  rejectedList: document.getElementById('rejected-list'),
  rejectedDismiss: document.getElementById('rejected-dismiss'),
  announcer: document.getElementById('sync-announcer'),
};

const session = readSession(siteId);
const cached = readCachedSite();

const state = {
  site: cached.site,
  code: session.code,
  view: 'loading',
  // Why a code kept on this phone was given up, told on the sign-in until the lead signs in again.
  signinErrorKey: session.reason,
  messageKeys: null,
  // Accepted events stay applied on screen until a site picture that shows them is applied (applySite):
  // one whose version is at least the one their 200 named. A picture built before them (a push late on
  // its way, a read answered mid-batch) may arrive after the 200 and must not take them off.
  acked: [],
  rejected: [],
};

// A picture that comes while a post is on its way may or may not hold that post's taps, which are still shown on top
// of it as to send: counted twice for a moment. It waits for the answer, which names the version that holds them.
let heldPicture = null;

// ---- storage ----

// The last known site lets the console come up (and queue taps) even when it reloads offline, with
// when it was taken, so that a copy from hours ago is shown as old from the start. (A copy kept
// before the time was, is taken as old.)
function readCachedSite() {
  try {
    const kept = JSON.parse(localStorage.getItem(SITE_CACHE_KEY) ?? 'null');
    if (kept?.site?.id === siteId) return { site: kept.site, at: Number.isFinite(kept.at) ? kept.at : 0 };
    return kept?.id === siteId ? { site: kept, at: 0 } : { site: null, at: null };
  } catch {
    return { site: null, at: null };
  }
}

function cacheSite(site) {
  try {
    localStorage.setItem(SITE_CACHE_KEY, JSON.stringify({ site, at: Date.now() }));
  } catch {
    // Only a convenience.
  }
}

// ---- outbox ----

const outbox = new Outbox(siteId, {
  send: (events) => api.postEvents(siteId, state.code, events),
  onChange() {
    if (!outbox.flushing) showHeldPicture();
    renderSync();
  },
  onAccepted(batch, result) {
    // Shown on top of the server's figures until a picture of at least this version (one built after
    // the batch) arrives; a server that names none has them dropped by the next picture.
    const shownIn = Number.isFinite(result?.version) ? result.version : null;
    state.acked.push(...batch.map((event) => ({ ...event, shownIn })));
    if (!showHeldPicture()) renderLanes();
    confirmAcked();
  },
  onRejected(entries) {
    state.rejected.push(...entries.map((e) => ({ ...e, at: Date.now() })));
    state.rejected = state.rejected.slice(-10);
    renderRejected();
    renderLanes();
  },
  // The code worked when it was typed: refused now, it has been revoked (or replaced) for this site.
  onAuthFailure() {
    signOut('lead.errorRevoked', { remember: true });
  },
});

const lanePanel = createLanePanel({
  list: document.getElementById('lanes'),
  nav: document.getElementById('lane-nav'),
  navList: document.getElementById('lane-nav-list'),
  empty: document.getElementById('no-lanes'),
}, tap);

const confirm = createConfirm({ testId: 'lead-confirm', noClass: 'big-btn btn-outline', yesClass: 'big-btn btn-danger' });

const undo = createUndoBar({
  bar: document.getElementById('undo-bar'),
  lane: document.getElementById('undo-lane'),
  what: document.getElementById('undo-what'),
  more: document.getElementById('undo-more'),
  button: document.getElementById('undo'),
  announcer: document.getElementById('undo-announcer'),
}, outbox, {
  describe: describeTap,
  laneLabel: (event) => laneLabel(event.lane),
  holdMs: () => undoSeconds() * 1000,
  onEmpty(event, hadFocus) {
    if (hadFocus && !lanePanel.focusControl(event.lane, event)) el.console.focus();
  },
});

attachUndoTime(document.getElementById('undo-seconds'));

async function tap(laneId, type, extra) {
  if (type === 'status' && !(await confirmStatus(laneId, extra.status))) return;
  // The id is the tap's from this moment on, through holding, undo, the outbox and every resend.
  // `at` in the server's clock: a phone with a wrong clock must not get its taps rejected.
  const event = { id: uuid(), lane: laneId, type, ...extra, at: new Date(serverNow()).toISOString() };
  undo.hold(event);
  navigator.vibrate?.(15);
  renderLanes();
}

// Pausing or closing a lane that still holds people asks first, counting taps not yet sent; opening never does.
async function confirmStatus(laneId, status) {
  if (status === 'open') return true;
  const lane = state.site?.lanes?.find((l) => l.id === laneId);
  if (!lane) return true;
  const view = laneView(lane, state.acked, outbox.items());
  if (view.queue === 0 || view.status === status) return true;
  const pause = status === 'paused';
  return confirm.ask({
    title: t(pause ? 'lead.confirmPause' : 'lead.confirmClose', { lane: laneName(lane), n: view.queue }),
    body: t('lead.confirmBody'),
    yes: t(pause ? 'lead.confirmPauseYes' : 'lead.confirmCloseYes'),
    no: t(pause ? 'lead.confirmPauseNo' : 'lead.confirmCloseNo'),
  });
}

function laneLabel(laneId) {
  const lane = state.site?.lanes?.find((l) => l.id === laneId);
  return lane ? laneName(lane) : laneId;
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

// Offline as the lead means it: the phone says so, or the last try never reached the server.
function isOffline(pending) {
  return navigator.onLine === false || (pending > 0 && outbox.lastError?.status === 0);
}

function renderSync() {
  const pending = outbox.size;
  setText(el.pending, String(pending));
  el.pending.closest('.pending-badge')?.classList.toggle('has-pending', pending > 0);
  let text;
  let kind;
  if (!state.code) [kind, text] = ['signed-out', t('lead.syncSignedOut')];
  else if (isOffline(pending)) [kind, text] = ['offline', pending > 0 ? t('lead.offlineSaved', { n: pending }) : t('lead.offlineNothing')];
  else if (pending === 0) [kind, text] = ['synced', t('lead.syncAll')];
  else if (outbox.flushing) [kind, text] = ['sending', t('lead.syncSending')];
  else if (outbox.retryAt) [kind, text] = ['retry', t('lead.syncRetry', { s: Math.max(1, Math.ceil((outbox.retryAt - Date.now()) / 1000)) })];
  else [kind, text] = ['waiting', t('lead.syncWaiting')];
  setText(el.note, text);
  el.note.dataset.state = kind;
  el.syncState.dataset.state = pending === 0 ? 'synced' : 'pending';
  setText(el.signinPending, pending > 0 ? t('lead.keptOnPhone', { n: pending }) : '');
  el.signinPending.hidden = pending === 0;
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
  el.rejectedList.replaceChildren(...state.rejected.map(({ event, reasons }) => {
    const lane = state.site?.lanes?.find((l) => l.id === event.lane);
    return h('li', {},
      h('strong', { text: `${lane ? laneName(lane) : event.lane} · ${describeEvent(event)}` }),
      ...rejectionWords(reasons).map(({ text, lang }) =>
        h('span', { class: 'rejected-reason', lang, text: ` — ${text}` })));
  }));
}

// A tap as the undo bar names it: what the lead pressed.
function describeTap(event) {
  if (event.type !== 'status') return describeEvent(event);
  return t({ open: 'lead.didOpen', paused: 'lead.didPause', closed: 'lead.didClose' }[event.status] ?? `status.${event.status}`);
}

function renderHours() {
  const resting = state.view === 'console' ? restingText(state.site) : null;
  setText(el.resting, resting ?? '');
  el.resting.hidden = !resting;
  const stale = state.view === 'console' ? staleText(state.site) : null;
  setText(el.stale, stale ?? '');
  el.stale.hidden = !stale;
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

// Asks for the site so that the accepted taps are shown by the server's own figures. A failed read
// keeps them on screen (dropping them would show the lead a count without their taps, inviting the
// same tap twice) and asks again, unless a push or poll has brought a picture meanwhile.
function confirmAcked(attempt = 0) {
  const again = () => {
    if (attempt < 5) setTimeout(() => { if (state.acked.length) confirmAcked(attempt + 1); }, 3000);
  };
  // A read answered before a later batch was applied leaves that batch's taps waiting: asked again.
  api.site(siteId).then((detail) => {
    applySite(detail);
    if (state.acked.length) again();
  }, again);
}

// Whether the picture was taken (or held to be): one older than the picture shown is dropped.
function applySite(detail) {
  if (!detail?.id || detail.id !== siteId) return false;
  if (outbox.flushing) {
    if ((detail.version ?? 0) >= (heldPicture?.version ?? 0)) heldPicture = detail;
    return true;
  }
  return showSite(detail);
}

// Whether a held picture was shown.
function showHeldPicture() {
  const detail = heldPicture;
  heldPicture = null;
  return detail ? showSite(detail) : false;
}

function showSite(detail) {
  if (!versions.accept(detail.id, detail.version)) return false;
  state.site = detail;
  state.acked = state.acked.filter((event) => event.shownIn != null && (detail.version ?? 0) < event.shownIn);
  cacheSite(detail);
  renderHeader();
  renderLanes();
  renderHours();
  return true;
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
  renderHours();
  outbox.enable();
}

// `remember`: the reason stays on this phone for other and later tabs (a refused code), where a
// plain sign-out leaves nothing behind. Held taps stay in the outbox, sent after the next sign-in.
function signOut(errorKey, { remember = false, fromOtherTab = false } = {}) {
  // The outbox stops before the code goes, or releasing held taps would send them without one.
  outbox.disable();
  undo.releaseAll();
  state.code = null;
  if (!fromOtherTab) forgetCode(siteId, remember ? errorKey : null);
  el.code.value = '';
  showSignin(errorKey);
  renderSync();
  renderHours();
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
  keepCode(siteId, code, nextMidnight(serverNow()));
  el.code.value = '';
  showConsole({ focus: true });
});

// One phone, one lead: a sign-in or sign-out in another tab of this console holds here too.
onSessionChange(siteId, ({ code, reason }) => {
  if (code) {
    if (code === state.code) return;
    state.code = code;
    if (state.view === 'signin') showConsole();
  } else if (state.code) {
    signOut(reason, { fromOtherTab: true });
  }
});

el.signout.addEventListener('click', async () => {
  const pending = outbox.size;
  if (pending > 0 && !(await confirm.ask({
    title: t('lead.signoutTitle'),
    body: t('lead.signoutPending', { n: pending }),
    yes: t('lead.signoutConfirm'),
    no: t('lead.cancel'),
  }))) return;
  signOut();
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
    showSignin(state.signinErrorKey);
    return;
  }
  // A code kept from earlier today on this phone: show the console at once (it works offline)
  // and check the code in the background.
  showConsole();
  const checked = state.code;
  const errorKey = await verify(checked);
  if (state.code !== checked) return;
  if (errorKey === 'lead.errorWrongCode') signOut('lead.errorRevoked', { remember: true });
  else if (errorKey === 'lead.errorOtherSite') signOut('lead.errorOtherSite', { remember: true });
}

// Lets a reload without signal still open the console (secure contexts only; plain-http
// LAN deployments simply go without).
if ('serviceWorker' in navigator && window.isSecureContext) {
  navigator.serviceWorker.register('/sw.js', { scope: '/lead/' }).catch(() => {});
}

// A hidden or closing page can no longer offer its undo, so what it holds is due now. It is stored
// already: a page killed before it sends still has it sent by the next one.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') undo.releaseAll();
});
window.addEventListener('pagehide', () => undo.releaseAll());

// Ctrl+Z (⌘Z) takes back the newest held tap, except in the head count field, which keeps its own undo.
document.addEventListener('keydown', (event) => {
  if (state.view !== 'console' || confirm.open || undo.count === 0) return;
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'z') return;
  if (event.target instanceof Element && event.target.closest('input, textarea')) return;
  event.preventDefault();
  undo.undo();
});

window.addEventListener('online', renderSync);
window.addEventListener('offline', renderSync);

initI18n();
loadDistrictZone().then(renderHours);
attachOffline(live, { poll: () => api.site(siteId).then(applySite), shownFrom: cached.at });
setInterval(() => {
  renderSync();
  renderHours();
}, 1000);
start();

onLangChange(() => {
  renderHeader();
  renderSync();
  renderLanes();
  renderRejected();
  renderHours();
  if (state.view === 'signin' && state.signinErrorKey) setText(el.signinError, t(state.signinErrorKey));
  if (state.view === 'message' && state.messageKeys) showMessage(...state.messageKeys);
});
