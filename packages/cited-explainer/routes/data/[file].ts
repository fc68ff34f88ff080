import type { APIRoute } from 'astro';
import { getDatasets } from '../../lib/downloads.ts';

/** /data/<name>.csv and .json: the downloads listed on /data/ (lib/downloads.ts). */
export async function getStaticPaths() {
  const datasets = await getDatasets();
  return datasets.flatMap((set) => set.files.map(({ file, body }) => ({ params: { file }, props: { body } })));
}

export const GET: APIRoute = ({ props }) => new Response((props as { body: string }).body);
