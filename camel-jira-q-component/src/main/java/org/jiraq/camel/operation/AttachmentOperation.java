package org.jiraq.camel.operation;

import java.io.File;
import java.io.InputStream;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.WrappedFile;
import org.apache.hc.client5.http.entity.mime.ByteArrayBody;
import org.apache.hc.client5.http.entity.mime.ContentBody;
import org.apache.hc.client5.http.entity.mime.FileBody;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqEndpoint;
import org.jiraq.camel.client.JiraqRequest;

/**
 * addAttachment: one or several files to an issue, as Jira's multipart upload with {@code X-Atlassian-Token: no-check},
 * built by httpclient5's MultipartEntityBuilder. The body is streamed from the files as it is sent, so a large
 * attachment never sits in memory. Like every POST it is not resent after a fault that may have reached Jira; a 429 is
 * resent only when the content can be read again (files, byte arrays), not for a stream that was already consumed.
 */
public final class AttachmentOperation {

    private final JiraqEndpoint endpoint;
    private final Outputs outputs;

    public AttachmentOperation(JiraqEndpoint endpoint) {
        this.endpoint = endpoint;
        this.outputs = new Outputs(endpoint.getConfiguration().isAdfAsText());
    }

    public void add(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        String key = Inputs.issueKeyHeader(in, "addAttachment");
        // LEGACY: file names as raw UTF-8, as browsers send them and Jira reads them; no charset parameter on the type
        MultipartEntityBuilder body = MultipartEntityBuilder.create().setMode(HttpMultipartMode.LEGACY)
                .setContentType(ContentType.create("multipart/form-data")).setCharset(StandardCharsets.UTF_8);
        uploads(exchange).forEach(part -> body.addPart("file", part));
        List<Object> attachments = outputs.list(endpoint.getClient(exchange).execute(
                JiraqRequest.post(endpoint.apiPath() + "/issue/" + Inputs.segment(key) + "/attachments")
                        .header("X-Atlassian-Token", "no-check")
                        .stream(body.build())
                        .retrySafe(false)
                        .build())
                .json());
        in.setHeader(JiraqConstants.ISSUE_KEY, key);
        in.setHeader(JiraqConstants.RESULT_COUNT, attachments.size());
        in.setBody(attachments);
    }

    /**
     * The body: a File, Path, byte[] or InputStream, a List (or array) of those, or a Map of file names to those.
     * Names come from header CamelJiraqFileName (a String, or a List in the order of a List body), else from the file
     * itself, else from Camel's CamelFileName header.
     */
    private static List<ContentBody> uploads(Exchange exchange) {
        Message in = exchange.getMessage();
        Object body = in.getBody();
        Object names = in.getHeader(JiraqConstants.FILE_NAME);
        List<ContentBody> uploads = new ArrayList<>();
        if (body instanceof Map<?, ?> files) {
            files.forEach((name, content) -> uploads.add(upload(exchange, content, String.valueOf(name))));
        } else if (body instanceof Collection<?> || body instanceof Object[]) {
            List<?> items = body instanceof Collection<?> c ? new ArrayList<>(c) : Arrays.asList((Object[]) body);
            List<?> nameList = names instanceof Collection<?> c ? new ArrayList<>(c) : List.of();
            for (int i = 0; i < items.size(); i++) {
                uploads.add(upload(exchange, items.get(i), i < nameList.size() ? String.valueOf(nameList.get(i)) : null));
            }
        } else if (body != null) {
            String name = names instanceof String text ? text : in.getHeader(Exchange.FILE_NAME, String.class);
            uploads.add(upload(exchange, body, name));
        }
        if (uploads.isEmpty()) {
            throw new IllegalArgumentException("addAttachment needs content: send a File, Path, byte[] or InputStream, a"
                                               + " List of those, or a Map of file names to those as the body");
        }
        return uploads;
    }

    private static ContentBody upload(Exchange exchange, Object content, String name) {
        if (content instanceof WrappedFile<?> wrapped && wrapped.getFile() != null) {
            return upload(exchange, wrapped.getFile(), name);
        }
        if (content instanceof File file) {
            return upload(exchange, file.toPath(), name != null ? name : file.getName());
        }
        if (content instanceof Path path) {
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new IllegalArgumentException("addAttachment cannot read file " + path);
            }
            String fileName = fileName(name != null ? name : String.valueOf(path.getFileName()));
            return new FileBody(path.toFile(), contentType(fileName), fileName);
        }
        if (content instanceof String) {
            throw new IllegalArgumentException("addAttachment does not take a String body (is it a file path or the"
                                               + " content?): send a File, a Path or the bytes");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("addAttachment needs a file name for content given as "
                                               + (content == null ? "null" : content.getClass().getSimpleName())
                                               + ": set header " + JiraqConstants.FILE_NAME);
        }
        if (content instanceof byte[] bytes) {
            return new ByteArrayBody(bytes, contentType(fileName(name)), fileName(name));
        }
        InputStream stream = content instanceof InputStream s ? s
                : exchange.getContext().getTypeConverter().tryConvertTo(InputStream.class, exchange, content);
        if (stream == null) {
            throw new IllegalArgumentException("addAttachment cannot upload a " + content.getClass().getName()
                                               + ": send a File, Path, byte[] or InputStream");
        }
        return new OnceStreamBody(stream, contentType(fileName(name)), fileName(name));
    }

    private static ContentType contentType(String fileName) {
        String type = URLConnection.guessContentTypeFromName(fileName);
        return ContentType.create(type != null ? type : "application/octet-stream");
    }

    /** The last segment only: a name is a name, never a place. */
    private static String fileName(String name) {
        String trimmed = name.trim();
        int cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
        String last = trimmed.substring(cut + 1);
        if (last.isEmpty()) {
            throw new IllegalArgumentException("File name '" + name + "' (header " + JiraqConstants.FILE_NAME
                                               + ") has no name after its last slash");
        }
        return last;
    }
}
