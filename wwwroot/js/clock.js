// The server's clock, estimated from HTTP Date headers. Lead events carry `at`, which the
// server rejects when more than 2 minutes ahead, and chart minutes must line up with the
// server's history buckets, so a phone or TV with a wrong clock must not matter.
import { setText } from './dom.js';
import { fmtClock, fmtDate } from './format.js';

// Kept on the device: a lead console that reloads offline stamps its taps before any answer can
// measure the clock again, and a phone minutes fast would have every one of them refused.
const OFFSET_KEY = 'queueboard.clockOffsetMs';

let offsetMs = readOffset();

function readOffset() {
  try {
    const stored = Number(localStorage.getItem(OFFSET_KEY) ?? 0);
    return Number.isFinite(stored) ? stored : 0;
  } catch {
    return 0;
  }
}

export function observeResponse(response, sentAt, receivedAt) {
  const header = response.headers.get('Date');
  if (!header) return;
  const server = Date.parse(header);
  if (Number.isNaN(server)) return;
  // The header has 1 s resolution; ignore differences it cannot resolve.
  const estimate = server + 500 - (sentAt + receivedAt) / 2;
  const next = Math.abs(estimate) < 3000 ? 0 : Math.round(estimate);
  if (next === offsetMs) return;
  offsetMs = next;
  try {
    localStorage.setItem(OFFSET_KEY, String(offsetMs));
  } catch {
    // Private mode: the offset is measured again after each reload.
  }
}

export function serverNow() {
  return Date.now() + offsetMs;
}

export function currentMinute() {
  return Math.floor(serverNow() / 60000) * 60000;
}

// The wall and command screens' clock: time (with seconds) and date every second, and `onMinute`
// once each time the server's minute rolls over, for the page's own per-minute work. The text shows
// the server's time in the district's zone (format.js), so a screen with a wrong clock or set to
// another zone still shows the district's, and its minute turns with the chart buckets'.
// Returns `tick`, for re-rendering at once (a language or zone change re-words it).
export function startWallClock({ clockEl, dateEl, onMinute }) {
  let lastMinute = currentMinute();
  function tick() {
    const now = new Date(serverNow());
    setText(clockEl, fmtClock(now, true));
    setText(dateEl, fmtDate(now));
    clockEl.dateTime = now.toISOString();
    const minute = currentMinute();
    if (minute !== lastMinute) {
      lastMinute = minute;
      onMinute?.(minute);
    }
  }
  tick();
  setInterval(tick, 1000);
  return tick;
}
