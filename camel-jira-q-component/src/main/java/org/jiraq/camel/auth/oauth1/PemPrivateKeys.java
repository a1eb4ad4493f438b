package org.jiraq.camel.auth.oauth1;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads the OAuth 1.0a consumer's RSA private key from PEM: PKCS#1 (BEGIN RSA PRIVATE KEY, what openssl genrsa
 * wrote for years) or PKCS#8 (BEGIN PRIVATE KEY). No error message ever quotes the key text.
 */
public final class PemPrivateKeys {

    private static final String EXPECTED
            = "expected an unencrypted RSA key in PEM, -----BEGIN RSA PRIVATE KEY----- (PKCS#1) or"
              + " -----BEGIN PRIVATE KEY----- (PKCS#8)";

    private PemPrivateKeys() {
    }

    /** The key from exactly one of the options privateKey (PEM text) and privateKeyFile (a path). */
    public static PrivateKey fromOptions(String privateKey, String privateKeyFile) {
        boolean text = privateKey != null && !privateKey.isBlank();
        boolean file = privateKeyFile != null && !privateKeyFile.isBlank();
        if (text == file) {
            throw new IllegalArgumentException(
                    "authStrategy=oauth1 needs exactly one of the options 'privateKey' (PEM text) and 'privateKeyFile'"
                                               + " (path of a PEM file) holding the consumer's RSA private key; "
                                               + (text ? "both are set" : "neither is set"));
        }
        return text ? read(privateKey, "Option 'privateKey'") : readFile(Path.of(privateKeyFile.trim()));
    }

    public static PrivateKey readFile(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "Option 'privateKeyFile': cannot read " + file + " (" + e.getClass().getSimpleName() + ")", e);
        }
        return read(pem, "Option 'privateKeyFile' (" + file + ")");
    }

    /**
     * Parses PEM text.
     *
     * @param source what the text came from, for the error message (an option name or a file)
     */
    public static PrivateKey read(String pem, String source) {
        Object parsed;
        // a PEM passed through an environment variable or a properties file often arrives with literal \n escapes
        try (PEMParser parser = new PEMParser(new StringReader(pem.replace("\\n", "\n")))) {
            parsed = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw unreadable(source, "it is not valid PEM (" + e.getClass().getSimpleName() + ")");
        }
        if (parsed instanceof PEMEncryptedKeyPair || parsed instanceof PKCS8EncryptedPrivateKeyInfo) {
            throw unreadable(source, "it is encrypted; decrypt it first, for example with openssl pkcs8 -topk8 -nocrypt");
        }
        PrivateKeyInfo info;
        if (parsed instanceof PEMKeyPair pair) {
            info = pair.getPrivateKeyInfo();
        } else if (parsed instanceof PrivateKeyInfo pkcs8) {
            info = pkcs8;
        } else {
            throw unreadable(source, parsed == null ? "no PEM block found" : "the PEM block is not a private key");
        }
        PrivateKey key;
        try {
            key = new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (IOException e) {
            throw unreadable(source, "the key data is malformed (" + e.getClass().getSimpleName() + ")");
        }
        if (!"RSA".equals(key.getAlgorithm())) {
            throw unreadable(source, "it is an " + key.getAlgorithm() + " key; OAuth 1.0a RSA-SHA1 needs an RSA key");
        }
        return key;
    }

    private static IllegalArgumentException unreadable(String source, String why) {
        return new IllegalArgumentException(
                source + " does not hold a readable private key: " + why + "; " + EXPECTED);
    }
}
