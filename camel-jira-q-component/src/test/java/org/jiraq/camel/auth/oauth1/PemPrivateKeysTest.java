package org.jiraq.camel.auth.oauth1;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PemPrivateKeysTest {

    private static final KeyPair KEYS = TestKeys.rsa();

    @TempDir
    Path dir;

    @Test
    void readsPkcs1AndPkcs8Keys() {
        String pkcs1 = TestKeys.pkcs1Pem(KEYS.getPrivate());
        String pkcs8 = TestKeys.pkcs8Pem(KEYS.getPrivate());

        assertThat(pkcs1).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(pkcs8).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PemPrivateKeys.read(pkcs1, "test").getEncoded()).isEqualTo(KEYS.getPrivate().getEncoded());
        assertThat(PemPrivateKeys.read(pkcs8, "test").getEncoded()).isEqualTo(KEYS.getPrivate().getEncoded());
    }

    @Test
    void readsAKeyFileOrAKeyWhoseLineBreaksArrivedAsBackslashN() throws Exception {
        Path file = Files.writeString(dir.resolve("consumer.pem"), TestKeys.pkcs1Pem(KEYS.getPrivate()));
        String escaped = TestKeys.pkcs8Pem(KEYS.getPrivate()).replace("\n", "\\n");

        assertThat(PemPrivateKeys.fromOptions(null, file.toString()).getEncoded()).isEqualTo(KEYS.getPrivate().getEncoded());
        assertThat(PemPrivateKeys.fromOptions(escaped, null).getEncoded()).isEqualTo(KEYS.getPrivate().getEncoded());
    }

    @Test
    void exactlyOneOfTheTwoKeyOptionsIsRequired() {
        String pem = TestKeys.pkcs8Pem(KEYS.getPrivate());

        assertThatThrownBy(() -> PemPrivateKeys.fromOptions(null, " "))
                .hasMessageContaining("'privateKey'").hasMessageContaining("'privateKeyFile'")
                .hasMessageContaining("neither is set");
        assertThatThrownBy(() -> PemPrivateKeys.fromOptions(pem, "/tmp/key.pem"))
                .hasMessageContaining("both are set")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TestKeys.pemBody(pem).substring(0, 40)));
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.pem");

        assertThatThrownBy(() -> PemPrivateKeys.fromOptions(null, missing.toString()))
                .hasMessageContaining("Option 'privateKeyFile'").hasMessageContaining(missing.toString())
                .hasMessageContaining("NoSuchFileException");
    }

    @Test
    void aDamagedKeyFailsWithoutPrintingIt() {
        String pem = TestKeys.pkcs1Pem(KEYS.getPrivate());
        String damaged = pem.substring(0, 200) + "!!" + pem.substring(202);

        assertThatThrownBy(() -> PemPrivateKeys.read(damaged, "Option 'privateKey'"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Option 'privateKey' does not hold a readable private key")
                .hasNoCause()
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(pem.substring(40, 80)));
    }

    @Test
    void textWithoutAPemBlockIsRejected() {
        assertThatThrownBy(() -> PemPrivateKeys.read("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", "Option 'privateKey'"))
                .hasMessageContaining("no PEM block found")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("MIIEvQIBADAN"));
    }

    @Test
    void aPublicKeyIsNotAPrivateKey() {
        assertThatThrownBy(() -> PemPrivateKeys.read(TestKeys.publicKeyPem(KEYS.getPublic()), "Option 'privateKey'"))
                .hasMessageContaining("the PEM block is not a private key");
    }

    @Test
    void anEncryptedKeyIsRejectedWithAWayOut() throws Exception {
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(new JcaPKCS8Generator(KEYS.getPrivate(),
                    new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC).setProvider(new BouncyCastleProvider())
                            .setPassword("pw".toCharArray()).build()));
        }

        assertThat(pem.toString()).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThatThrownBy(() -> PemPrivateKeys.read(pem.toString(), "Option 'privateKey'"))
                .hasMessageContaining("it is encrypted").hasMessageContaining("openssl");
    }

    @Test
    void aNonRsaKeyIsRejected() {
        KeyPair ec = TestKeys.generate("EC", 256);

        assertThatThrownBy(() -> PemPrivateKeys.read(TestKeys.pkcs8Pem(ec.getPrivate()), "Option 'privateKey'"))
                .hasMessageContaining("it is an EC key; OAuth 1.0a RSA-SHA1 needs an RSA key");
    }
}
