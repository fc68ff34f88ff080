import fc from 'fast-check';

/**
 * Text as a careless or malicious contributor might write it, for the property-based tests: markup
 * and citation syntax, quotes, control characters, unpaired surrogates, bidi overrides, deep
 * nesting, odd Unicode and now and then a large size. Pieces are joined so that they meet in
 * every order.
 */
const fragments = fc.constantFrom(
  '<script>alert(1)</script>',
  '</script>',
  '<!--',
  '-->',
  ']]>',
  '<![CDATA[',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '&amp;',
  '&#0;',
  '&lt;',
  '"',
  "'",
  '`',
  '\\',
  '\u0000',
  '\u0007',
  '\t',
  '\n',
  '\r\n',
  '\u0085',
  '\u2028',
  '\u202e',
  '\ufeff',
  '\ufffe',
  '\ud800',
  '\udfff',
  '😀',
  'é',
  'ı',
  'ß',
  'Ղ',
  '[@',
  ']',
  '[',
  '[@src: ',
  '(speaker)',
  ': ',
  '...',
  '=',
  '+',
  '-',
  '@',
  ',',
  ';',
  '{',
  '}',
  '$',
  '%s',
  '\u00a0',
);
const nesting = fc.integer({ min: 1, max: 2000 }).chain((depth) => fc.constantFrom('[', '<b>', '{', '((').map((open) => open.repeat(depth)));
const large = fc.integer({ min: 10_000, max: 100_000 }).map((size) => 'The river rose. '.repeat(Math.ceil(size / 16)).slice(0, size));

export const hostileText = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.array(fc.oneof(fragments, fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 12 })), { maxLength: 24 }).map((parts) => parts.join('')),
  },
  { weight: 1, arbitrary: nesting },
  { weight: 1, arbitrary: large },
);

/**
 * How much each property tries: up to `numRuns` cases, and no new case after 800 ms, so that all of
 * them together take a few seconds. Stopping early is not a failure: no case is failed for being
 * slow (speed is the bench's to measure; a loaded machine must not fail the suite).
 */
export const budget = (numRuns = 200) => ({ numRuns, plugins: [fc.interruptAfterTimeLimit(800)] });
