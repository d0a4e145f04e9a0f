// The undo bar. Gloved hands in a crowd hit the wrong button, so every tap is held on the phone for
// a few seconds before it is sent; taken back meanwhile, it never reaches the server, where a
// correcting tap would leave two events and a wrong minute in the history.
// Held taps live in the outbox from the first moment (stored, counted, shown), so closing the page
// never loses one; this page only remembers which of them it may still take back.
// Five seconds is short for a screen reader to speak the tap and reach the bar, so the lead picks the
// time on the phone (lead-undo-time.js), and while focus is on the bar the countdown stands still.
import { setText } from './dom.js';
import { onLangChange, t } from './i18n.js';

const TICK_MS = 200;
// While frozen, a tap's release is kept at least this far off, moved on about once a second.
const FROZEN_MARGIN_MS = 500;
const FROZEN_STEP_MS = 1500;

// `el`: {bar, lane, what, more, button, announcer}; `describe(event)` names a tap, `laneLabel(event)`
// its lane; `holdMs()` how long a new tap is held; `onEmpty(event, hadFocus)` runs when the last held
// tap is gone.
export function createUndoBar(el, outbox, { describe, laneLabel, holdMs, onEmpty }) {
  // Oldest first. Another tab's taps are that tab's to take back.
  let held = [];
  let ticker = null;
  let shown = null;
  // While focus is on the bar: id -> ms each tap had left when it got there.
  let frozen = null;

  function moveRelease(untils) {
    if (untils.size === 0) return;
    const moved = outbox.holdUntil(untils);
    for (const h of held) {
      if (moved.has(h.event.id)) h.until = moved.get(h.event.id);
    }
  }

  function keepFrozen() {
    if (!frozen) return;
    const now = Date.now();
    const due = new Map();
    for (const h of held) {
      const left = frozen.get(h.event.id);
      if (left != null && h.until - now < left + FROZEN_MARGIN_MS) due.set(h.event.id, now + left + FROZEN_STEP_MS);
    }
    moveRelease(due);
  }

  function freeze() {
    if (frozen) return;
    prune();
    const now = Date.now();
    frozen = new Map(held.map((h) => [h.event.id, h.until - now]));
    render();
  }

  function thaw() {
    if (!frozen) return;
    const now = Date.now();
    const untils = new Map(held.filter((h) => frozen.has(h.event.id)).map((h) => [h.event.id, now + frozen.get(h.event.id)]));
    frozen = null;
    moveRelease(untils);
    render();
  }

  function secondsLeft(h) {
    const left = frozen?.get(h.event.id) ?? h.until - Date.now();
    return Math.max(1, Math.ceil(left / 1000));
  }

  function prune() {
    const now = Date.now();
    const stored = new Map(outbox.items().map((e) => [e.id, e.holdUntil]));
    held = held.filter((h) => h.until > now && stored.get(h.event.id) === h.until);
  }

  function render() {
    keepFrozen();
    prune();
    const newest = held.at(-1);
    const last = shown;
    shown = newest?.event ?? null;
    el.bar.dataset.pending = String(held.length);
    document.body.classList.toggle('has-undo', held.length > 0);
    if (!newest) {
      const hadFocus = el.bar.contains(document.activeElement);
      el.bar.hidden = true;
      stopTicking();
      if (last) onEmpty?.(last, hadFocus);
      return;
    }
    el.bar.hidden = false;
    setText(el.lane, laneLabel(newest.event));
    setText(el.what, t('lead.held', { what: describe(newest.event) }));
    setText(el.more, held.length > 1 ? t('lead.heldMore', { n: held.length - 1 }) : '');
    el.more.hidden = held.length < 2;
    setText(el.button, t('lead.undo', { s: secondsLeft(newest) }));
    el.bar.dataset.frozen = frozen ? 'true' : 'false';
    startTicking();
  }

  function startTicking() {
    if (!ticker) ticker = setInterval(render, TICK_MS);
  }

  function stopTicking() {
    clearInterval(ticker);
    ticker = null;
  }

  function announce(text) {
    // Cleared first so that the same words twice in a row are spoken twice.
    el.announcer.textContent = '';
    setTimeout(() => { el.announcer.textContent = text; }, 50);
  }

  function hold(event) {
    const ms = holdMs();
    const until = outbox.add(event, { holdMs: ms });
    held.push({ event, until });
    announce(t('lead.heldA11y', { what: `${laneLabel(event)} ${describe(event)}`, s: ms / 1000 }));
    render();
  }

  // The newest tap first: the one the lead just saw themselves make.
  function undo() {
    prune();
    const newest = held.at(-1);
    if (!newest) {
      render();
      return;
    }
    held.pop();
    if (outbox.undo(newest.event.id)) {
      announce(t('lead.undoneA11y', { what: `${laneLabel(newest.event)} ${describe(newest.event)}` }));
    } else {
      announce(t('lead.undoLate'));
    }
    render();
  }

  // The page is going away or the lead signs out: what is held is sent as soon as it can be.
  function releaseAll() {
    if (held.length === 0) return;
    const ids = held.map((h) => h.event.id);
    held = [];
    outbox.release(ids);
    render();
  }

  el.button.addEventListener('click', undo);
  el.bar.addEventListener('focusin', freeze);
  el.bar.addEventListener('focusout', (event) => {
    if (!el.bar.contains(event.relatedTarget)) thaw();
  });
  onLangChange(() => {
    if (held.length) render();
  });

  return { hold, undo, releaseAll, render, get count() { return held.length; } };
}
