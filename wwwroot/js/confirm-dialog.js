// A yes-or-no question in a modal <dialog>, the safe answer first. The lead console asks before a
// lane that still holds people is paused or closed (a stray tap there turns a queue away, and
// residents see it at once) and before signing out with taps not yet sent; the admin page before
// unsaved edits to a site are thrown away. Anything else is cheap to redo, so nothing else asks.
import { h, setText } from './dom.js';

// Builds its own <dialog> at the end of the page, test ids `${testId}`, `${testId}-no` and
// `${testId}-yes`, buttons styled by `noClass` and `yesClass`. ask() resolves true only for an
// explicit yes; Esc and "no" are no.
export function createConfirm({ testId, noClass, yesClass }) {
  const title = h('h2', { id: `${testId}-title` });
  const body = h('p', { id: `${testId}-body` });
  const no = h('button', { type: 'submit', value: 'no', class: noClass, 'data-testid': `${testId}-no` });
  const yes = h('button', { type: 'submit', value: 'yes', class: yesClass, 'data-testid': `${testId}-yes` });
  const dialog = h('dialog', {
    class: 'dialog', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': title.id, 'aria-describedby': body.id, 'data-testid': testId,
  }, h('form', { method: 'dialog' }, title, body, h('div', { class: 'dialog-actions' }, no, yes)));
  document.body.append(dialog);
  const el = { dialog, title, body, yes, no };

  let settle = null;

  el.dialog.addEventListener('close', () => {
    const done = settle;
    settle = null;
    done?.(el.dialog.returnValue === 'yes');
  });

  // A modal dialog keeps the page inert but lets Tab wander into the browser's own controls;
  // someone on a keyboard should stay between the two answers.
  el.dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab') return;
    const order = [el.no, el.yes];
    const at = order.indexOf(document.activeElement);
    const next = order[(at + (event.shiftKey ? order.length - 1 : 1)) % order.length] ?? order[0];
    event.preventDefault();
    next.focus();
  });

  function ask({ title, body, yes, no }) {
    if (settle) return Promise.resolve(false);
    if (typeof el.dialog.showModal !== 'function') {
      // Browsers without <dialog> still ask, in their own words.
      return Promise.resolve(window.confirm(title));
    }
    setText(el.title, title);
    setText(el.body, body ?? '');
    el.body.hidden = !body;
    setText(el.yes, yes);
    setText(el.no, no);
    el.dialog.returnValue = '';
    return new Promise((resolve) => {
      settle = resolve;
      el.dialog.showModal();
      // The safe answer first: a second accidental tap lands on "no".
      el.no.focus();
    });
  }

  return { ask, get open() { return settle != null; } };
}
