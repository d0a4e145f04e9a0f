// The server words its problem details in English. Each page lists the messages it expects as
// [pattern, (match) => words in the page language]; anything else is shown as sent, marked as
// English for screen readers.
import { getLang } from './i18n.js';

export function serverWords(raw, known) {
  const text = String(raw ?? '');
  for (const [pattern, words] of known) {
    const m = pattern.exec(text);
    if (m) return { text: words(m), lang: null };
  }
  return { text, lang: getLang() === 'en' ? null : 'en' };
}
