// Reading one issue from many concurrent loops for a while, as a jira.js user would: each call wrapped in jira.js's
// withRetry with retryRateLimit, so a 429 is retried after its Retry-After (jira.js paces nothing itself).
// Arguments: site, user, API token, concurrency, seconds. Prints one report line.
import { createCloudClient } from 'jira.js';
import { withRetry } from 'jira.js/core';

const [site, email, apiToken, concurrency, seconds] = process.argv.slice(2);
const jira = createCloudClient({ host: site, auth: { type: 'basic', email, apiToken } });
const end = Date.now() + Number(seconds) * 1000;
let ok = 0;
let failed = 0;

async function loop() {
  while (Date.now() < end) {
    try {
      await withRetry(() => jira.issues.getIssue({ issueIdOrKey: 'DEMO-1', fields: ['summary'] }),
        { retryRateLimit: true, maxAttempts: 4 });
      ok++;
    } catch (e) {
      failed++;
    }
  }
}

await Promise.all(Array.from({ length: Number(concurrency) }, loop));
console.log(`ratelimit ok=${ok} failed=${failed}`);
