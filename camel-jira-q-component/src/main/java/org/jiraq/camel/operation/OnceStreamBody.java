package org.jiraq.camel.operation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hc.client5.http.entity.mime.AbstractContentBody;
import org.apache.hc.core5.http.ContentType;

/**
 * A multipart file part read from a stream. Ours because httpclient5's InputStreamBody would, if the client resends a
 * request (after a 429), send the spent stream again as an empty or truncated file: this one refuses the second time,
 * saying what to give instead.
 */
final class OnceStreamBody extends AbstractContentBody {

    private final InputStream stream;
    private final String fileName;
    private final AtomicBoolean sent = new AtomicBoolean();

    OnceStreamBody(InputStream stream, ContentType contentType, String fileName) {
        super(contentType);
        this.stream = stream;
        this.fileName = fileName;
    }

    @Override
    public String getFilename() {
        return fileName;
    }

    @Override
    public long getContentLength() {
        return -1;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        if (sent.getAndSet(true)) {
            throw new IOException("The InputStream of '" + fileName + "' was already sent once and cannot be sent again;"
                                  + " give a File, Path or byte[] for uploads that may be retried");
        }
        stream.transferTo(out);
    }
}
