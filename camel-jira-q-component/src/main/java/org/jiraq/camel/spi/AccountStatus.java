package org.jiraq.camel.spi;

/** What Atlassian asks the application to do with an account's personal data. */
public enum AccountStatus {
    /** The account was closed: erase all its personal data and never report it again. */
    closed,
    /** The account's personal data changed: fetch it again, or drop what is cached. */
    updated
}
