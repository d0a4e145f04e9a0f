// How long this phone holds each tap before sending it: the lead's own choice, kept on the phone.
// Five seconds suits a quick thumb; a lead on a screen reader needs time to hear the tap and reach
// the undo bar, so the range goes to twelve times that (WCAG 2.2.1, timing adjustable).
import { h } from './dom.js';
import { onLangChange, t } from './i18n.js';

const STORAGE_KEY = 'qb.lead.undoSeconds';
export const UNDO_SECONDS = [5, 10, 30, 60];
const DEFAULT_SECONDS = UNDO_SECONDS[0];
// The choice when storage is off: it lasts as long as the page.
let unsaved = null;

export function undoSeconds() {
  if (unsaved != null) return unsaved;
  try {
    const stored = Number(localStorage.getItem(STORAGE_KEY));
    return UNDO_SECONDS.includes(stored) ? stored : DEFAULT_SECONDS;
  } catch {
    return DEFAULT_SECONDS;
  }
}

// Fills `select` with the choices in the page language and keeps what the lead picks.
export function attachUndoTime(select) {
  function render() {
    const chosen = String(undoSeconds());
    select.replaceChildren(...UNDO_SECONDS.map((s) => h('option', { value: String(s), text: t('lead.undoSeconds', { s }) })));
    select.value = chosen;
  }
  select.addEventListener('change', () => {
    try {
      localStorage.setItem(STORAGE_KEY, select.value);
    } catch {
      unsaved = Number(select.value);
    }
  });
  onLangChange(render);
  render();
}
