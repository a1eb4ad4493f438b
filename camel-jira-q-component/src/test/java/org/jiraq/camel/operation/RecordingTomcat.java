package org.jiraq.camel.operation;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * A real servlet container standing in for Jira Data Center (which runs on Tomcat): a web application at
 * {@code /jira} and the ROOT application beside it, both recording every request as the servlet sees it (context path
 * plus the decoded, normalised path Tomcat resolved) and answering {@code {}}. Two connectors: one configured like
 * Jira's own server.xml, and one as lax as Tomcat can be made (backslashes and encoded slashes taken as separators),
 * as behind a proxy that rewrites them.
 */
final class RecordingTomcat implements AutoCloseable {

    /** One request a servlet received: the path it resolved to, the raw request URI, its parameters. */
    record Received(String path, String rawUri, Map<String, String[]> parameters, boolean authorized) {
    }

    private final Tomcat tomcat = new Tomcat();
    private final File baseDir;
    private final Connector jiraLike;
    private final Connector lax;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    RecordingTomcat() throws IOException, LifecycleException {
        baseDir = Files.createTempDirectory("jiraq-tomcat").toFile();
        tomcat.setBaseDir(baseDir.getAbsolutePath());
        jiraLike = connector();
        // Jira Data Center's server.xml
        jiraLike.setProperty("relaxedPathChars", "[]|");
        jiraLike.setProperty("relaxedQueryChars", "[]|{}^\\`\"<>");
        lax = connector();
        lax.setProperty("relaxedPathChars", "[]|{}^`\"<>");
        lax.setAllowBackslash(true);
        lax.setEncodedSolidusHandling("decode");
        lax.setEncodedReverseSolidusHandling("decode");
        tomcat.setConnector(jiraLike);
        tomcat.getService().addConnector(lax);
        for (String contextPath : List.of("/jira", "")) {
            Context context = tomcat.addContext(contextPath, baseDir.getAbsolutePath());
            Tomcat.addServlet(context, "record", new Recorder());
            context.addServletMappingDecoded("/*", "record");
        }
        tomcat.start();
    }

    private static Connector connector() {
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        return connector;
    }

    /** The Jira site on the connector configured like Jira's. */
    String jiraLikeSite() {
        return "http://127.0.0.1:" + jiraLike.getLocalPort() + "/jira";
    }

    /** The Jira site on the lax connector. */
    String laxSite() {
        return "http://127.0.0.1:" + lax.getLocalPort() + "/jira";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    void clear() {
        received.clear();
    }

    @Override
    public void close() throws Exception {
        tomcat.stop();
        tomcat.destroy();
        try (var files = Files.walk(baseDir.toPath())) {
            files.sorted(java.util.Comparator.reverseOrder()).map(java.nio.file.Path::toFile).forEach(File::delete);
        }
    }

    private final class Recorder extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String path = request.getContextPath() + request.getServletPath()
                          + (request.getPathInfo() == null ? "" : request.getPathInfo());
            received.add(new Received(path, request.getRequestURI(), Map.copyOf(request.getParameterMap()),
                    request.getHeader("Authorization") != null));
            response.setStatus(200);
            response.setContentType("application/json");
            response.getOutputStream().write("{}".getBytes(StandardCharsets.UTF_8));
        }
    }
}
