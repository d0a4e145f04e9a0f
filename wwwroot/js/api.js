// The HTTP side of the contract in /api/v1. Errors come back as ApiError with the HTTP status
// (0 for a network failure) and the RFC 9457 problem body when there is one.
import { observeResponse } from './clock.js';

export class ApiError extends Error {
  constructor(status, problem, retryAfter = null) {
    super(problem?.title || (status === 0 ? 'network error' : `HTTP ${status}`));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem ?? null;
    // Seconds to wait before the same request, from Retry-After (429, 503); null when not given.
    this.retryAfter = retryAfter;
  }

  // Worth retrying later without changing anything.
  get transient() {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

// A file download: the body as a Blob and the name the server gave it (Content-Disposition), if any.
function fileNameOf(response) {
  const header = response.headers.get('Content-Disposition') ?? '';
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // Fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain ? plain[1].trim() : null;
}

function retryAfterOf(response) {
  const value = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

// `as: 'file'` answers { blob, fileName } instead of parsed JSON.
async function request(path, { method = 'GET', token, body, timeoutMs = 15000, as = 'json' } = {}) {
  const headers = { Accept: as === 'file' ? '*/*' : 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const sentAt = Date.now();
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      // Revalidate every time: the board honours If-None-Match, so a 304 costs next to nothing.
      cache: 'no-cache',
      credentials: 'same-origin',
      signal: controller.signal,
    });
  } catch {
    throw new ApiError(0, null);
  } finally {
    clearTimeout(timer);
  }
  observeResponse(response, sentAt, Date.now());
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch {
      // Not every failure (e.g. a proxy's 502) has a JSON body.
    }
    throw new ApiError(response.status, problem, retryAfterOf(response));
  }
  if (response.status === 204) return null;
  if (as === 'versioned') {
    // The board's version is its ETag; the hub takes it to send only what changed since.
    const tag = response.headers.get('ETag');
    const version = tag ? tag.replace(/^W\//, '').replaceAll('"', '') : null;
    try {
      return { body: await response.json(), version };
    } catch {
      throw new ApiError(0, null);
    }
  }
  if (as === 'file') {
    try {
      return { blob: await response.blob(), fileName: fileNameOf(response) };
    } catch {
      throw new ApiError(0, null);
    }
  }
  try {
    return await response.json();
  } catch {
    throw new ApiError(0, null);
  }
}

const site = (id) => `/api/v1/sites/${encodeURIComponent(id)}`;

export const api = {
  sites: () => request('/api/v1/sites'),
  // The board with its version: { body, version }.
  board: () => request('/api/v1/sites', { as: 'versioned' }),
  site: (id) => request(site(id)),
  history: (id, minutes = 120) => request(`${site(id)}/history?minutes=${minutes}`),
  forecast: (id) => request(`${site(id)}/forecast`),
  overview: () => request('/api/v1/overview'),
  districtHistory: (minutes = 120) => request(`/api/v1/history?minutes=${minutes}`),
  // One local day of the district (YYYY-MM-DD in its time zone), up to now for today.
  districtDay: (date) => request(`/api/v1/history?date=${encodeURIComponent(date)}`),
  // Every site as it stood at the end of the minute holding `at` (ISO-8601 UTC).
  replay: (at) => request(`/api/v1/replay?at=${encodeURIComponent(at)}`),
  access: (id, code) => request(`${site(id)}/access`, { token: code }),
  postEvents: (id, code, events) => request(`${site(id)}/events`, { method: 'POST', token: code, body: { events } }),

  // Command-centre administration (admin token).
  district: (token) => request('/api/v1/district.json', { token, timeoutMs: 30000 }),
  siteConfig: (id, token) => request(`${site(id)}/config`, { token }),
  putSite: (id, token, config) => request(site(id), { method: 'PUT', token, body: config }),
  issueLeadCode: (id, token) => request(`${site(id)}/lead-codes`, { method: 'POST', token }),
  revokeLeadCodes: (id, token) => request(`${site(id)}/lead-codes`, { method: 'DELETE', token }),
  siteReport: (id, token, date) => request(`${site(id)}/report.csv?date=${encodeURIComponent(date)}`, { token, as: 'file', timeoutMs: 60000 }),
  districtReport: (token, date) => request(`/api/v1/report.csv?date=${encodeURIComponent(date)}`, { token, as: 'file', timeoutMs: 60000 }),
  // The district's day for the printable summary; without a date, the district's today.
  daySummary: (token, date) => request(`/api/v1/report.json${date ? `?date=${encodeURIComponent(date)}` : ''}`, { token, timeoutMs: 60000 }),
  // Marks a raised alert as being dealt with, on every screen, until its condition clears (404 once it has).
  acknowledgeAlert: (token, id) => request('/api/v1/alerts/acknowledge', { method: 'POST', token, body: { id } }),
};

// The QR code of a site's lead console address, for its printed lead card (public, an image).
export const leadQrPath = (id) => `${site(id)}/lead-qr.svg`;
