#!/usr/bin/env node
// npm create cited-explainer <dir> → cited-explainer init <dir>: one command, one implementation.
import { run } from 'cited-explainer/cli';

process.exitCode = await run(['init', ...process.argv.slice(2)], { out: (line) => console.log(line), err: (line) => console.error(line) });
