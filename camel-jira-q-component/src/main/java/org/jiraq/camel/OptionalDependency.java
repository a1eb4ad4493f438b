package org.jiraq.camel;

/**
 * The libraries only some features need (the store's H2, Flyway and c3p0, Quartz, BouncyCastle, platform-http) are
 * optional dependencies, as in Apache Camel's own components: a feature checks for its library before it touches it
 * and, when it is missing, fails with a message naming the artifact to add. Internal.
 */
public final class OptionalDependency {

    private OptionalDependency() {
    }

    /** Whether {@code className} can be loaded, without loading it. */
    public static boolean isPresent(String className) {
        try {
            Class.forName(className, false, OptionalDependency.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Fails unless {@code className} is there.
     *
     * @param artifact the Maven coordinates to add, {@code groupId:artifactId}
     * @param feature  what needs it, as the start of a sentence: {@code "jiraq:webhook"}
     */
    public static void require(String className, String artifact, String feature) {
        if (!isPresent(className)) {
            throw new IllegalStateException(feature + " needs " + artifact + ", which is not on the classpath: add it to"
                                            + " the application's dependencies");
        }
    }

    /**
     * Whether Quartz can run: camel-quartz and the Quartz library it needs (Camel Quarkus' BOM keeps the one without
     * the other).
     */
    public static boolean hasQuartz() {
        return isPresent("org.quartz.Scheduler") && isPresent("org.apache.camel.component.quartz.QuartzComponent");
    }

    /** Fails unless Quartz can run, naming what to add. */
    public static void requireQuartz(String feature) {
        if (!hasQuartz()) {
            require("org.quartz.Scheduler", "org.apache.camel:camel-quartz (and the Quartz library it brings)", feature);
            require("org.apache.camel.component.quartz.QuartzComponent", "org.apache.camel:camel-quartz", feature);
        }
    }
}
