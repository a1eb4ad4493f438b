/**
 * Atlassian Document Format: plain text and Markdown to ADF for descriptions and comments on REST API v3, and ADF back
 * to plain text.
 * <p>
 * Internal. Depends on nothing else of the component (Jackson and commonmark only).
 */
package org.jiraq.camel.adf;
