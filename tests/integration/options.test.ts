import { describe, expect, it } from 'vitest';
import citedExplainer from '../../packages/cited-explainer/integration/index.ts';

describe('citedExplainer options', () => {
  it('takes no options (the content folder is ./content)', () => {
    expect(citedExplainer().name).toBe('cited-explainer');
  });

  it('refuses an unknown or wrong option, naming it', () => {
    expect(() => citedExplainer({ contnet: 'x' } as never)).toThrow(/option "contnet": Unrecognized key/);
    expect(() => citedExplainer({ content: '' })).toThrow(/option "content": name the content folder/);
    expect(() => citedExplainer({ components: { Sidebar: './x.astro' } } as never)).toThrow(/option "components.Sidebar"/);
  });
});
