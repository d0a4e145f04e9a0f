// The command centre's alert panel, built to be acted on: the server ranks the alerts by what they cost people
// (person-minutes), and a row says in one glance where, what, for how long and at what cost. An operator signed in on
// this page acknowledges one ("someone is on it"); every screen then shows it set apart, after the rest, until its
// condition clears. command.js owns the data and tells the panel when to draw:
//   - update(alerts) with each overview, render() whenever the board rows, the minute, the language, replay or the
//     sign-in change;
//   - siteRow(id) gives the board row an alert is worded from, replaying() whether a past minute is on screen, and
//     session { token(), expired() } the admin token, null when not signed in here.
import { failureText } from './admin-errors.js';
import { api } from './api.js';
import { serverNow } from './clock.js';
import { h, reconcileChildren, setAttr, setText } from './dom.js';
import { fmtAgo, fmtClock, fmtCount, fmtInt, laneIdName, siteName } from './format.js';
import { getLang, t, tNodes } from './i18n.js';

const SEVERITIES = ['critical', 'warning', 'info'];
const MINUTE = 60000;
// An acknowledgement or a clearance this screen learnt from its own request stands until the server's overview agrees;
// a push brings that within a second, and a screen that misses it must not hold a stale verdict for ever.
const OWN_VERDICT_MS = 60000;
const DONE_MESSAGE_MS = 10000;

const severityOf = (alert) => {
  const s = String(alert.severity ?? '').toLowerCase();
  return SEVERITIES.includes(s) ? s : 'info';
};
const alertKey = (alert) => alert.id ?? `${alert.siteId}/${alert.laneId ?? ''}:${alert.kind}`;
const kindOf = (alert) => String(alert.kind ?? '').toLowerCase();
const namesLane = (alert) => ['paused-with-queue', 'throughput-drop'].includes(kindOf(alert)) && Boolean(alert.laneId);
const ackedAt = (alert) => {
  const at = Date.parse(alert.acknowledgedAt);
  return Number.isNaN(at) ? null : at;
};

// "12 分钟" / "12 min": how long the condition has lasted, by the minute, since seconds would only flicker.
function durationText(ms) {
  const m = Math.floor(Math.max(0, ms) / MINUTE);
  if (m < 1) return t('command.alertForUnderMinute');
  if (m < 60) return t('command.alertForMinutes', { n: fmtInt(m) });
  return t('command.alertForHours', { h: fmtInt(Math.floor(m / 60)), m: fmtInt(m % 60) });
}

