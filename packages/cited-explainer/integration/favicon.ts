import type { APIRoute } from 'astro';
import icon from '../assets/favicon.svg?raw';

/** /favicon.svg, the default icon, published when the project's public/ folder has none of its own. */
export const GET: APIRoute = () => new Response(icon, { headers: { 'Content-Type': 'image/svg+xml' } });
