package org.jiraq.simulator.platform;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which issue fields a response carries, from Jira's {@code fields} parameter: {@code *all}, {@code *navigable},
 * field names, and {@code -name} to drop one. A list of nothing but exclusions starts from {@code *navigable}.
 */
public final class FieldSelection {

    /** Fields Jira leaves out of {@code *navigable}. */
    private static final Set<String> NOT_NAVIGABLE = Set.of("comment");

    private final boolean all;
    private final boolean navigable;
    private final Set<String> included;
    private final Set<String> excluded;

    private FieldSelection(boolean all, boolean navigable, Set<String> included, Set<String> excluded) {
        this.all = all;
        this.navigable = navigable;
        this.included = included;
        this.excluded = excluded;
    }

    public static FieldSelection parse(List<String> requested, String whenAbsent) {
        List<String> tokens = requested.isEmpty() ? List.of(whenAbsent) : requested;
        boolean all = false;
        boolean navigable = false;
        Set<String> included = new HashSet<>();
        Set<String> excluded = new HashSet<>();
        for (String token : tokens) {
            if (token.equals("*all")) {
                all = true;
            } else if (token.equals("*navigable")) {
                navigable = true;
            } else if (token.startsWith("-")) {
                excluded.add(token.substring(1));
            } else {
                included.add(token);
            }
        }
        if (!all && !navigable && included.isEmpty()) {
            navigable = true;
        }
        return new FieldSelection(all, navigable, included, excluded);
    }

    boolean includes(String field) {
        if (excluded.contains(field)) {
            return false;
        }
        return all || included.contains(field) || (navigable && !NOT_NAVIGABLE.contains(field));
    }

    /** Only {@code id} and/or {@code key}: the cheap selection Cloud search pages by up to 5,000. */
    boolean onlyIdOrKey() {
        return !all && !navigable && Set.of("id", "key").containsAll(included);
    }
}
