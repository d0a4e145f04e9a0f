// The server's clock, estimated from HTTP Date headers. Lead events carry `at`, which the
// server rejects when more than 2 minutes ahead, and chart minutes must line up with the
// server's history buckets, so a phone or TV with a wrong clock must not matter.

let offsetMs = 0;

export function observeResponse(response, sentAt, receivedAt) {
  const header = response.headers.get('Date');
  if (!header) return;
  const server = Date.parse(header);
  if (Number.isNaN(server)) return;
  // The header has 1 s resolution; ignore differences it cannot resolve.
  const estimate = server + 500 - (sentAt + receivedAt) / 2;
  offsetMs = Math.abs(estimate) < 3000 ? 0 : Math.round(estimate);
}

export function serverNow() {
  return Date.now() + offsetMs;
}

export function currentMinute() {
  return Math.floor(serverNow() / 60000) * 60000;
}
