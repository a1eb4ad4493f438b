// The export as a jira.js user writes it: page after page of an enhanced JQL search, each page processed (a CSV line
// per issue, then the page's batch written downstream) before the next is asked for; a 429 waited out as jira.js's
// withRetry does. Arguments: site, user, API token, pageSize, batchMillis. Prints one report line.
import { createCloudClient } from 'jira.js';
import { withRetry } from 'jira.js/core';
import { setTimeout as sleep } from 'node:timers/promises';

const [site, email, apiToken, pageSize, batchMillis] = process.argv.slice(2);
const jira = createCloudClient({ host: site, auth: { type: 'basic', email, apiToken } });

let nextPageToken;
let issues = 0;
let bytes = 0;
let peakHeap = 0;
const seen = new Set();
const start = process.hrtime.bigint();
do {
  const page = await withRetry(() => jira.issueSearch.searchAndReconsileIssuesUsingJqlPost({
    jql: 'project = OPS ORDER BY key ASC', maxResults: Number(pageSize), fields: ['summary', 'status'], nextPageToken,
  }), { retryRateLimit: true, maxAttempts: 4 });
  for (const issue of page.issues ?? []) {
    const line = `${issue.key},${issue.fields.status.name},"${issue.fields.summary}"\n`;
    bytes += line.length;
    seen.add(issue.key);
    issues++;
  }
  await sleep(Number(batchMillis)); // the page's lines written downstream
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  nextPageToken = page.nextPageToken;
} while (nextPageToken);
const nanos = process.hrtime.bigint() - start;
console.log(`export issues=${issues} distinct=${seen.size} nanos=${nanos} peakHeap=${peakHeap} csvBytes=${bytes}`);
