import type { ActorKind } from '../schemas/actor.ts';

/** How each kind of actor is named in headings and labels; the order is the order of the actors index. */
export const actorKindLabels: ReadonlyArray<[ActorKind, { one: string; many: string }]> = [
  ['state', { one: 'State', many: 'States' }],
  ['de-facto-authority', { one: 'De facto authority', many: 'De facto authorities' }],
  ['ministry', { one: 'Ministry', many: 'Ministries' }],
  ['armed-forces', { one: 'Armed forces', many: 'Armed forces' }],
  ['international-body', { one: 'International body', many: 'International bodies' }],
  ['person', { one: 'Person', many: 'People' }],
];

export const actorKindLabel = (kind: ActorKind) => actorKindLabels.find(([k]) => k === kind)![1].one;
