import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, headersFile } from '../../packages/cited-explainer/security/csp.ts';

const directives = (policy: string) => new Map(policy.split(/;\s*/).map((part) => [part.split(' ')[0], part.split(' ').slice(1)]));

describe('contentSecurityPolicy', () => {
  it('allows our own origin only, and each inline script by its sha256', () => {
    // sha256 of the empty string, as a browser computes it for an empty inline script.
    const policy = directives(contentSecurityPolicy(['']));
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'", "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='", "'wasm-unsafe-eval'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect([...policy.values()].flat().filter((source) => /^'unsafe-(inline|eval)'$|https?:|\*/.test(source))).toEqual([]);
  });

  it('without inline scripts, script-src has no hash', () => {
    expect(directives(contentSecurityPolicy([])).get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });
});

describe('headersFile', () => {
  it('sends the same policy for every path, with frame-ancestors, no referrer and nosniff', () => {
    const text = headersFile(['x']);
    const lines = text.split('\n');
    expect(lines[0]).toBe('/*');
    expect(lines[1]).toBe(`  Content-Security-Policy: ${contentSecurityPolicy(['x'])}; frame-ancestors 'none'`);
    expect(lines).toContain('  Referrer-Policy: no-referrer');
    expect(lines).toContain('  X-Content-Type-Options: nosniff');
  });
});
