package org.jiraq.camel;

import org.apache.camel.RuntimeCamelException;

/** The jiraq store could not be read or written (database down, schema broken, a value that cannot be decrypted). */
public class JiraqStoreException extends RuntimeCamelException {

    public JiraqStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public JiraqStoreException(String message) {
        super(message);
    }
}
