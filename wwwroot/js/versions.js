// Orders the site pictures a page receives: a push or HTTP answer older than the one shown is dropped. The snapshot that
// answers each (re)watch is always taken, so a page can never stay frozen behind a version it saw before a node restart
// or failover, even though the server keeps versions rising across activations.

export function createVersionGate() {
  const shown = new Map();
  return {
    // Whether a picture of site `id` with `version` may replace the one shown; records it when so.
    accept(id, version) {
      const v = version ?? 0;
      const last = shown.get(id);
      if (last != null && v < last) return false;
      shown.set(id, v);
      return true;
    },
    // Forget what was shown for `id`: the next picture is taken whatever its version.
    reset(id) {
      shown.delete(id);
    },
  };
}
