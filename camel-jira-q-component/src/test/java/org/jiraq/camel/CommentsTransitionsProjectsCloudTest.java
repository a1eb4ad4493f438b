package org.jiraq.camel;

class CommentsTransitionsProjectsCloudTest extends CommentsTransitionsProjectsContract {
}
