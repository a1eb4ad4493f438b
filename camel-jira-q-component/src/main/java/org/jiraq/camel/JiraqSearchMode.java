package org.jiraq.camel;

/** How {@code searchIssues} returns its results. */
public enum JiraqSearchMode {
    /** All matching issues as one list, up to {@code maxResults}. */
    list,
    /** One page; the position of the next page is returned in {@code CamelJiraqNextPage}. */
    page,
    /** A lazy iterator that fetches page after page while it is consumed, for {@code split().streaming()}. */
    stream
}
