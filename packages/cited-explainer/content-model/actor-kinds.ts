import { siteConfig } from '../lib/site.ts';

/** How each kind of actor is named in headings and labels (site.json "actorKinds"); the order is the order of the actors index. */
export const actorKindLabels: ReadonlyArray<[string, { one: string; many: string }]> = siteConfig.actorKinds.map(({ id, one, many }) => [id, { one, many }]);

export const actorKindLabel = (kind: string) => actorKindLabels.find(([k]) => k === kind)?.[1].one ?? kind;
