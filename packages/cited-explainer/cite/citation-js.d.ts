// citation-js ships no type definitions: the little of its API that cite uses.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    format(format: string, options?: Record<string, unknown>): unknown;
    static async(data: unknown): Promise<Cite>;
    data: Array<Record<string, unknown>>;
  }
  export const plugins: {
    config: { get(name: string): unknown };
    input: unknown;
  };
}
declare module '@citation-js/plugin-csl';
