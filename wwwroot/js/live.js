// One SignalR connection per page that never gives up. The built-in automatic reconnect
// stops when its policy returns null and never covers a failed first start, so this module
// also retries start() forever and re-issues every Watch call after each (re)connect: the
// server answers each Watch with a fresh snapshot, which makes the page whole again.
// A page may ask to pause while hidden: a resident's board left open in a pocket would otherwise take
// a district's pushes all day, and the snapshot on return costs less than a minute of them.

const HUB_URL = '/hubs/queue';
const MAX_DELAY_MS = 10000;

function backoff(attempt) {
  const base = Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.max(0, attempt - 1));
  // Jitter spreads thousands of phones reconnecting after a server restart.
  return attempt === 0 ? 0 : Math.round(base * (0.75 + Math.random() * 0.25));
}

export function createLive({ handlers = {}, onWatch, onWatchError, onConnected, pauseWhenHiddenMs } = {}) {
  const signalR = window.signalR;
  const watches = new Map();
  const stateListeners = new Set();
  let connected = false;
  let disconnectedSince = Date.now();
  let freshAt = null;
  // The last second the page ran while connected: a phone asleep in a pocket runs no timers, so its
  // connection is found dropped only on waking, long after the data stopped coming.
  let aliveAt = Date.now();
  let startAttempt = 0;
  let startTimer = null;
  let starting = false;
  let paused = false;
  let hiddenTimer = null;

  const connection = new signalR.HubConnectionBuilder()
    .withUrl(HUB_URL)
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => backoff(ctx.previousRetryCount + 1) })
    .configureLogging(signalR.LogLevel.Warning)
    .build();

  for (const [name, fn] of Object.entries(handlers)) {
    connection.on(name, (...args) => {
      markFresh();
      fn(...args);
    });
  }

  // `since`: when the connection was last known to work, if before now.
  function setConnected(value, since = Date.now()) {
    if (connected === value) return;
    connected = value;
    if (value) {
      freshAt = Date.now();
      aliveAt = freshAt;
    } else {
      disconnectedSince = since;
      aliveAt = Math.min(aliveAt, since);
      // Everything shown was current up to the last moment the page ran with the connection up.
      if (freshAt != null) freshAt = Math.max(freshAt, aliveAt);
    }
    for (const fn of stateListeners) fn(connected);
  }

  // A watch the server refused (a site not configured again yet after a restart) is retried while connected, so a
  // screen that shows "connected" is never silently without updates.
  const watchRetries = new Map();

  function invokeWatch(key) {
    const [method, given] = watches.get(key) ?? [];
    if (!method) return Promise.resolve();
    // An argument may be a function, asked at each (re)connect: the board's version the page holds by then.
    const args = given.map((arg) => (typeof arg === 'function' ? arg() : arg));
    clearTimeout(watchRetries.get(key)?.timer);
    // The snapshot that answers this watch must be taken whatever it says: tell the page before it arrives.
    onWatch?.(method, args);
    return connection.invoke(method, ...args).then(() => {
      watchRetries.delete(key);
    }, (error) => {
      // A dropped connection is handled by the reconnect; anything else (unknown site) is the page's business.
      if (connection.state !== signalR.HubConnectionState.Connected) return;
      onWatchError?.(method, args, error);
      const attempt = (watchRetries.get(key)?.attempt ?? 0) + 1;
      const timer = setTimeout(() => {
        if (watches.has(key) && connection.state === signalR.HubConnectionState.Connected) invokeWatch(key);
      }, backoff(attempt));
      watchRetries.set(key, { attempt, timer });
    });
  }

  function afterConnect() {
    setConnected(true);
    startAttempt = 0;
    for (const key of watches.keys()) invokeWatch(key);
    onConnected?.();
  }

  async function start() {
    startTimer = null;
    if (paused || starting || connection.state !== signalR.HubConnectionState.Disconnected) return;
    starting = true;
    try {
      await connection.start();
      starting = false;
      afterConnect();
    } catch {
      starting = false;
      scheduleStart();
    }
  }

  function scheduleStart() {
    if (paused || startTimer != null) return;
    startAttempt += 1;
    startTimer = setTimeout(start, backoff(startAttempt));
  }

  // A connection dropped for silence had heard nothing for the whole timeout: the screen has been out of date since
  // then, not since the drop, and says so (its banner comes and its time reads from then).
  function lostAt(error) {
    const silent = /timeout/i.test(error?.message ?? '');
    return silent ? Date.now() - connection.serverTimeoutInMilliseconds : Date.now();
  }

  let restartNow = false;
  connection.onreconnecting((error) => setConnected(false, lostAt(error)));
  connection.onreconnected(afterConnect);
  connection.onclose((error) => {
    setConnected(false, lostAt(error));
    if (restartNow) {
      restartNow = false;
      start();
    } else {
      scheduleStart();
    }
  });

  // The phone knows at once when its network goes; the connection would notice only when the server's keep-alives
  // had been missing for its whole timeout (30 s). Closed, not only marked: a socket that lived on would leave the page
  // saying offline while connected, and never unwatching what it leaves.
  window.addEventListener('offline', () => {
    setConnected(false);
    if (!paused && connection.state !== signalR.HubConnectionState.Disconnected) connection.stop().catch(() => {});
  });

  // Back online, connect again at once rather than wait out a backoff or a connection that may have died unnoticed;
  // the watches' snapshots then make the page whole.
  window.addEventListener('online', () => {
    if (paused) return;
    clearTimeout(startTimer);
    startTimer = null;
    startAttempt = 0;
    if (connection.state === signalR.HubConnectionState.Disconnected) {
      start();
    } else {
      restartNow = true;
      connection.stop().catch(() => {});
    }
  });

  function pause() {
    hiddenTimer = null;
    paused = true;
    clearTimeout(startTimer);
    startTimer = null;
    connection.stop().catch(() => {});
  }

  function resume() {
    clearTimeout(hiddenTimer);
    hiddenTimer = null;
    if (!paused) return;
    paused = false;
    startAttempt = 0;
    start();
  }

  if (pauseWhenHiddenMs != null) {
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') {
        clearTimeout(hiddenTimer);
        hiddenTimer = setTimeout(pause, pauseWhenHiddenMs);
      } else {
        resume();
      }
    });
  }

  function markFresh() {
    freshAt = Date.now();
  }

  setInterval(() => {
    if (connected) aliveAt = Date.now();
  }, 1000);

  const keyOf = (method, args) => JSON.stringify([method, ...args]);

  start();

  return {
    connection,
    isConnected: () => connected,
    isPaused: () => paused,
    disconnectedSince: () => disconnectedSince,
    // When the data on screen was last known to be current (null: never).
    freshAt: () => (connected ? Date.now() : freshAt),
    markFresh,
    onState(fn) {
      stateListeners.add(fn);
      return () => stateListeners.delete(fn);
    },
    watch(method, ...args) {
      const key = keyOf(method, args);
      watches.set(key, [method, args]);
      return connected ? invokeWatch(key) : Promise.resolve();
    },
    unwatch(watchMethod, unwatchMethod, ...args) {
      if (!watches.delete(keyOf(watchMethod, args))) return;
      if (connected) connection.invoke(unwatchMethod, ...args).catch(() => {});
    },
  };
}
