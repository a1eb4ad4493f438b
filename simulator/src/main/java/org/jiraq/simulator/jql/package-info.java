/**
 * JQL: lexer, parser, the field and value checks against the site, date values, and the search engine that runs a
 * query over the state. Public are only {@link org.jiraq.simulator.jql.Jql}, {@link org.jiraq.simulator.jql.JqlQuery},
 * {@link org.jiraq.simulator.jql.JqlException} and {@link org.jiraq.simulator.jql.SearchEngine}, which the search and
 * webhook endpoints call; the lexer, parser and syntax tree are internal. Uses {@code model}.
 */
package org.jiraq.simulator.jql;
