// The lead console's outbox. A tap is written to localStorage before anything is sent, so a
// dead battery, a reload or a lost signal never loses it; it leaves the outbox only once the
// server has answered 200 (its UUID makes a resend harmless: the server counts it a duplicate).
// Events go out in order, in batches. A batch is all-or-nothing on the server, so a 400 names
// the bad events by index: those are dropped and reported, the rest are sent again.

const BATCH_SIZE = 50;
const MAX_RETRY_MS = 30000;

function storageKey(siteId) {
  return `qb.outbox.${siteId}`;
}

// Problem details name bad fields like "events[3].count" (casing and prefix vary by serializer).
function badIndexes(problem, size) {
  const found = new Map();
  const errors = problem?.errors;
  if (!errors || typeof errors !== 'object') return found;
  for (const [field, messages] of Object.entries(errors)) {
    const m = /events\[(\d+)\]/i.exec(field) ?? /^\$?\.?\[?(\d+)\]?(?:\.|$)/.exec(field);
    if (!m) continue;
    const index = Number(m[1]);
    if (index < 0 || index >= size) continue;
    const text = Array.isArray(messages) ? messages.join(' ') : String(messages ?? '');
    found.set(index, [found.get(index), text].filter(Boolean).join(' '));
  }
  return found;
}

function problemText(problem) {
  if (!problem) return '';
  const details = problem.errors && typeof problem.errors === 'object'
    ? Object.values(problem.errors).flat().join(' ')
    : '';
  return [problem.title, problem.detail, details].filter(Boolean).join(' ');
}

export class Outbox {
  constructor(siteId, { send, onChange, onAccepted, onRejected, onAuthFailure } = {}) {
    this.key = storageKey(siteId);
    this.send = send;
    this.onChange = onChange ?? (() => {});
    this.onAccepted = onAccepted ?? (() => {});
    this.onRejected = onRejected ?? (() => {});
    this.onAuthFailure = onAuthFailure ?? (() => {});
    this.enabled = false;
    this.flushing = false;
    this.failures = 0;
    this.retryTimer = null;
    this.retryAt = null;
    this.lastError = null;
    this.memory = null;
    this.persistent = true;

    // Another tab of the same console shares the outbox; keep counts in step with it.
    window.addEventListener('storage', (event) => {
      if (event.key === this.key) this.onChange();
    });
    window.addEventListener('online', () => this.kick());
  }

  items() {
    if (this.memory) return this.memory.slice();
    try {
      const parsed = JSON.parse(localStorage.getItem(this.key) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter((e) => e && typeof e.id === 'string') : [];
    } catch {
      return [];
    }
  }

  write(items) {
    if (!this.memory) {
      try {
        if (items.length) localStorage.setItem(this.key, JSON.stringify(items));
        else localStorage.removeItem(this.key);
        return;
      } catch {
        // Storage full or disabled: keep going in memory and tell the lead.
        this.persistent = false;
        this.memory = [];
      }
    }
    this.memory = items.slice();
  }

  add(event) {
    const items = this.items();
    items.push(event);
    this.write(items);
    this.onChange();
    this.kick();
  }

  remove(ids) {
    const drop = new Set(ids);
    this.write(this.items().filter((e) => !drop.has(e.id)));
  }

  get size() {
    return this.items().length;
  }

  enable() {
    this.enabled = true;
    this.kick();
  }

  disable() {
    this.enabled = false;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.retryAt = null;
    this.onChange();
  }

  // Send now, forgetting any backoff: a new tap, the network coming back, the hub reconnecting.
  kick() {
    if (!this.enabled) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.retryAt = null;
    if (this.flushing) {
      this.again = true;
      return;
    }
    this.flush();
  }

  scheduleRetry() {
    this.failures += 1;
    const delay = Math.min(MAX_RETRY_MS, 1000 * 2 ** (this.failures - 1)) * (0.8 + Math.random() * 0.4);
    this.retryAt = Date.now() + delay;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.retryAt = null;
      this.flush();
    }, delay);
  }

  async flush() {
    if (this.flushing || !this.enabled) return;
    this.flushing = true;
    this.again = false;
    let isolate = 0;
    let failed = false;
    this.onChange();
    try {
      while (this.enabled) {
        const pending = this.items();
        if (pending.length === 0) break;
        // After a 400 that names no event, go one by one to find the bad one.
        const batch = pending.slice(0, isolate > 0 ? 1 : BATCH_SIZE);
        let result;
        try {
          result = await this.send(batch);
        } catch (error) {
          const status = error?.status ?? 0;
          if (status === 400 || status === 422) {
            const bad = badIndexes(error.problem, batch.length);
            if (bad.size > 0) {
              this.reject([...bad.keys()].map((i) => ({ event: batch[i], reason: bad.get(i) })));
            } else if (batch.length === 1) {
              this.reject([{ event: batch[0], reason: problemText(error.problem) }]);
              isolate = Math.max(0, isolate - 1);
            } else {
              isolate = batch.length;
            }
            continue;
          }
          if (status === 401 || status === 403) {
            this.enabled = false;
            this.lastError = error;
            this.onAuthFailure(error);
            break;
          }
          // Network down, 5xx, 429, or anything unexpected: keep every event and try again later.
          this.lastError = error;
          failed = true;
          this.scheduleRetry();
          break;
        }
        this.remove(batch.map((e) => e.id));
        if (isolate > 0) isolate -= 1;
        this.failures = 0;
        this.lastError = null;
        this.onAccepted(batch, result);
        this.onChange();
      }
    } finally {
      this.flushing = false;
      this.onChange();
    }
    if (!failed && this.enabled && (this.again || this.items().length > 0) && !this.retryTimer) {
      this.again = false;
      this.flush();
    }
  }

  reject(entries) {
    this.remove(entries.map((e) => e.event.id));
    this.onRejected(entries);
    this.onChange();
  }
}
