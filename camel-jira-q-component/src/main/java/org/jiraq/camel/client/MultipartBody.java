package org.jiraq.camel.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@code multipart/form-data} body that is streamed, never built in memory: each part's content is opened only when
 * the HTTP client has sent everything before it, and read in small chunks as the connection takes them. A body whose
 * parts all have a known size (files, byte arrays) declares its length; otherwise it is sent chunked.
 *
 * <p>
 * The HTTP client reads the body again if it has to resend the request (after a 429). Files and byte arrays can be
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

    /** The body for the JDK HTTP client; each subscription reads the parts afresh. */
    public BodyPublisher publisher() {
        BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(this::open);
        long length = length();
        return length < 0 ? stream : HttpRequest.BodyPublishers.fromPublisher(stream, length);
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

    /** Heads, contents and separators in order; a part's content is opened when the stream reaches it. */
    private InputStream open() {
        List<Lazy> pieces = new ArrayList<>();
        for (Part part : parts) {
            pieces.add(() -> new ByteArrayInputStream(part.head()));
            pieces.add(part.content()::open);
            pieces.add(() -> new ByteArrayInputStream(CRLF));
        }
        byte[] closing = closing();
        pieces.add(() -> new ByteArrayInputStream(closing));
        Iterator<Lazy> next = pieces.iterator();
        return new SequenceInputStream(new Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return next.hasNext();
            }

            @Override
            public InputStream nextElement() {
                try {
                    return next.next().open();
                } catch (IOException e) {
                    throw new UncheckedIOException(e.getMessage(), e);
                }
            }
        });
    }

    @FunctionalInterface
    private interface Lazy {
        InputStream open() throws IOException;
    }

    /** Quotes and line breaks would end the header early; Jira reads file names as UTF-8. */
    private static String quoted(String value) {
        return value.replace("\"", "%22").replace("\r", " ").replace("\n", " ");
    }
}
