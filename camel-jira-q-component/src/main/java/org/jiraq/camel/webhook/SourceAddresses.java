package org.jiraq.camel.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a webhook request may come from: CIDR ranges (IPv4 or IPv6) the source address must fall in, and the proxies
 * whose X-Forwarded-For may say who the source is. Behind trusted proxies the source is the nearest address of
 * X-Forwarded-For that is not itself a trusted proxy; a request from anywhere else is judged by its own peer address,
 * whatever headers it sends, so the header cannot be forged past the check.
 */
public final class SourceAddresses {

    /** One CIDR range: a network address and how many leading bits of it count. */
    private record Range(byte[] network, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            return rest == 0 || ((address[full] ^ network[full]) & (0xFF << (8 - rest)) & 0xFF) == 0;
        }
    }

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f]*:[0-9A-Fa-f:.]*");

    private final List<Range> allowed;
    private final List<Range> trustedProxies;

    private SourceAddresses(List<Range> allowed, List<Range> trustedProxies) {
        this.allowed = allowed;
        this.trustedProxies = trustedProxies;
    }

    /**
     * The check for options webhookAllowedSources and webhookTrustedProxies; null when no sources are restricted.
     *
     * @throws IllegalArgumentException naming the option and the entry that is not a CIDR range
     */
    public static SourceAddresses of(String allowedSources, String trustedProxies) {
        List<Range> allowed = parse(allowedSources, "webhookAllowedSources");
        List<Range> proxies = parse(trustedProxies, "webhookTrustedProxies");
        return allowed.isEmpty() ? null : new SourceAddresses(allowed, proxies);
    }

    /**
     * Whether a request from {@code peer} (the address of the connection) with this X-Forwarded-For header comes from
     * an allowed source. An address that cannot be read is not allowed.
     */
    public boolean allows(String peer, String forwardedFor) {
        byte[] source = address(peer);
        if (source == null) {
            return false;
        }
        if (forwardedFor != null && within(trustedProxies, source)) {
            String[] hops = forwardedFor.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                byte[] hop = address(hops[i].trim());
                if (hop == null) {
                    return false;
                }
                source = hop;
                if (!within(trustedProxies, hop)) {
                    break;
                }
            }
        }
        return within(allowed, source);
    }

    private static boolean within(List<Range> ranges, byte[] address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    private static List<Range> parse(String option, String name) {
        List<Range> ranges = new ArrayList<>();
        if (option == null || option.isBlank()) {
            return ranges;
        }
        for (String entry : option.split(",")) {
            String cidr = entry.trim();
            if (cidr.isEmpty()) {
                continue;
            }
            int slash = cidr.indexOf('/');
            byte[] network = literal(slash < 0 ? cidr : cidr.substring(0, slash));
            int prefix;
            try {
                prefix = network == null ? -1 : slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (network == null || prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("Option '" + name + "' has '" + cidr + "', which is not an IP address"
                                                   + " or CIDR range such as 104.192.136.0/21 or 2401:1d80::/32");
            }
            ranges.add(new Range(network, prefix));
        }
        return ranges;
    }

    /** The bytes of an address as a request reports it: {@code host}, {@code host:port} or {@code [v6]:port}. */
    private static byte[] address(String reported) {
        if (reported == null || reported.isBlank()) {
            return null;
        }
        String host = reported.trim();
        if (host.startsWith("[")) {
            host = host.substring(1, host.indexOf(']') < 0 ? host.length() : host.indexOf(']'));
        } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') > 0) {
            host = host.substring(0, host.indexOf(':')); // IPv4 with a port
        }
        if (host.startsWith("/")) {
            host = host.substring(1); // InetSocketAddress.toString() without a host name
        }
        return literal(host);
    }

    /**
     * An IP literal's bytes (an IPv4-mapped IPv6 address as IPv4, as the JDK reads it); null when it is no IP literal,
     * so no name is ever looked up.
     */
    private static byte[] literal(String text) {
        if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
