import { buildLedger } from '../citations/ledger.ts';
import { getCitingDocuments, incidentUrl } from '../lib/site-data.ts';
import { withBase } from '../lib/url.ts';
import type { Ledger } from '../schemas/ledger.ts';
import { getCitedFields } from './load.ts';

/**
 * Astro glue: every claim and note of the site, read once per build. Above both the pages
 * (lib/site-data.ts) and the content model (load.ts), which checks the pages against the model.
 */

let ledger: Promise<Ledger> | undefined;

/** Every claim and note of the site: MDX bodies, and the cited data fields on the pages that own them. */
export function getLedger(): Promise<Ledger> {
  ledger ??= (async () => {
    const fields = await getCitedFields();
    const base = import.meta.env.BASE_URL;
    return buildLedger([
      ...(await getCitingDocuments()),
      ...[...fields.actorPages].map(([slug, page]) => ({ url: withBase(base, `/actors/${slug}/`), ...page })),
      { url: withBase(base, '/glossary/'), ...fields.glossary },
      { url: withBase(base, '/incidents/'), ...fields.incidentsIndex },
      ...[...fields.incidentFacts].map(([id, page]) => ({ url: incidentUrl({ id }), ...page })),
    ]);
  })();
  return ledger;
}
