// Errors on the administration page: failed calls and field errors in the page language.
// The messages the server is known to send are put into the page language (server-words.js).
import { setAttr, setText } from './dom.js';
import { t } from './i18n.js';
import { serverWords } from './server-words.js';

const KNOWN_MESSAGES = [
  [/^Required\.?$/, () => t('admin.err.required')],
  [/^At most (\d+) characters\.?$/, (m) => t('admin.err.tooLong', { n: m[1] })],
  [/^Use plain text/, () => t('admin.err.plainText')],
  [/^Give the latitude/, () => t('admin.err.latitude')],
  [/^Give the longitude/, () => t('admin.err.longitude')],
  [/^Give a local time as HH:mm, from 00:00 to 23:59/, () => t('admin.err.timeFrom')],
  [/^Give a local time as HH:mm, from 00:00 to 24:00/, () => t('admin.err.timeTo')],
  [/^A span must not end when it starts/, () => t('admin.err.emptySpan')],
  [/^At most (\d+) spans\.?$/, (m) => t('admin.err.tooManySpans', { n: m[1] })],
  [/^Give 1 to (\d+) lanes\.?$/, (m) => t('admin.err.laneCount', { n: m[1] })],
  [/^A (?:lane|site) id is /, () => t('admin.err.id')],
  [/^Lane id '(.*)' is used twice\.?$/, (m) => t('admin.err.laneIdTwice', { id: m[1] })],
  [/^Use 'standard' or 'green'\.?$/, () => t('admin.err.kind')],
  [/^The site configuration has errors/, () => t('admin.err.invalidConfig')],
  [/^The site id is not valid/, () => t('admin.err.id')],
  [/^People are still queued in lane (.+); nothing was changed\.?$/, (m) => t('admin.err.stillQueued', { lanes: m[1] })],
  [/^Move them to another lane and set the lane's head count to 0/, () => t('admin.err.stillQueuedDetail')],
  [/^No site has the id '(.*)'\.?$/, (m) => t('admin.errorNoSiteId', { id: m[1] })],
  [/^The date is not valid\.?$/, () => t('admin.err.badDate')],
  [/^Give a date as YYYY-MM-DD, from (\S+) to (\S+)/, (m) => t('admin.err.reportDay', { from: m[1], to: m[2] })],
  [/^This site already has the most lead codes it may hold/, () => t('admin.err.tooManyCodes')],
  [/^Revoke them all with DELETE on the same path/, () => t('admin.err.tooManyCodesDetail')],
];

// One message: a server string, { server } (the server's words inside a sentence of ours), or
// { key, params } of this page's own, whose params may be messages too (so that a sentence and the
// reason inside it are both worded at render time). Plain string params (a site's name) are kept as they are.
export function messageText(message) {
  if (message && typeof message === 'object' && 'server' in message) return serverWords(message.server, KNOWN_MESSAGES);
  if (message && typeof message === 'object') {
    const params = Object.fromEntries(Object.entries(message.params ?? {})
      .map(([name, value]) => [name, value && typeof value === 'object' ? messageText(value).text : value]));
    return { text: t(message.key, params), lang: null };
  }
  return serverWords(message, KNOWN_MESSAGES);
}

// Writes a message into `node`, marked as English when it is the server's untranslated words.
export function writeMessage(node, message) {
  const { text, lang } = messageText(message);
  setText(node, text);
  setAttr(node, 'lang', lang);
}

// What went wrong with a call, as a message for writeMessage(). 401 is handled by the caller
// (the session is over).
export function failureMessage(error) {
  if (!error || error.status === 0) return { key: 'admin.errorNetwork' };
  if (error.status === 403) return { key: 'admin.errorForbidden' };
  if (error.status === 429) return { key: 'admin.errorTooMany', params: { s: error.retryAfter ?? 1 } };
  if (error.problem?.title) return { server: error.problem.title };
  if (error.status >= 500) return { key: 'admin.errorServer' };
  return { key: 'admin.errorHttp', params: { status: error.status } };
}

// The same with the server's advice (its detail) after it, for a sentence that has room for both.
export function failureWithAdvice(error) {
  const title = failureMessage(error);
  const detail = error?.problem?.title && error.problem.detail;
  return detail ? { key: 'admin.err.titleDetail', params: { title, detail: { server: detail } } } : title;
}

// The same in words, to go inside a sentence.
export function failureText(error) {
  return messageText(failureMessage(error)).text;
}

// Field errors shown now, so that a language switch can reword them.
const shown = new Map();

// Shows `messages` under a field (or clears them with an empty list); the input, when there is one,
// gets aria-invalid and is described by the error as well as by its help text (data-describedby).
export function setFieldError(input, errorEl, messages) {
  if (messages.length) shown.set(errorEl, messages);
  else shown.delete(errorEl);
  renderFieldError(errorEl, messages);
  if (!input) return;
  const base = (input.dataset.describedby ?? '').split(' ').filter(Boolean);
  // A button (a list's "add" button standing in for the whole list) is described by the error, not invalid.
  if (input.tagName !== 'BUTTON') setAttr(input, 'aria-invalid', messages.length ? 'true' : null);
  setAttr(input, 'aria-describedby', (messages.length ? [...base, errorEl.id] : base).join(' ') || null);
}

function renderFieldError(errorEl, messages) {
  const parts = messages.map(messageText);
  setText(errorEl, parts.map((p) => p.text).join(' '));
  // One language for the whole line: English only when every part is the server's English.
  setAttr(errorEl, 'lang', parts.length && parts.every((p) => p.lang) ? parts[0].lang : null);
}

// Clears every field error inside `root`.
export function clearFieldErrors(root) {
  for (const errorEl of [...shown.keys()]) {
    if (!root.contains(errorEl)) continue;
    shown.delete(errorEl);
    renderFieldError(errorEl, []);
  }
  for (const input of root.querySelectorAll('[aria-invalid], [aria-describedby]')) {
    input.removeAttribute('aria-invalid');
    setAttr(input, 'aria-describedby', input.dataset.describedby || null);
  }
}

export function rewordFieldErrors() {
  for (const [errorEl, messages] of shown) {
    if (errorEl.isConnected) renderFieldError(errorEl, messages);
    else shown.delete(errorEl);
  }
}
