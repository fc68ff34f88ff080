import type { APIRoute } from 'astro';
import { getLedger } from '../content-model/site-ledger.ts';

/** The claim ledger: every citation on the site, with its passage's place in the archive. */
export const GET: APIRoute = async () => new Response(`${JSON.stringify(await getLedger(), null, 1)}\n`);
