package dev.pyroom.platform.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import java.util.Map;
import org.primefaces.component.messages.Messages;
import org.primefaces.component.messages.MessagesRenderer;

/**
 * PrimeFaces' messages as a list a screen reader can read as one: its items lose their own {@code role="alert"},
 * which made them no longer list items; the messages' container still announces them (it is a polite live region).
 */
public class ListedMessagesRenderer extends MessagesRenderer {

    @Override
    protected void encodeMessage(
            ResponseWriter writer, Messages messages, FacesMessage message, String severity, boolean escape)
            throws IOException {
        super.encodeMessage(new AttributeFilter(writer, Map.of("role", "alert")), messages, message, severity, escape);
    }
}
