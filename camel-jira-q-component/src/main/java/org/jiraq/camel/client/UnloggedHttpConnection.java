package org.jiraq.camel.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Identifiable;
import org.apache.hc.core5.util.Timeout;

/**
 * A pooled HTTP/1.1 connection that never logs what it carries. HttpClient's own connection prints every header and
 * the raw traffic at DEBUG (loggers org.apache.hc.client5.http.headers and .wire): Authorization headers and the
 * tokens in an authorization server's answers. With this one, a user who turns every logger to DEBUG while chasing a
 * problem still prints no secret; {@link JiraqClient} logs each call's method, path, status and time instead.
 */
final class UnloggedHttpConnection extends DefaultBHttpClientConnection
        implements ManagedHttpClientConnection, Identifiable {

    private final String id;
    private final AtomicBoolean closed = new AtomicBoolean();
    // the timeout of the request in flight, put back when the pool hands the connection out again
    private volatile Timeout socketTimeout;

    private UnloggedHttpConnection(String id) {
        super(Http1Config.DEFAULT);
        this.id = id;
    }

    /** Opens the connections of one pool, numbered for HttpClient's own log lines. */
    static HttpConnectionFactory<ManagedHttpClientConnection> factory() {
        AtomicLong opened = new AtomicLong();
        return socket -> {
            UnloggedHttpConnection connection = new UnloggedHttpConnection("jiraq-http-" + opened.incrementAndGet());
            if (socket != null) {
                connection.bind(socket);
            }
            return connection;
        };
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public void bind(Socket socket) throws IOException {
        bind(new SocketHolder(socket));
    }

    @Override
    public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
        bind(new SocketHolder(sslSocket, socket));
    }

    @Override
    protected void bind(SocketHolder holder) throws IOException {
        if (closed.get()) {
            holder.getSocket().close();
            throw new InterruptedIOException("Connection already shut down");
        }
        super.bind(holder);
        socketTimeout = Timeout.ofMilliseconds(holder.getSocket().getSoTimeout());
    }

    @Override
    public Socket getSocket() {
        SocketHolder holder = getSocketHolder();
        return holder != null ? holder.getSocket() : null;
    }

    @Override
    public SSLSession getSSLSession() {
        return getSocket() instanceof SSLSocket ssl ? ssl.getSession() : null;
    }

    @Override
    public void setSocketTimeout(Timeout timeout) {
        super.setSocketTimeout(timeout);
        socketTimeout = timeout;
    }

    @Override
    public void passivate() {
        super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
    }

    @Override
    public void activate() {
        super.setSocketTimeout(socketTimeout);
    }

    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true)) {
            super.close();
        }
    }

    @Override
    public void close(CloseMode mode) {
        if (closed.compareAndSet(false, true)) {
            super.close(mode);
        }
    }
}
