// The lead console's outbox. A tap is written to localStorage before anything is sent, so a
// dead battery, a reload or a lost signal never loses it; it leaves the outbox only once the
// server has answered 200 (its UUID makes a resend harmless: the server counts it a duplicate).
// Events go out in order, in batches. A batch is all-or-nothing on the server, so a 400 names
// the bad events by index: those are dropped and reported, the rest are sent again.
// A tap may be held (`holdUntil`, ms): stored and counted at once, but not sent before then, so the
// lead can still take it back and the server never sees it; being stored, it outlives the page.

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
    const texts = (Array.isArray(messages) ? messages : [messages]).map((m) => String(m ?? '')).filter(Boolean);
    found.set(index, [...(found.get(index) ?? []), ...texts]);
  }
  return found;
}

// What the server gets: the contract's event, without the phone's own bookkeeping.
function wire(item) {
  const { holdUntil, ...event } = item;
  return event;
}

const isHeld = (item, now) => item.holdUntil > now;

// The server's messages, each worded by the page when shown.
function problemMessages(problem) {
  if (!problem) return [];
  const details = problem.errors && typeof problem.errors === 'object' ? Object.values(problem.errors).flat() : [];
  return [problem.title, problem.detail, ...details].filter(Boolean).map(String);
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
    this.releaseTimer = null;
    this.lastError = null;
    this.memory = null;
    this.persistent = true;

    // Another tab of the same console shares the outbox; keep counts in step with it.
    window.addEventListener('storage', (event) => {
      if (event.key !== this.key) return;
      this.onChange();
      // A tap held by a tab that has since closed is still due, and this tab may be the one left to send it.
      this.scheduleRelease();
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

  // Returns when the event will be sent (ms), which is now unless it is held.
  add(event, { holdMs = 0 } = {}) {
    const item = holdMs > 0 ? { ...event, holdUntil: Date.now() + holdMs } : { ...event };
    const items = this.items();
    items.push(item);
    this.write(items);
    this.onChange();
    this.kick();
    return item.holdUntil ?? Date.now();
  }

  // Takes back a held event; false once it is no longer held (it may be on its way).
  undo(id) {
    const items = this.items();
    const index = items.findIndex((e) => e.id === id);
    if (index < 0 || !isHeld(items[index], Date.now())) return false;
    items.splice(index, 1);
    this.write(items);
    this.onChange();
    return true;
  }

  // Moves the release of events still held (`untils`: id -> ms); returns the ones moved with their new time.
  holdUntil(untils) {
    const now = Date.now();
    const moved = new Map();
    const items = this.items().map((e) => {
      if (!untils.has(e.id) || !isHeld(e, now)) return e;
      moved.set(e.id, untils.get(e.id));
      return { ...e, holdUntil: untils.get(e.id) };
    });
    if (moved.size === 0) return moved;
    this.write(items);
    this.scheduleRelease();
    return moved;
  }

  // Held events become ordinary pending ones, sent as soon as possible.
  release(ids) {
    const free = new Set(ids);
    let changed = false;
    const items = this.items().map((e) => {
      if (!free.has(e.id) || e.holdUntil == null) return e;
      changed = true;
      return wire(e);
    });
    if (!changed) return;
    this.write(items);
    this.onChange();
    this.kick();
  }

  // The events that may go now: everything up to the first one still held, so they leave in tap order.
  ready(items = this.items()) {
    const now = Date.now();
    const held = items.findIndex((e) => isHeld(e, now));
    return held < 0 ? items : items.slice(0, held);
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
    clearTimeout(this.releaseTimer);
    this.retryTimer = null;
    this.retryAt = null;
    this.releaseTimer = null;
    this.onChange();
  }

  // Send now, forgetting any backoff: a new tap, the network coming back, the hub reconnecting.
  kick() {
    if (!this.enabled) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.retryAt = null;
    this.scheduleRelease();
    if (this.flushing) {
      this.again = true;
      return;
    }
    this.flush();
  }

  // Wakes when the oldest held event falls due. Its release counts as its tap did before taps
  // were held: a reason to try at once, backoff or not.
  scheduleRelease() {
    clearTimeout(this.releaseTimer);
    this.releaseTimer = null;
    if (!this.enabled) return;
    const now = Date.now();
    const next = this.items().find((e) => isHeld(e, now));
    if (!next) return;
    this.releaseTimer = setTimeout(() => {
      this.releaseTimer = null;
      this.kick();
    }, next.holdUntil - now + 20);
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
    if (this.ready().length === 0) return;
    this.flushing = true;
    this.again = false;
    let isolate = 0;
    let failed = false;
    this.onChange();
    try {
      while (this.enabled) {
        const pending = this.ready();
        if (pending.length === 0) break;
        // After a 400 that names no event, go one by one to find the bad one.
        const batch = pending.slice(0, isolate > 0 ? 1 : BATCH_SIZE);
        let result;
        try {
          result = await this.send(batch.map(wire));
        } catch (error) {
          const status = error?.status ?? 0;
          if (status === 400 || status === 422) {
            const bad = badIndexes(error.problem, batch.length);
            if (bad.size > 0) {
              this.reject([...bad.keys()].map((i) => ({ event: batch[i], reasons: bad.get(i) })));
            } else if (batch.length === 1) {
              this.reject([{ event: batch[0], reasons: problemMessages(error.problem) }]);
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
    if (!failed && this.enabled && (this.again || this.ready().length > 0) && !this.retryTimer) {
      this.again = false;
      this.flush();
    }
    this.scheduleRelease();
  }

  reject(entries) {
    this.remove(entries.map((e) => e.event.id));
    this.onRejected(entries);
    this.onChange();
  }
}
