package dev.pyroom.platform.boundary;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.Base64;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Refuses to start without a proper view-state key. Faces would otherwise log an error and keep the pages' state in
 * them unencrypted and unsigned, which a visitor could then tamper with.
 */
@WebListener
public class ViewStateKeyCheck implements ServletContextListener {

    private static final String KEY = "java:comp/env/faces/ClientSideSecretKey";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        int length = keyLength();
        if (length != 16 && length != 32) {
            throw new IllegalStateException("PYROOM_VIEW_STATE_KEY must be a base64 AES key of 16 or 32 bytes,"
                    + " the same on every node (for example: head -c 32 /dev/urandom | base64)");
        }
    }

    private static int keyLength() {
        try {
            return Base64.getDecoder().decode(((String) new InitialContext().lookup(KEY)).strip()).length;
        } catch (NamingException | IllegalArgumentException | ClassCastException e) {
            return -1;
        }
    }
}
