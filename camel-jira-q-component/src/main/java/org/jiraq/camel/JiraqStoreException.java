package org.jiraq.camel;

/** The jiraq store could not be read or written (database down, schema broken, a value that cannot be decrypted). */
public class JiraqStoreException extends JiraqException {

    public JiraqStoreException(String message, Throwable cause) {
        super(message, cause, false, false, null);
    }

    public JiraqStoreException(String message) {
        this(message, null);
    }
}
