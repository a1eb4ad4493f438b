package org.jiraq.camel.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jiraq.camel.JiraqStoreException;

/**
 * Seals secrets before they are written to the store: AES-256-GCM with the JDK's own crypto, a fresh random 96-bit
 * nonce per value, and the row's identity (credential and column) as associated data, so a sealed value copied to
 * another row or column does not open. A sealed value reads {@code v1:<base64 of nonce + ciphertext + tag>}.
 */
public final class SecretCipher {

    private static final String PREFIX = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    private SecretCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * A cipher under a configured key: 32 bytes in base64 ({@code openssl rand -base64 32}).
     *
     * @param option the option the key came from, named in the error when it is not a usable key (its value never is)
     */
    public static SecretCipher fromBase64Key(String base64Key, String option) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Option '" + option + "' is not base64; expected 32 random bytes in"
                                               + " base64, for example from: openssl rand -base64 32");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("Option '" + option + "' must hold 32 bytes (AES-256) in base64, not "
                                               + key.length + " bytes; generate one with: openssl rand -base64 32");
        }
        return new SecretCipher(key);
    }

    /** A cipher under the key kept in {@code file}, generating the key (readable by the owner only) when absent. */
    public static SecretCipher fromKeyFile(Path file) {
        try {
            writeNewKey(file);
            return fromBase64Key(Files.readString(file, StandardCharsets.US_ASCII), "key file " + file);
        } catch (IOException e) {
            throw new JiraqStoreException("Cannot read or create the token store key file " + file, e);
        }
    }

    /** A cipher under a random key that lives as long as this object: what it sealed is unreadable after a restart. */
    public static SecretCipher throwaway() {
        return new SecretCipher(randomBytes(KEY_BYTES));
    }

    /** Seals {@code plain}; null stays null. */
    public String seal(String plain, String context) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = randomBytes(NONCE_BYTES);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
        }
    }

    /** Opens what {@link #seal} made under the same key and context; null stays null. */
    public String open(String sealed, String context) {
        if (sealed == null) {
            return null;
        }
        if (!sealed.startsWith(PREFIX)) {
            throw new JiraqStoreException("A stored secret of " + context + " is not sealed; refusing to use it");
        }
        try {
            byte[] data = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new JiraqStoreException("A stored secret of " + context + " cannot be decrypted: the token store key"
                                          + " changed or the row was altered; reconnect the credential or restore the"
                                          + " key (option tokenStoreKey)");
        }
    }

    /**
     * Writes a new key to a temporary file first and moves it into place, so nobody ever reads a half-written key;
     * an embedded H2 file is only ever opened by one JVM, so the lock covers every writer.
     */
    private static synchronized void writeNewKey(Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(dir, ".jiraq-key", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, ".jiraq-key", ".tmp");
        Files.write(temp, Base64.getEncoder().encode(randomBytes(KEY_BYTES)));
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
