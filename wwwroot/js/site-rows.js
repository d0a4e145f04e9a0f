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
// The same epoch's numbering of the sites (the packed feed names rows by number: a site's place in the
// board read) is kept here too, and goes with the epoch.
export function createFieldVersions() {
  let epoch = null;
  const byRow = new Map();
  const ids = new Map();
  // The field names of the last message that had them: a packed push leaves them out, since the watch's
  // answers, which come first, named them.
  let fields = [];
  return {
    fieldsOf(message) {
      if (Array.isArray(message?.fields)) fields = message.fields;
      return fields;
    },
    // The number of a message's version, or null when it has none (a whole snapshot: taken as it is).
    start(version) {
      const match = /^(.+)-(\d+)$/.exec(version ?? '');
      if (!match) return null;
      if (match[1] !== epoch) {
        epoch = match[1];
        byRow.clear();
        ids.clear();
      }
      return Number(match[2]);
    },
    // The site numbered `number` in this epoch, and naming it.
    idOf(number) {
      return ids.get(number);
    },
    name(number, id) {
      ids.set(number, id);
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

// Whether a screen's row or tile last drew from these same inputs. A row is replaced, never changed in place, when a
// field moves (see layOver), so the same row object is the same row.
export function drawnFrom(previous, inputs) {
  return previous != null && previous.length === inputs.length && previous.every((value, i) => value === inputs[i]);
}

// `entries` ([field, value] pairs of message number `n`) laid over `base`, each only where `versions`
// finds it at least as new as the field held; whether any value changed (the row is then replaced in `rows`).
// A row is never changed in place: the screens tell a changed row from an unchanged one by its identity alone,
// so a read that brings the values held keeps the rows, and the screens draw nothing.
function layOver(rows, id, base, entries, n, versions) {
  const update = { ...base };
  let took = false;
  for (const [field, value] of entries) {
    if (!versions.take(id, field, n) || (base && Object.is(base[field], value))) continue;
    update[field] = value;
    took = true;
  }
  if (took) rows.set(id, update);
  return took;
}

// A board read with its version (`GET /api/v1/sites` and its ETag) laid over the rows held, field by
// field through `versions`; without a version, as mergeRows does. Whether any row changed.
// The read's rows come in the district's numbering order, so the read also names every number.
export function mergeRead(rows, list, version, versions) {
  const n = versions.start(version);
  if (n == null) return mergeRows(rows, list);
  let changed = false;
  (list ?? []).forEach((row, number) => {
    if (!row?.id) return;
    versions.name(number, row.id);
    changed = layOver(rows, row.id, rows.get(row.id), Object.entries(row), n, versions) || changed;
  });
  return changed;
}

// The compact board feed (boardChanged, after WatchBoardPacked or WatchBoardSince): each changed row is
// [site, mask, values...], where bit i of the mask says that `changes.fields[i]` moved and its value
// follows, in field order. The row is laid over the one already held (from the board read first, or
// the whole board the hub sent; names and places come again only when an operator changes them),
// field by field through `versions`. Packed (WatchBoardPacked, the message has `at`): the site is its
// number, `ids` names the sites of rows that carry every field (added since the version held),
// updatedAt comes as the milliseconds it lies before `at`, and a push has no `fields` of its own.
// Otherwise the site is its id and updatedAt Unix milliseconds. A site not held yet is taken from a row that carries every field; otherwise it is
// returned, for the page to read the board again.
export function mergeChanges(rows, changes, versions) {
  const fields = versions.fieldsOf(changes);
  const at = typeof changes?.at === 'number' ? changes.at : null;
  const n = versions.start(changes?.version);
  for (const [number, id] of Object.entries(changes?.ids ?? {})) versions.name(Number(number), id);
  const unknown = [];
  let changed = false;
  for (const [site, mask, ...values] of changes?.rows ?? []) {
    const id = typeof site === 'number' ? versions.idOf(site) : site;
    // A row with every field is a whole row: a site created since needs no read of the board, which at a
    // district's peak every open phone would make at the same moment.
    const whole = fields.length > 0 && mask === 2 ** fields.length - 1;
    const current = id == null ? undefined : rows.get(id) ?? (whole ? { id } : undefined);
    if (!current) {
      if (site != null && site !== '') unknown.push(id ?? site);
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
