package org.jiraq.camel.operation;

class CommentsTransitionsProjectsCloudTest extends CommentsTransitionsProjectsContract {
}
