import type { z } from 'zod';

/**
 * The props an element gives, checked against its schema (schemas/content-props.ts) with the same
 * refusals whether an MDX page writes the element (<PlaceMap map="…" />, mdx-allow-list.ts) or a
 * Markdown page writes its directive (::place-map{map="…"}, page-directives.ts), each in the words
 * of its own syntax.
 */
export interface PropsSyntax {
  /** The element as written: "<PlaceMap>", "::place-map". */
  element: string;
  /** The prop an attribute gives, or undefined when the syntax has no such attribute. */
  propOf: (attribute: string) => string | undefined;
  /** The attribute that gives a prop, as written: "map", "class". */
  attributeOf: (prop: string) => string;
  /** What the element allows, for hints: "Allowed on <PlaceMap>: map." */
  allowedHint: string;
  fail: (message: string, hint: string) => never;
}

/** The checked props of an element, given as [attribute, value] (a value undefined: an attribute given no value). */
export function checkedProps(schema: z.ZodObject, attributes: ReadonlyArray<readonly [string, string | undefined]>, syntax: PropsSyntax): Record<string, string> {
  const { element, fail } = syntax;
  const props: Record<string, string> = {};
  for (const [attribute, value] of attributes) {
    const prop = syntax.propOf(attribute);
    if (prop === undefined || !Object.hasOwn(schema.shape, prop)) fail(`${element} may not carry the attribute "${attribute}"`, syntax.allowedHint);
    if (value === undefined) fail(`${element} gives the attribute "${attribute}" no value`, `Give it a plain string: ${attribute}="…".`);
    props[prop as string] = value as string;
  }
  const parsed = schema.safeParse(props);
  if (parsed.success) return parsed.data as Record<string, string>;
  const issue = parsed.error.issues[0];
  const prop = String(issue.path[0] ?? '');
  const missing = issue.code === 'invalid_type' && props[prop] === undefined;
  return fail(missing ? `${element} needs the attribute "${syntax.attributeOf(prop)}"` : `${element} attribute "${syntax.attributeOf(prop)}": ${issue.message}`, syntax.allowedHint);
}
