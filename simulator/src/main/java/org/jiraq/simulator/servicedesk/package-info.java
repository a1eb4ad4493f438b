/**
 * Jira Service Management: {@code /rest/servicedeskapi} (service desks, request types, customer requests and their
 * comments, the experimental-API opt-in, its own error shape and DTOs), and the gateway's Assets, Operations and
 * Customer Service Management APIs as features users add. The error shape and the experimental gate are internal.
 * Uses {@code auth} (the gateway APIs take the OAuth 2.0 site's cloud id and tokens), {@code http} and {@code model}.
 */
package org.jiraq.simulator.servicedesk;
