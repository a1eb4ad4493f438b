package org.jiraq.camel.auth.oauth1;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * RSA key pairs made by the JDK for the tests, written as PEM by hand (not by the code under test), in the two
 * layouts Jira users have: PKCS#1 and PKCS#8.
 */
public final class TestKeys {

    private TestKeys() {
    }

    public static KeyPair rsa() {
        return generate("RSA", 2048);
    }

    public static KeyPair generate(String algorithm, int size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(size);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** -----BEGIN PRIVATE KEY-----: the JDK's own encoding of a private key is PKCS#8. */
    public static String pkcs8Pem(Key privateKey) {
        return pem("PRIVATE KEY", privateKey.getEncoded());
    }

    /** -----BEGIN RSA PRIVATE KEY-----: the RSAPrivateKey structure inside the PKCS#8 wrapper. */
    public static String pkcs1Pem(Key privateKey) {
        try {
            return pem("RSA PRIVATE KEY",
                    PrivateKeyInfo.getInstance(privateKey.getEncoded()).parsePrivateKey().toASN1Primitive().getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** -----BEGIN PUBLIC KEY-----, as a Jira administrator pastes it into the application link. */
    public static String publicKeyPem(Key publicKey) {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /** The base64 body of a PEM, which must never show up in a log or an error. */
    public static String pemBody(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
