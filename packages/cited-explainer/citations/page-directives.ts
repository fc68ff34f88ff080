import type { Node } from 'mdast';
import type { Position } from 'unist';
import type { z } from 'zod';
import { ContentError } from '../lib/content-error.ts';
import { type ContentComponentName, contentComponentNames, contentComponentProps, layoutElementProps } from '../schemas/content-props.ts';
import { checkedProps } from './element-props.ts';

/**
 * The Markdown forms of the elements an MDX page writes for layout and components
 * (schemas/content-props.ts), so that a page needing them can still be Markdown, which builds
 * several times faster than MDX (docs/performance.md):
 *
 *   :::div{.ways-in} … :::                       <div className="ways-in">…</div>
 *   :::section{.account aria-label="…"} … :::    <section className="account" aria-label="…">…</section>
 *   :::details{.more-section} ## Heading … :::   <details className="more-section"><summary>## Heading</summary>…</details>
 *   ::place-map{map="lachin"}                    <PlaceMap map="lachin" />
 *   ::editors-note                               <EditorsNote />
 *
 * Both adapters replace them: a layout directive with its element, a component's with a
 * placeholder element that the page's route renders as the component (componentParts), since a
 * Markdown page is rendered to HTML before any component can run. The props are the components'
 * own, checked by the same schemas as MDX's.
 */

type DirectiveNode = Node & { name?: string; attributes?: Record<string, string | null | undefined> | null; children?: Node[] };

/**
 * The layout elements a Markdown page may open as a container directive. A `:::details` opens with
 * the heading its <summary> shows (a section readers open if they want it), as MDX writes
 * `<details><summary>` around the heading.
 */
export const layoutDirectives = ['div', 'section', 'details'] as const;
type LayoutDirective = (typeof layoutDirectives)[number];

/** A directive's label paragraph (the name of a :::nav): its name, not its content. */
export const isLabel = (node: Node): boolean => Boolean((node.data as { directiveLabel?: boolean } | undefined)?.directiveLabel);

/** PlaceMap ↔ place-map. */
export const directiveName = (component: ContentComponentName): string => component.replace(/(?<=[a-z])(?=[A-Z])/g, '-').toLowerCase();
const componentByDirective = new Map(contentComponentNames.map((name) => [directiveName(name), name]));

export const isLayoutDirective = (node: Node): boolean => node.type === 'containerDirective' && (layoutDirectives as readonly string[]).includes((node as DirectiveNode).name ?? '');
export const isComponentDirective = (node: Node): boolean => node.type === 'leafDirective' && componentByDirective.has((node as DirectiveNode).name ?? '');

/** How each directive is written, for errors. */
export const pageDirectivesSyntax = `:::div{.class}, :::section{.class aria-label="…"} and :::details{.class} for layout, and the components ${contentComponentNames.map((name) => `::${directiveName(name)}`).join(', ')}`;

/**
 * The props a directive's attributes give, checked by the element's schema as MDX's are
 * (element-props.ts): `.x` (or class="x") is the className of MDX, and an attribute with no value
 * or an empty one gives none.
 */
function directiveProps(node: DirectiveNode, schema: z.ZodObject, opening: string, file: string): Record<string, string> {
  const allowed = Object.keys(schema.shape).map((prop) => (prop === 'className' ? '.class' : `${prop}="…"`));
  return checkedProps(
    schema,
    Object.entries(node.attributes ?? {}).map(([attribute, value]) => [attribute, value || undefined] as const),
    {
      element: opening,
      // Markdown's names only: a className attribute would be dropped by layoutElement, so it is refused.
      propOf: (attribute) => (attribute === 'class' ? 'className' : attribute === 'className' ? undefined : attribute),
      attributeOf: (prop) => (prop === 'className' ? 'class' : prop),
      allowedHint: allowed.length > 0 ? `Allowed on ${opening}: ${allowed.join(', ')}.` : `${opening} takes no attributes: remove the braces.`,
      fail: (message, hint) => {
        throw new ContentError({ file, line: node.position?.start.line, column: node.position?.start.column, message, hint });
      },
    },
  );
}

/** Checks a layout or component directive's attributes and form; the rest of a directive's rules are site-note.ts's. */
export function assertPageDirective(node: Node, file: string): void {
  const n = node as DirectiveNode;
  const fail = (message: string, hint: string): never => {
    throw new ContentError({ file, line: n.position?.start.line, column: n.position?.start.column, message, hint });
  };
  if (isLayoutDirective(n)) {
    const opening = `:::${n.name}`;
    if (n.children?.some(isLabel)) fail(`${opening} takes no label ([…])`, `Remove the brackets after ${opening}.`);
    directiveProps(n, layoutElementProps[n.name as LayoutDirective], opening, file);
    if (n.name === 'details' && n.children?.[0]?.type !== 'heading')
      fail(':::details opens with the heading it shows while closed', 'Put the heading on the line after :::details, as ## About the dates.');
  } else if (isComponentDirective(n)) {
    const opening = `::${n.name}`;
    // A leaf directive's label ([…]) is its children.
    if ((n.children?.length ?? 0) > 0) fail(`${opening} takes no label ([…])`, `Remove the brackets after ${opening}; put the text before or after it.`);
    directiveProps(n, contentComponentProps[componentByDirective.get(n.name ?? '') as ContentComponentName], opening, file);
  }
}

