// The admin token and its sign-in form, shared by the command centre's signed-in pages (/command/admin,
// /command/summary): the same markup and ids on each, and the same token, kept in sessionStorage for this
// browser session only, so that signing in on one page signs in the other in the same tab.
import { api } from './api.js';
import { setText } from './dom.js';
import { onLangChange, t } from './i18n.js';
import { setFieldError } from './admin-errors.js';

const TOKEN_KEY = 'qb.admin.token';
const byId = (id) => document.getElementById(id);

function readToken() {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function writeToken(token) {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Then it lives only in memory, for this page.
  }
}

// null when the token is good, else the message key that says why not.
async function verify(token) {
  try {
    await api.district(token);
    return null;
  } catch (error) {
    if (error.status === 401 || error.status === 403) return 'admin.errorWrongToken';
    if (error.status === 429) return 'admin.errorTooManySignin';
    return 'admin.errorNetworkSignin';
  }
}

/**
 * workspace: what is shown while signed in; loading: what is shown until then, if anything.
 * enter({ focus }): signed in; focus is true after a sign-in by hand, when focus should move into the workspace.
 * leave({ expired }): signing out; the page forgets what it showed and closes what it opened (expired: the
 *   server refused the token mid-work, so work not yet saved may be kept for the next sign-in).
 */
export function createAdminSession({ workspace, loading = null, enter, leave }) {
  const el = {
    signin: byId('signin'),
    form: byId('signin-form'),
    token: byId('admin-token'),
    tokenError: byId('admin-token-error'),
    button: byId('signin-button'),
    signout: byId('signout'),
  };
  let token = readToken();

  function show(view) {
    if (loading) loading.hidden = view !== 'loading';
    el.signin.hidden = view !== 'signin';
    workspace.hidden = view !== 'workspace';
    el.signout.hidden = view !== 'workspace';
  }

  function showSignin(errorKey) {
    setFieldError(el.token, el.tokenError, errorKey ? [{ key: errorKey }] : []);
    show('signin');
    el.token.focus();
  }

  function signOut(errorKey = null) {
    token = null;
    writeToken(null);
    leave?.({ expired: errorKey === 'admin.errorExpired' });
    el.token.value = '';
    showSignin(errorKey);
  }

  el.form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const typed = el.token.value.trim();
    if (!typed) {
      showSignin('admin.errorTokenEmpty');
      return;
    }
    el.button.disabled = true;
    setText(el.button, t('admin.verifying'));
    const errorKey = await verify(typed);
    el.button.disabled = false;
    setText(el.button, t('admin.signin'));
    if (errorKey) {
      showSignin(errorKey);
      return;
    }
    token = typed;
    writeToken(typed);
    el.token.value = '';
    setFieldError(el.token, el.tokenError, []);
    show('workspace');
    enter({ focus: true });
  });

  el.signout.addEventListener('click', () => signOut());

  onLangChange(() => {
    if (!el.button.disabled) setText(el.button, t('admin.signin'));
  });

  return {
    token: () => token,

    // The first view: the workspace with a token from earlier in this browser session, else the form.
    start() {
      if (!token) {
        showSignin(null);
        return;
      }
      // Straight to work, the token checked in the background.
      const checked = token;
      show('workspace');
      enter({ focus: false });
      verify(checked).then((errorKey) => {
        if (errorKey === 'admin.errorWrongToken' && token === checked) signOut('admin.errorExpired');
      });
    },

    signOut,

    // The server refused the token (401) in the middle of work.
    expired: () => signOut('admin.errorExpired'),
  };
}
