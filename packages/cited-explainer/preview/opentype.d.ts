/** The parts of opentype.js 2 (which ships no types) that preview uses. */
declare module 'opentype.js' {
  import type { PathCommand } from './card.ts';

  export interface Font {
    hasChar(char: string): boolean;
    getAdvanceWidth(text: string, fontSize: number): number;
    getPath(text: string, x: number, y: number, fontSize: number): { commands: PathCommand[]; toPathData(decimals?: number): string };
  }
  const opentype: { parse(buffer: ArrayBuffer): Font };
  export default opentype;
}
