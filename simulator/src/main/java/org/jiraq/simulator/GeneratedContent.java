package org.jiraq.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file's worth of reproducible pseudo-random bytes, made as they are read: for uploading hundreds of megabytes in
 * tests and benchmarks without keeping them anywhere. The same size and seed always give the same bytes.
 */
public final class GeneratedContent extends InputStream {

    /** Eight bytes at a time, least significant first: the same bytes as one at a time, several times faster. */
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long size;
    private long position;
    private long state;

    public GeneratedContent(long size, long seed) {
        this.size = size;
        this.state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
    }

    /** The SHA-256 of the content of this size and seed, lower-case hex, computed by generating it once. */
    public static String sha256(long size, long seed) {
        try (GeneratedContent content = new GeneratedContent(size, seed)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = content.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(length, size - position);
        int i = 0;
        while (i < n) {
            int lane = (int) (position + i & 7);
            if (lane == 0) {
                state ^= state << 13; // xorshift64: cheap, and random enough that nothing compresses it away
                state ^= state >>> 7;
                state ^= state << 17;
                if (n - i >= Long.BYTES) {
                    WORDS.set(buffer, offset + i, state);
                    i += Long.BYTES;
                    continue;
                }
            }
            buffer[offset + i] = (byte) (state >>> (lane << 3));
            i++;
        }
        position += n;
        return n;
    }
}
