/** A Content-Security-Policy as a map from directive to its sources. */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

/** Script sources that would let a script in that did not come, as a file, from our own origin. */
export function unsafeScriptSources(policy: Map<string, string[]>): string[] {
  const scriptSrc = policy.get('script-src') ?? policy.get('default-src');
  if (!scriptSrc) return ['no script-src or default-src: any script is allowed'];
  // 'wasm-unsafe-eval' allows compiling WebAssembly (Pagefind) and nothing else; hashes allow one exact script.
  const allowed = /^('self'|'none'|'wasm-unsafe-eval'|'strict-dynamic'|'sha(256|384|512)-[A-Za-z0-9+/=]+')$/;
  return scriptSrc.filter((source) => !allowed.test(source)).map((source) => `script-src allows ${source}`);
}
