/**
 * The HTTP plumbing every endpoint shares: {@link org.jiraq.simulator.http.Route}s and the WireMock extension that
 * dispatches to them, the {@link org.jiraq.simulator.http.Interceptor} chain, request/response types and Jira's error
 * answers, request rewriting (the API gateway's paths), multipart reading, the one Jackson mapper, and the check of every
 * exchange against Atlassian's OpenAPI documents. Its types are public because the endpoint packages build on them;
 * tests use {@link org.jiraq.simulator.http.ApiResponse} and {@link org.jiraq.simulator.http.Json}. Uses {@code model}.
 */
package org.jiraq.simulator.http;
