// The offline banner and the stale state, shared by every live page. Offline is judged by the
// live connection; a fallback HTTP poll keeps data fresh meanwhile, and only data older than
// two minutes is greyed out, so numbers are never presented as current when they are not.
import { fmtClock } from './format.js';
import { onLangChange, t } from './i18n.js';

const BANNER_AFTER_MS = 10000;
const STALE_AFTER_MS = 120000;
const POLL_EVERY_MS = 20000;

// `shownFrom`: when the data a page comes up with was current (a copy kept on the device, ms), null
// for none; until live data comes, it is aged from then, not from the page's load.
export function attachOffline(live, { poll, shownFrom = null } = {}) {
  const banner = document.getElementById('offline-banner');
  const text = banner?.querySelector('[data-role="offline-text"]');
  const loadedAt = Date.now();
  let lastPoll = 0;
  let polling = false;

  function render() {
    const now = Date.now();
    const connected = live.isConnected();
    const offlineFor = connected ? 0 : now - live.disconnectedSince();
    const showBanner = !connected && offlineFor >= BANNER_AFTER_MS;
    const fresh = live.freshAt() ?? shownFrom;
    const stale = !connected && now - (fresh ?? loadedAt) >= STALE_AFTER_MS;
    document.body.classList.toggle('stale', stale);
    document.body.classList.toggle('offline', showBanner);
    if (banner) {
      const justShown = showBanner && banner.hidden;
      if (banner.hidden === showBanner) banner.hidden = !showBanner;
      if (showBanner && text) {
        // 0: a copy of unknown age, shown as old at once.
        const when = !(fresh > 0) ? t('offline.never') : t('offline.since', { time: fmtClock(new Date(fresh), true) });
        const value = `${t('offline.title')} · ${when}`;
        if (text.textContent !== value) text.textContent = value;
        // Read out once per offline spell: the time in it moves with every poll and would be read out each time.
        if (!justShown) banner.setAttribute('aria-live', 'off');
      } else if (!showBanner) {
        banner.removeAttribute('aria-live');
      }
    }
    // A page paused while hidden (live.js) catches up when it shows; polling meanwhile
    // would cost the phone what the pause saves.
    if (poll && showBanner && !polling && !live.isPaused() && now - lastPoll >= POLL_EVERY_MS) {
      lastPoll = now;
      polling = true;
      Promise.resolve()
        .then(poll)
        // A poll whose answer the page dropped (older than what it shows) has not made anything fresh.
        .then((taken) => { if (taken !== false) live.markFresh(); }, () => {})
        .finally(() => {
          polling = false;
        });
    }
  }

  live.onState(render);
  onLangChange(render);
  setInterval(render, 1000);
  render();
}
