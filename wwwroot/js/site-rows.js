// Board rows (the GET /api/v1/sites shape) kept by site id, for every page that follows the hub's
// board feed. The first boardUpdated after WatchBoard holds every site and later ones only the rows
// that changed, and an HTTP answer can be overtaken by a push, so rows merge by id and an older row
// never replaces a newer one (rows carry no version; updatedAt orders them).

// Whether `row` was taken into `rows` (a Map by id).
export function mergeRow(rows, row) {
  if (!row?.id) return false;
  const current = rows.get(row.id);
  if (current && Date.parse(row.updatedAt) < Date.parse(current.updatedAt)) return false;
  rows.set(row.id, row);
  return true;
}

// Whether any row of `list` was taken.
export function mergeRows(rows, list) {
  let changed = false;
  for (const row of list ?? []) changed = mergeRow(rows, row) || changed;
  return changed;
}

// For pages on the full feed (WatchBoard), which also read the board over HTTP at load and on every
// reconnect: a read can be answered after a push of a row it predates, and a row that stays put is not
// pushed again, so its older `stale`, `open` or opening times (which change while updatedAt stands
// still) would stay. A read takes only the rows no push has brought since it was sent: such a push is
// at least as new as the read, or else the change the read saw after it is pushed in turn.
export function createReadGuard() {
  let pushes = 0;
  const pushedAt = new Map();
  return {
    // Notes the rows of a push as taken now.
    pushed(list) {
      pushes++;
      for (const row of list ?? []) if (row?.id) pushedAt.set(row.id, pushes);
    },
    // Taken just before a read is sent.
    mark() {
      return pushes;
    },
    // The rows of a read sent at `mark` that no push has brought since.
    unpushed(list, mark) {
      return (list ?? []).filter((row) => (pushedAt.get(row?.id) ?? 0) <= mark);
    },
  };
}

// Which board version (the district's "epoch-n": a read's ETag, a push's `version`) each field of each
// row came from, for the resident board, whose rows come from reads, the watch's own answers and pushes
// that can overtake one another: a push made just after the watch's answer may arrive before it, and a
// read may be answered after a push. A field is taken only from a message at least as new as the one
// it came from. updatedAt cannot order them: a compact row carries only some fields, and `stale`,
// `open` and the opening times change while updatedAt stands still. Another epoch (the district
// restarted) starts the count again.
export function createFieldVersions() {
  let epoch = null;
  const byRow = new Map();
  return {
    // The number of a message's version, or null when it has none (a whole snapshot: taken as it is).
    start(version) {
      const match = /^(.+)-(\d+)$/.exec(version ?? '');
      if (!match) return null;
      if (match[1] !== epoch) {
        epoch = match[1];
        byRow.clear();
      }
      return Number(match[2]);
    },
    // Whether row `id`'s `field` from message number `n` is at least as new as the one held; notes it if so.
    take(id, field, n) {
      if (n == null) return true;
      let fields = byRow.get(id);
      if (!fields) byRow.set(id, (fields = new Map()));
      if ((fields.get(field) ?? -1) > n) return false;
      fields.set(field, n);
      return true;
    },
  };
}

// `entries` ([field, value] pairs of message number `n`) laid over `base`, each only where `versions`
// finds it at least as new as the field held; whether any was taken (the row is then replaced in `rows`).
function layOver(rows, id, base, entries, n, versions) {
  const update = { ...base };
  let took = false;
  for (const [field, value] of entries) {
    if (!versions.take(id, field, n)) continue;
    update[field] = value;
    took = true;
  }
  if (took) rows.set(id, update);
  return took;
}

// A board read with its version (`GET /api/v1/sites` and its ETag) laid over the rows held, field by
// field through `versions`; without a version, as mergeRows does. Whether any row changed.
export function mergeRead(rows, list, version, versions) {
  const n = versions.start(version);
  if (n == null) return mergeRows(rows, list);
  let changed = false;
  for (const row of list ?? []) {
    if (row?.id) changed = layOver(rows, row.id, rows.get(row.id), Object.entries(row), n, versions) || changed;
  }
  return changed;
}

// The compact board feed (boardChanged, after WatchBoardWithAges or WatchBoardSince): each changed row is
// [id, mask, values...], where bit i of the mask says that `changes.fields[i]` moved and its value
// follows, in field order. The row is laid over the one already held (from the board read first, or
// the whole board the hub sent; names and places come again only when an operator changes them),
// field by field through `versions`;
// updatedAt comes as the milliseconds it lies before the message's `at` (WatchBoardWithAges), or as
// Unix milliseconds where there is no `at`. Ids not held yet are returned, for the page to read the
// board again: a site created since.
export function mergeChanges(rows, changes, versions) {
  const fields = changes?.fields ?? [];
  const at = typeof changes?.at === 'number' ? changes.at : null;
  const n = versions.start(changes?.version);
  const unknown = [];
  let changed = false;
  for (const [id, mask, ...values] of changes?.rows ?? []) {
    const current = rows.get(id);
    if (!current) {
      if (id) unknown.push(id);
      continue;
    }
    const entries = [];
    fields.forEach((field, i) => {
      if (!(mask & (1 << i))) return;
      const value = values[entries.length];
      entries.push([field, field === 'updatedAt' && typeof value === 'number' ? new Date(at == null ? value : at - value).toISOString() : value]);
    });
    changed = layOver(rows, id, current, entries, n, versions) || changed;
  }
  return { changed, unknown };
}
