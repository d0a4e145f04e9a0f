// Signing in on the command centre, so that an operator can acknowledge alerts from the wall itself. The form, the
// check and the token are admin-session.js's, shared with the administration and summary pages (kept for this
// browser session only, so signing in on one signs in the others in the same tab). The difference is when the form
// shows: a wall screen is for everyone in the room, so the form opens only when asked for, and closes again.
import { rewordFieldErrors } from './admin-errors.js';
import { createAdminSession } from './admin-session.js';
import { onLangChange } from './i18n.js';

const byId = (id) => document.getElementById(id);

// onChange(): signed in or out; token() is the admin token while signed in here, else null.
export function createCommandAdmin({ onChange }) {
  const el = {
    open: byId('command-admin-signin'),
    form: byId('signin'),
    cancel: byId('signin-cancel'),
    signedIn: byId('command-admin-session'),
    signout: byId('signout'),
  };
  let signedIn = false;

  function showOpen(expanded) {
    el.open.hidden = signedIn;
    el.open.setAttribute('aria-expanded', String(expanded));
  }

  const session = createAdminSession({
    workspace: el.signedIn,
    enter({ focus }) {
      signedIn = true;
      showOpen(false);
      onChange();
      // The form that had the keyboard is gone: the first alert to acknowledge is what the operator came for.
      if (focus) (document.querySelector('[data-testid=alert-ack]') ?? el.signout).focus();
    },
    leave() {
      signedIn = false;
      // The session shows the form next, with the reason when the server refused the token.
      showOpen(true);
      onChange();
    },
  });

  function close({ focus }) {
    if (el.form.hidden) return;
    el.form.hidden = true;
    showOpen(false);
    if (focus) el.open.focus();
  }

  el.open.addEventListener('click', () => {
    if (!el.form.hidden) {
      close({ focus: false });
      return;
    }
    showOpen(true);
    // Without a token the session opens its form and takes the keyboard there.
    session.start();
  });
  el.cancel.addEventListener('click', () => close({ focus: true }));
  el.form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close({ focus: true });
  });
  // Signing out by hand is done here: the session's own sign-out reopens its form, which a wall does not want. This
  // listener is added after the session's, so it runs after it.
  el.signout.addEventListener('click', () => close({ focus: true }));
  onLangChange(rewordFieldErrors);

  // A token from earlier in this browser session signs this page in straight away; without one, nothing opens by itself.
  if (session.token()) session.start();
  else showOpen(false);

  return {
    token: () => (signedIn ? session.token() : null),
    expired: () => session.expired(),
  };
}
