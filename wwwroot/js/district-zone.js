// The district's time zone (QueueBoard:TimeZone), from GET /api/v1/clock. Every clock, date and day
// boundary on every screen follows it, so a wall TV or a visitor's phone set to another zone still
// shows the district's time. Until the answer comes (or if it never does) the default zone stands in.
// The same answer says how long an open site may go without a report before its numbers may be out of
// date (QueueBoard:SilentAfterMinutes), so that screens age numbers by the server's own threshold.
const FALLBACK = 'Asia/Shanghai';
const FALLBACK_SILENT_MINUTES = 10;

let zone = FALLBACK;
let silentMinutes = FALLBACK_SILENT_MINUTES;
let loading = null;
const listeners = new Set();

function isZone(candidate) {
  if (typeof candidate !== 'string' || !candidate) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: candidate }).format(0);
    return true;
  } catch {
    return false;
  }
}

export const districtTimeZone = () => zone;

export const silentAfterMinutes = () => silentMinutes;

// Asks the server once per page; every caller shares the answer. Resolves to the zone in use.
export function loadDistrictZone() {
  loading ??= fetch('/api/v1/clock', { cache: 'no-cache', headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : null))
    .then((clock) => {
      if (Number.isFinite(clock?.silentAfterMinutes) && clock.silentAfterMinutes > 0) silentMinutes = clock.silentAfterMinutes;
      if (clock && isZone(clock.timeZone) && clock.timeZone !== zone) {
        zone = clock.timeZone;
        for (const listener of listeners) listener(zone);
      }
      return zone;
    })
    .catch(() => zone);
  return loading;
}

// For text drawn once (chart axes, day lists) that must be drawn again in the district's zone.
export function onZoneChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
