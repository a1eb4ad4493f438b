package org.jiraq.simulator.model;

/** A workflow status and its status category. */
public record Status(long id, String name, Category category) {

    /** Jira's three status categories, with the ids and colours Jira gives them. */
    public enum Category {
        NEW(2, "new", "To Do", "blue-gray"),
        INDETERMINATE(4, "indeterminate", "In Progress", "yellow"),
        DONE(3, "done", "Done", "green");

        private final long id;
        private final String key;
        private final String displayName;
        private final String colorName;

        Category(long id, String key, String displayName, String colorName) {
            this.id = id;
            this.key = key;
            this.displayName = displayName;
            this.colorName = colorName;
        }

        public long id() {
            return id;
        }

        public String key() {
            return key;
        }

        public String displayName() {
            return displayName;
        }

        public String colorName() {
            return colorName;
        }
    }
}