/** A node of ours that both processors render as the element named in its data, children as they are. */
export interface LayoutNode {
  type: 'siteLayout';
  children: Node[];
  position?: Position;
  data: { hName: LayoutDirective | 'summary'; hProperties: { className?: string[]; ariaLabel?: string } };
}

/** What a layout directive is replaced with, by either adapter: its element, as an MDX page writes it (a details' heading in its summary). */
export function layoutElement(node: Node): LayoutNode {
  const { name, attributes, position } = node as DirectiveNode;
  const [first, ...rest] = (node as DirectiveNode).children ?? [];
  const children: Node[] = name === 'details' && first ? [summaryOf(first) as Node, ...rest] : ((node as DirectiveNode).children ?? []);
  const className = attributes?.class?.split(/\s+/).filter(Boolean);
  const ariaLabel = attributes?.['aria-label'] ?? undefined;
  return {
    type: 'siteLayout',
    children,
    position,
    data: { hName: name as LayoutDirective, hProperties: { ...(className?.length ? { className } : {}), ...(ariaLabel !== undefined ? { ariaLabel } : {}) } },
  };
}

const summaryOf = (heading: Node): LayoutNode => ({ type: 'siteLayout', children: [heading], position: heading.position, data: { hName: 'summary', hProperties: {} } });

/** The element that stands for a component in a Markdown page's HTML until its route renders it. */
export const COMPONENT_PLACEHOLDER = 'explainer-component';

/** A node of ours rendered as the placeholder: the component's name and its props (URI-encoded JSON, which needs no escaping in HTML). */
export interface ComponentPlaceholderNode {
  type: 'siteComponent';
  children: [];
  position?: Position;
  data: { hName: typeof COMPONENT_PLACEHOLDER; hProperties: { dataComponent: ContentComponentName; dataProps: string } };
}

/** What a component directive is replaced with, by either adapter (its props were checked by assertPageDirective). */
export function componentPlaceholder(node: Node): ComponentPlaceholderNode {
  const { name, attributes, position } = node as DirectiveNode;
  const props = Object.fromEntries(Object.entries(attributes ?? {}).map(([key, value]) => [key, value ?? '']));
  return {
    type: 'siteComponent',
    children: [],
    position,
    data: { hName: COMPONENT_PLACEHOLDER, hProperties: { dataComponent: componentByDirective.get(name ?? '') as ContentComponentName, dataProps: encodeURIComponent(JSON.stringify(props)) } },
  };
}

/** A piece of a Markdown page's HTML: HTML as it is, or a component to render in its place. */
export type HtmlPart = string | { component: ContentComponentName; props: Record<string, string> };

const PLACEHOLDER = new RegExp(`<${COMPONENT_PLACEHOLDER}\\b([^>]*)></${COMPONENT_PLACEHOLDER}>`, 'g');
/** A placeholder's props as written by componentPlaceholder; undefined when they cannot be read. */
function propsOf(encoded: string | undefined): unknown {
  try {
    return JSON.parse(decodeURIComponent(encoded ?? '%7B%7D'));
  } catch {
    return undefined;
  }
}
const attribute = (attributes: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attributes)?.[1];

/**
 * A Markdown page's HTML cut at its components' placeholders, for the route to render each
 * component where it stood. Each placeholder's props are checked again by the component's schema.
 */
export function componentParts(html: string, page: string): HtmlPart[] {
  const parts: HtmlPart[] = [];
  let from = 0;
  for (const match of html.matchAll(PLACEHOLDER)) {
    const name = attribute(match[1], 'data-component') ?? '';
    const schema = Object.hasOwn(contentComponentProps, name) ? contentComponentProps[name as ContentComponentName] : undefined;
    const props = schema?.safeParse(propsOf(attribute(match[1], 'data-props')));
    if (!props?.success) throw new Error(`${page}: a component placeholder in its HTML names no component this site has, or props it does not take (${match[0].slice(0, 120)})`);
    parts.push(html.slice(from, match.index), { component: name as ContentComponentName, props: props.data as Record<string, string> });
    from = match.index + match[0].length;
  }
  parts.push(html.slice(from));
  return parts.filter((part) => part !== '');
}
