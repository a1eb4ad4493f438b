package org.jiraq.camel.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityTemplate;

/**
 * A {@code multipart/form-data} body that is streamed, never built in memory: each part's content is opened only when
 * the HTTP client has sent everything before it, and read in small chunks as the connection takes them. A body whose
 * parts all have a known size (files, byte arrays) declares its length; otherwise it is sent chunked.
 *
 * <p>
 * The client writes the body again if it has to resend the request (after a 429). Files and byte arrays can be
 * read again; an {@link InputStream} can be read once only, so a second attempt fails with a message saying so
 * instead of sending a truncated file.
 */
public final class MultipartBody {

    private static final byte[] CRLF = "\r\n".getBytes(StandardCharsets.US_ASCII);

    /** Where a part's bytes come from. */
    public interface Content {

        /** Opens the bytes from the start. */
        InputStream open() throws IOException;

        /** The number of bytes, or -1 when it is not known before reading. */
        long length();

        static Content of(Path file) {
            return new Content() {
                @Override
                public InputStream open() throws IOException {
                    return Files.newInputStream(file);
                }

                @Override
                public long length() {
                    try {
                        return Files.size(file);
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot read the size of " + file, e);
                    }
                }
            };
        }

        static Content of(byte[] bytes) {
            return new Content() {
                @Override
                public InputStream open() {
                    return new ByteArrayInputStream(bytes);
                }

                @Override
                public long length() {
                    return bytes.length;
                }
            };
        }

        /** A stream, which can be sent once. */
        static Content once(InputStream stream, String name) {
            AtomicBoolean opened = new AtomicBoolean();
            return new Content() {
                @Override
                public InputStream open() throws IOException {
                    if (opened.getAndSet(true)) {
                        throw new IOException("The InputStream of '" + name + "' was already sent once and cannot"
                                              + " be sent again; give a File, Path or byte[] for uploads that may be retried");
                    }
                    return stream;
                }

                @Override
                public long length() {
                    return -1;
                }
            };
        }
    }

    private record Part(byte[] head, Content content) {
    }

    private final String boundary = "jiraq-" + UUID.randomUUID();
    private final List<Part> parts = new ArrayList<>();

    /** Adds a file part: {@code Content-Disposition: form-data; name="<field>"; filename="<fileName>"}. */
    public MultipartBody addFile(String field, String fileName, String contentType, Content content) {
        String head = "--" + boundary + "\r\n"
                      + "Content-Disposition: form-data; name=\"" + quoted(field) + "\"; filename=\"" + quoted(fileName)
                      + "\"\r\n"
                      + "Content-Type: " + Objects.requireNonNull(contentType, "contentType") + "\r\n\r\n";
        parts.add(new Part(head.getBytes(StandardCharsets.UTF_8), content));
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The body for the HTTP client; each attempt writes the parts afresh, opening each one when it is reached. */
    public HttpEntity entity() {
        return new EntityTemplate(length(), ContentType.parse(contentType()), null, this::writeTo);
    }

    /** The exact number of bytes the body will have, or -1 when a part's size is unknown. */
    public long length() {
        long total = closing().length;
        for (Part part : parts) {
            long size = part.content().length();
            if (size < 0) {
                return -1;
            }
            total += part.head().length + size + CRLF.length;
        }
        return total;
    }

    private byte[] closing() {
        return ("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Heads, contents and separators in order, each content copied in small chunks as the connection takes them. */
    private void writeTo(OutputStream out) throws IOException {
        for (Part part : parts) {
            out.write(part.head());
            try (InputStream content = part.content().open()) {
                content.transferTo(out);
            }
            out.write(CRLF);
        }
        out.write(closing());
    }

    /** Quotes and line breaks would end the header early; Jira reads file names as UTF-8. */
    private static String quoted(String value) {
        return value.replace("\"", "%22").replace("\r", " ").replace("\n", " ");
    }
}
