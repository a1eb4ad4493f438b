package org.jiraq.camel.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.jiraq.camel.JiraqStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretCipherTest {

    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @TempDir
    Path dir;

    @Test
    void aSealedValueOpensWithTheSameKeyAndContextAndEachSealIsDifferent() {
        SecretCipher cipher = SecretCipher.fromBase64Key(KEY, "tokenStoreKey");

        String first = cipher.seal("refresh-token-1", "alice/refresh_token");
        String second = cipher.seal("refresh-token-1", "alice/refresh_token");

        assertThat(first).startsWith("v1:").isNotEqualTo(second).doesNotContain("refresh-token-1");
        assertThat(cipher.open(first, "alice/refresh_token")).isEqualTo("refresh-token-1");
        assertThat(cipher.open(second, "alice/refresh_token")).isEqualTo("refresh-token-1");
        assertThat(cipher.seal(null, "alice/refresh_token")).isNull();
    }

    @Test
    void anotherContextOrKeyCannotOpenIt() {
        SecretCipher cipher = SecretCipher.fromBase64Key(KEY, "tokenStoreKey");
        String sealed = cipher.seal("refresh-token-1", "alice/refresh_token");

        assertThatThrownBy(() -> cipher.open(sealed, "bob/refresh_token")).isInstanceOf(JiraqStoreException.class)
                .hasMessageContaining("bob/refresh_token").hasMessageNotContaining("refresh-token-1");
        assertThatThrownBy(() -> SecretCipher.throwaway().open(sealed, "alice/refresh_token"))
                .isInstanceOf(JiraqStoreException.class);
        assertThatThrownBy(() -> cipher.open("refresh-token-1", "alice/refresh_token"))
                .hasMessageContaining("not sealed");
    }

    @Test
    void aKeyThatIsNotBase64Of32BytesIsRefusedNamingTheOptionButNotTheValue() {
        assertThatThrownBy(() -> SecretCipher.fromBase64Key("not base64 at all!", "tokenStoreKey"))
                .hasMessageContaining("Option 'tokenStoreKey' is not base64").hasMessageNotContaining("at all");
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> SecretCipher.fromBase64Key(shortKey, "tokenStoreKey"))
                .hasMessageContaining("must hold 32 bytes").hasMessageContaining("not 16 bytes")
                .hasMessageNotContaining(shortKey);
    }

    @Test
    void aKeyFileIsGeneratedOnceAndReadableByItsOwnerOnly() throws Exception {
        Path keyFile = dir.resolve("data").resolve("jiraq.key");

        String sealed = SecretCipher.fromKeyFile(keyFile).seal("token", "ctx");

        assertThat(SecretCipher.fromKeyFile(keyFile).open(sealed, "ctx")).isEqualTo("token");
        assertThat(Base64.getDecoder().decode(Files.readString(keyFile))).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(Files.list(keyFile.getParent())).containsExactly(keyFile);
    }
}
