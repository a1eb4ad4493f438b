package org.jiraq.simulator.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A Jira user. Cloud knows users by {@code accountId}, Data Center by {@code username}; both by e-mail address.
 *
 * @param accountId   Cloud account id, derived from the e-mail address so it is stable across runs
 * @param email       e-mail address, the Cloud login for basic auth
 * @param username    the Data Center login name (the e-mail's local part)
 * @param displayName the name shown in Jira
 */
public record SimulatorUser(String accountId, String email, String username, String displayName) {

    public static SimulatorUser ofEmail(String email) {
        String local = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
        String displayName = local.isEmpty() ? email : local.substring(0, 1).toUpperCase(Locale.ROOT) + local.substring(1);
        return new SimulatorUser(accountIdFor(email), email, local, displayName);
    }

    private static String accountIdFor(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8));
            return "712020:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
