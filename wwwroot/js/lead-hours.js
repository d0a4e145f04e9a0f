// Off-hours honesty. Outside its opening hours residents see the site as closed whatever its lanes
// say; a lead getting ready before opening must not take lanes marked open for a site residents
// are told to come to. Times and days are the district's, whatever zone the phone is set to.
import { t } from './i18n.js';
import { nextOpeningText } from './site-state.js';

// The resting banner's words, or null within opening hours. A server that does not say is taken at
// its older word: within hours.
export function restingText(site) {
  if (site?.withinHours !== false) return null;
  return [t('lead.resting'), nextOpeningText(site)].filter(Boolean).join(' · ');
}

// Residents see an open site whose lanes have gone quiet as out of date; the lead can mend that.
export function staleText(site) {
  return site?.stale === true && site?.withinHours !== false ? t('lead.stale') : null;
}
