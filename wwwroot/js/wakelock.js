// Wall screens must not dim or sleep; the lock is dropped whenever the tab is hidden, so take it again.
export function keepAwake() {
  if (!('wakeLock' in navigator)) return;
  const acquire = () => {
    if (document.visibilityState === 'visible') navigator.wakeLock.request('screen').catch(() => {});
  };
  document.addEventListener('visibilitychange', acquire);
  acquire();
}
