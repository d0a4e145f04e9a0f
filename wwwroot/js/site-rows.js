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
