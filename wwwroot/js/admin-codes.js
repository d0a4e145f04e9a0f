// Lead codes on the administration page: issue one (shown once, with a printable sign-in card
// holding the lead console's address as a QR code) and revoke all of a site's codes.
import { api, leadQrPath } from './api.js';
import { setText } from './dom.js';
import { siteName } from './format.js';
import { onLangChange, t } from './i18n.js';
import { failureMessage, failureWithAdvice } from './admin-errors.js';

const byId = (id) => document.getElementById(id);

export const leadConsoleUrl = (siteId) => `${location.origin}/lead/${encodeURIComponent(siteId)}`;

/**
 * ctx: token(), authLost(), announce(message, { error }), fallbackFocus()
 */
export function createLeadCodes(ctx) {
  const el = {
    panel: byId('code-panel'),
    heading: byId('code-heading'),
    value: byId('code-value'),
    copy: byId('copy-code'),
    copyStatus: byId('copy-status'),
    cardName: byId('card-name'),
    cardNameEn: byId('card-name-en'),
    cardQr: byId('card-qr'),
    cardUrl: byId('card-url'),
    cardCode: byId('card-code'),
    print: byId('print-card'),
    close: byId('close-code'),
    dialog: byId('revoke-dialog'),
    dialogBody: byId('revoke-body'),
  };
  // The code lives only here and in the panel while it is open; closing forgets it.
  const state = { site: null, code: null, returnFocus: null, revoking: null, copied: false };

  function render() {
    if (!state.site) return;
    const url = leadConsoleUrl(state.site.id);
    setText(el.heading, t('admin.codeHeading', { name: siteName(state.site) }));
    el.cardQr.alt = t('admin.qrAlt', { url });
    setText(el.copyStatus, state.copied ? t('admin.copied') : '');
  }

  function show(site, code, returnFocus) {
    Object.assign(state, { site, code, returnFocus, copied: false });
    const url = leadConsoleUrl(site.id);
    setText(el.value, code);
    setText(el.cardCode, code);
    setText(el.cardName, site.name || site.id);
    setText(el.cardNameEn, site.nameEn ?? '');
    el.cardNameEn.hidden = !site.nameEn;
    setText(el.cardUrl, url);
    el.cardQr.src = leadQrPath(site.id);
    render();
    el.panel.hidden = false;
    el.heading.focus();
  }

  function close({ restoreFocus = true } = {}) {
    if (!state.site) return;
    const back = state.returnFocus;
    Object.assign(state, { site: null, code: null, returnFocus: null, copied: false });
    el.panel.hidden = true;
    for (const node of [el.value, el.cardCode, el.cardName, el.cardNameEn, el.cardUrl, el.copyStatus, el.heading]) setText(node, '');
    el.cardQr.removeAttribute('src');
    el.cardQr.alt = '';
    if (!restoreFocus) return;
    if (back?.isConnected && !back.closest('[hidden]')) back.focus();
    else ctx.fallbackFocus();
  }

  async function issue(site, trigger) {
    trigger.disabled = true;
    try {
      const answer = await api.issueLeadCode(site.id, ctx.token());
      show(site, answer.code, trigger);
    } catch (error) {
      if (error.status === 401) ctx.authLost();
      else ctx.announce({ key: 'admin.issueFailed', params: { name: siteName(site), reason: failureWithAdvice(error) } }, { error: true });
    } finally {
      trigger.disabled = false;
      if (trigger.isConnected && document.activeElement === document.body) trigger.focus();
    }
  }

  // Clipboard API where the page may use it; otherwise the code is selected for the person to copy.
  async function copy() {
    if (!state.code) return;
    try {
      await navigator.clipboard.writeText(state.code);
      state.copied = true;
      render();
    } catch {
      const range = document.createRange();
      range.selectNodeContents(el.value);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      setText(el.copyStatus, t('admin.copySelect'));
    }
  }

  // Printing shows the card alone (admin.css, body.print-card).
  function print() {
    document.body.classList.add('print-card');
    window.addEventListener('afterprint', () => document.body.classList.remove('print-card'), { once: true });
    window.print();
  }

  function revoke(site, trigger) {
    state.revoking = { site, trigger };
    setText(el.dialogBody, t('admin.revokeBody', { name: siteName(site), id: site.id }));
    el.dialog.returnValue = '';
    el.dialog.showModal();
  }

  el.dialog.addEventListener('close', async () => {
    const pending = state.revoking;
    state.revoking = null;
    if (!pending) return;
    const { site, trigger } = pending;
    if (trigger?.isConnected) trigger.focus();
    if (el.dialog.returnValue !== 'confirm') return;
    trigger.disabled = true;
    try {
      await api.revokeLeadCodes(site.id, ctx.token());
      // A code still on screen for this site no longer works: do not leave it up to be printed.
      if (state.site?.id === site.id) close({ restoreFocus: false });
      ctx.announce({ key: 'admin.revoked', params: { name: siteName(site) } });
    } catch (error) {
      if (error.status === 401) ctx.authLost();
      else ctx.announce({ key: 'admin.revokeFailed', params: { name: siteName(site), reason: failureMessage(error) } }, { error: true });
    } finally {
      trigger.disabled = false;
      if (trigger.isConnected && document.activeElement === document.body) trigger.focus();
    }
  });

  el.copy.addEventListener('click', copy);
  el.print.addEventListener('click', print);
  el.close.addEventListener('click', () => close());
  onLangChange(render);

  return { issue, revoke, close };
}
