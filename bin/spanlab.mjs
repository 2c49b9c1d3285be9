#!/usr/bin/env node
// The `spanlab` command. The CLI is TypeScript run through tsx (a runtime dependency), so
// it works straight after `npm ci`, without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