export function createAlertPanel({ siteRow, replaying, session }) {
  const el = {
    list: document.getElementById('alerts'),
    empty: document.getElementById('alerts-empty'),
    replay: document.getElementById('alerts-replay'),
    counts: document.getElementById('alerts-counts'),
    unacked: document.getElementById('alerts-unacked'),
    total: document.getElementById('alerts-total'),
    unackedCount: document.getElementById('alerts-unacked-count'),
    count: document.getElementById('alert-count'),
    status: document.getElementById('alerts-status'),
    announcer: document.getElementById('alerts-announcer'),
  };

  let alerts = null; // the server's, as ranked; null until the first overview
  const items = new Map();
  const ownAcks = new Map(); // id → { at, until }: acknowledged from here, not yet in an overview
  const cleared = new Map(); // id → until: the server said it had cleared, and an overview still lists it
  const pending = new Set();
  let status = null; // { words: () => string, error }
  let statusTimer = null;
  let criticalKeys = null; // critical alerts already on screen; null until the first overview
  let announceTimer = null;

  // ---- words ----
  // The server's `message` is written in English for logs; the screen words each kind it knows from the alert's fields,
  // in the current language, and shows `message` only for kinds it does not.

  // Text for the alert in the current language, or null when the kind is unknown here.
  function alertText(alert) {
    switch (kindOf(alert)) {
      case 'crowded': {
        // Numbers from the board row, which is fresher than the alert; none rather than wrong ones.
        const row = siteRow(alert.siteId);
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
        const row = siteRow(alert.siteId);
        return row?.queueLength != null ? t('command.alertQueueLong', { queue: fmtInt(row.queueLength) }) : t('command.alertQueueLongNoData');
      }
      case 'queue-growing':
        return t('command.alertQueueGrowing');
      case 'silent': {
        // How long it has been silent, from the row's last report by the server's clock: the alert's `since` is when
        // the silence was noticed, not when it began.
        const row = siteRow(alert.siteId);
        const at = Date.parse(row?.updatedAt);
        return Number.isNaN(at) || row.queueLength == null
          ? t('command.alertSilentNoData')
          : t('command.alertSilent', { ago: fmtAgo(serverNow() - at), queue: fmtInt(row.queueLength) });
      }
      default:
        return null;
    }
  }

  const messageOf = (alert) => alertText(alert) ?? alert.message ?? '';

  function alertPlace(alert) {
    const site = siteRow(alert.siteId);
    const place = [site ? siteName(site) : alert.siteId];
    // Lane alerts this page words itself name the lane in the message already.
    if (alert.laneId && !namesLane(alert)) place.push(laneIdName(alert.laneId));
    return place.join(' · ');
  }

  // ---- what is shown ----

  // The server's list with what this screen knows sooner: its own acknowledgements, and alerts found cleared. The
  // server ranks unacknowledged alerts first; an acknowledgement made here moves its alert after them straight away.
  function shownAlerts() {
    const now = Date.now();
    const unique = new Map();
    for (const alert of alerts ?? []) {
      if (!alert || unique.has(alertKey(alert))) continue;
      const key = alertKey(alert);
      if ((cleared.get(key) ?? 0) > now) continue;
      const own = ownAcks.get(key);
      unique.set(key, ackedAt(alert) == null && own && own.until > now ? { ...alert, acknowledgedAt: new Date(own.at).toISOString() } : alert);
    }
    const list = [...unique.values()];
    return [...list.filter((a) => ackedAt(a) == null), ...list.filter((a) => ackedAt(a) != null)];
  }

  function createItem(alert) {
    const key = alertKey(alert);
    const item = {
      icon: h('span', { class: 'severity-icon', 'aria-hidden': 'true' }),
      word: h('span', { class: 'severity-word' }),
      site: h('a', { class: 'alert-site' }),
      forA11y: h('span', { class: 'visually-hidden' }),
      duration: h('span', {}),
      message: h('span', { class: 'alert-message' }),
      impact: h('span', { class: 'alert-impact', 'data-testid': 'alert-impact' }),
      action: h('span', { class: 'alert-action' }),
      button: h('button', { type: 'button', class: 'alert-ack', 'data-testid': 'alert-ack' }),
      mark: h('span', { class: 'alert-acked-mark', 'data-testid': 'alert-acknowledged' }),
    };
    item.severity = h('span', { class: 'severity' }, item.icon, item.word);
    item.button.addEventListener('click', () => acknowledge(key));
    // The words keep the `alert` test id and its data on an element of their own: screens and scripts written for the
    // older panel find an alert's words by it.
    item.main = h('div', { class: 'alert-main', 'data-testid': 'alert', dataset: { kind: kindOf(alert), siteId: alert.siteId ?? '' } },
      h('span', { class: 'alert-line' }, item.severity, item.site,
        h('span', { class: 'alert-figures' }, item.impact, h('span', { class: 'alert-duration' }, item.forA11y, item.duration))),
      h('span', { class: 'alert-line' }, item.message, item.action));
    item.li = h('li', {
      class: 'alert', 'data-testid': 'alert-item', dataset: { alertId: key, kind: kindOf(alert), siteId: alert.siteId ?? '' },
    }, item.main);
    items.set(key, item);
    return item;
  }

  function renderAlert(alert, now, token) {
    const key = alertKey(alert);
    const item = items.get(key) ?? createItem(alert);
    const severity = severityOf(alert);
    const acked = ackedAt(alert);
    const className = `alert alert-${severity}${acked == null ? '' : ' alert-acked'}`;
    if (item.li.className !== className) item.li.className = className;
    setAttr(item.li, 'data-severity', severity);
    setAttr(item.li, 'data-acknowledged', String(acked != null));
    if (item.severity.className !== `severity severity-${severity}`) item.severity.className = `severity severity-${severity}`;
    setText(item.word, t(`severity.${severity}`));
    setAttr(item.site, 'href', `/wall/${encodeURIComponent(alert.siteId)}`);
    const place = alertPlace(alert);
    setText(item.site, place);
    const text = alertText(alert);
    const message = text ?? alert.message ?? '';
    setText(item.message, message);
    // The server's fallback wording is English whatever the page language.
    setAttr(item.message, 'lang', text == null && getLang() !== 'en' ? 'en' : null);
    setText(item.forA11y, `${t('command.alertForA11y')} `);
    const since = Date.parse(alert.since);
    setText(item.duration, Number.isNaN(since) ? '' : durationText(now - since));

    // Nobody waits on some conditions (a green lane closed while the rest serve): no cost is shown rather than zero.
    const impact = Number(alert.impact);
    const costs = Number.isFinite(impact) && impact > 0;
    item.impact.hidden = !costs;
    setText(item.impact, costs ? t('command.alertImpact', { n: fmtCount(impact) }) : '');
    setAttr(item.impact, 'data-value', costs ? String(impact) : null);

    // Acknowledged: when, for everyone. Otherwise the button, only for an operator signed in here.
    let action = null;
    if (acked != null) {
      setText(item.mark, t('command.alertAcknowledged', { time: fmtClock(new Date(acked)) }));
      action = item.mark;
    } else if (token) {
      const busy = pending.has(key);
      // Not `disabled`, which would drop the keyboard's focus on the way.
      setAttr(item.button, 'aria-disabled', busy ? 'true' : null);
      setText(item.button, t(busy ? 'command.alertAcking' : 'command.alertAck'));
      setAttr(item.button, 'aria-label', busy ? null : t('command.alertAckLabel', { site: place, message }));
      action = item.button;
    }
    if (item.action.firstChild !== action || item.action.childNodes.length !== (action ? 1 : 0)) {
      if (action) item.action.replaceChildren(action);
      else item.action.replaceChildren();
    }
    item.action.hidden = action == null;
    return item.li;
  }

  function renderCounts(shown) {
    const unacked = shown.filter((a) => ackedAt(a) == null).length;
    setText(el.unackedCount, fmtInt(unacked));
    el.unackedCount.dataset.value = String(unacked);
    setText(el.count, fmtInt(shown.length));
    el.count.dataset.value = String(shown.length);
    el.unacked.classList.toggle('alerts-unacked-none', unacked === 0);
    // The numbers are kept nodes inside the words, so that the words can change language around them.
    if (el.counts.dataset.lang !== getLang()) {
      el.counts.dataset.lang = getLang();
      el.unacked.replaceChildren(...tNodes('command.alertsUnacked', { n: el.unackedCount }));
      el.total.replaceChildren(...tNodes('command.alertsTotal', { n: el.count }));
    }
  }

  function render() {
    // Alerts are the present's; a replayed minute shows a note instead (and announces nothing).
    const past = replaying();
    el.list.hidden = past;
    // No count before the server has given one: a zero would claim there is nothing to do.
    el.counts.hidden = past || alerts == null;
    el.replay.hidden = !past;
    if (past) {
      el.empty.hidden = true;
      return;
    }
    const shown = shownAlerts();
    renderCounts(shown);
    el.empty.hidden = alerts == null || shown.length > 0;
    const keys = new Set(shown.map(alertKey));
    for (const key of [...items.keys()]) {
      if (!keys.has(key)) items.delete(key);
    }
    const now = serverNow();
    const token = session.token();
    // Keyed and updated in place, so a focused alert link or button survives pushes and re-ranking.
    reconcileChildren(el.list, shown.map((alert) => renderAlert(alert, now, token)));
    setText(el.status, status ? status.words() : '');
    el.status.classList.toggle('alerts-status-error', Boolean(status?.error));
    announceNewCritical(shown);
  }

  // ---- acknowledging ----

  function say(words, { error = false } = {}) {
    clearTimeout(statusTimer);
    status = { words, error };
    // What went well needs no record; what went wrong stays until the next try.
    if (!error) {
      statusTimer = setTimeout(() => {
        status = null;
        render();
      }, DONE_MESSAGE_MS);
    }
  }

  // After the row's button goes (acknowledged, or cleared), the keyboard goes on to the alert that took its place.
  function refocus(index) {
    const buttons = [...el.list.querySelectorAll('[data-testid=alert-ack]')];
    const next = buttons[Math.min(index, buttons.length - 1)];
    (next ?? el.list).focus();
  }

  async function acknowledge(key) {
    const token = session.token();
    const alert = shownAlerts().find((a) => alertKey(a) === key);
    if (!token || !alert || pending.has(key)) return;
    const item = items.get(key);
    const focused = item && document.activeElement === item.button;
    const index = [...el.list.querySelectorAll('[data-testid=alert-ack]')].indexOf(item?.button);
    pending.add(key);
    clearTimeout(statusTimer);
    status = null;
    render();
    let moved = false;
    try {
      await api.acknowledgeAlert(token, key);
      ownAcks.set(key, { at: serverNow(), until: Date.now() + OWN_VERDICT_MS });
      say(() => t('command.alertAckDone', { site: alertPlace(alert), message: messageOf(alert) }));
      moved = true;
    } catch (error) {
      if (error.status === 404) {
        cleared.set(key, Date.now() + OWN_VERDICT_MS);
        say(() => t('command.alertAckCleared', { site: alertPlace(alert) }), { error: true });
        moved = true;
      } else if (error.status === 401) {
        say(() => t('command.alertAckSignedOut'), { error: true });
        // Opens the sign-in form with the reason, and takes the keyboard there.
        session.expired();
      } else {
        say(() => t('command.alertAckFailed', { reason: failureText(error) }), { error: true });
      }
    } finally {
      pending.delete(key);
    }
    render();
    if (moved && focused && !item.button.isConnected) refocus(Math.max(0, index));
  }

  // ---- announcing ----

  function announce(text) {
    clearTimeout(announceTimer);
    announceTimer = null;
    if (el.announcer.textContent !== text) {
      el.announcer.textContent = text;
      return;
    }
    // The same words again (a condition that cleared and came back) must still be heard.
    el.announcer.textContent = '';
    announceTimer = setTimeout(() => {
      announceTimer = null;
      el.announcer.textContent = text;
    }, 150);
  }

  // Politely announces alerts that have become critical since the last render. Those on screen when the page first
  // gets its overview are not news; re-renders (language, board rows, the minute tick) and repeated snapshots of the
  // same alerts announce nothing, and neither does one that someone has acknowledged.
  function announceNewCritical(shown) {
    if (alerts == null) return;
    const critical = shown.filter((a) => severityOf(a) === 'critical' && ackedAt(a) == null);
    const keys = new Set(critical.map(alertKey));
    const fresh = criticalKeys ? critical.filter((a) => !criticalKeys.has(alertKey(a))) : [];
    criticalKeys = keys;
    if (fresh.length === 0) return;
    announce(fresh.map((a) => t('command.alertAnnounce', { site: alertPlace(a), message: messageOf(a) })).join(' '));
  }

  return {
    update(list) {
      alerts = Array.isArray(list) ? list : [];
      const now = Date.now();
      const byKey = new Map(alerts.filter(Boolean).map((a) => [alertKey(a), a]));
      for (const [key, own] of ownAcks) {
        const known = byKey.get(key);
        if (!known || ackedAt(known) != null || own.until <= now) ownAcks.delete(key);
      }
      for (const [key, until] of cleared) {
        if (!byKey.has(key) || until <= now) cleared.delete(key);
      }
      render();
    },

    render,

    // Words on screen in one language are not repeated in the other.
    relabel() {
      clearTimeout(announceTimer);
      announceTimer = null;
      el.announcer.textContent = '';
      render();
    },
  };
}
