// The HTTP side of the contract in /api/v1. Errors come back as ApiError with the HTTP status
// (0 for a network failure) and the RFC 9457 problem body when there is one.
import { observeResponse } from './clock.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.title || (status === 0 ? 'network error' : `HTTP ${status}`));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem ?? null;
  }

  // Worth retrying later without changing anything.
  get transient() {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

async function request(path, { method = 'GET', token, body, timeoutMs = 15000 } = {}) {
  const headers = { Accept: 'application/json' };
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
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) return null;
  try {
    return await response.json();
  } catch {
    throw new ApiError(0, null);
  }
}

const site = (id) => `/api/v1/sites/${encodeURIComponent(id)}`;

export const api = {
  sites: () => request('/api/v1/sites'),
  site: (id) => request(site(id)),
  history: (id, minutes = 120) => request(`${site(id)}/history?minutes=${minutes}`),
  forecast: (id) => request(`${site(id)}/forecast`),
  overview: () => request('/api/v1/overview'),
  access: (id, code) => request(`${site(id)}/access`, { token: code }),
  postEvents: (id, code, events) => request(`${site(id)}/events`, { method: 'POST', token: code, body: { events } }),
};
