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

// The compact board feed (boardChanged, after WatchBoardSince): each changed row is
// [id, mask, values...], where bit i of the mask says that `changes.fields[i]` moved and its value
// follows, in field order. The row is laid over the one already held (names and coordinates came with
// the board read first, or the whole board the hub sent); updatedAt comes as Unix milliseconds. Ids not held yet are returned, for the page
// to read the board again: a site created since.
export function mergeChanges(rows, changes) {
  const fields = changes?.fields ?? [];
  const unknown = [];
  let changed = false;
  for (const [id, mask, ...values] of changes?.rows ?? []) {
    const current = rows.get(id);
    if (!current) {
      if (id) unknown.push(id);
      continue;
    }
    const update = { ...current };
    let next = 0;
    fields.forEach((field, i) => {
      if (mask & (1 << i)) update[field] = values[next++];
    });
    if (typeof update.updatedAt === 'number') update.updatedAt = new Date(update.updatedAt).toISOString();
    changed = mergeRow(rows, update) || changed;
  }
  return { changed, unknown };
}
