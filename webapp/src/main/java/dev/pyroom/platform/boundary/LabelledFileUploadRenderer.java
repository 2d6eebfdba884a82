package dev.pyroom.platform.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import java.io.IOException;
import java.util.Map;
import org.primefaces.component.fileupload.FileUpload;
import org.primefaces.component.fileupload.FileUploadRenderer;

/**
 * PrimeFaces' simple file upload with a file field keyboard users can reach and screen readers can name: the field it
 * hides from assistive technology is still reached by Tab, so here it is not hidden, and it carries the upload's
 * label. A field PrimeFaces takes out of the Tab order stays hidden.
 */
public class LabelledFileUploadRenderer extends FileUploadRenderer {

    @Override
    protected void encodeInputField(FacesContext context, FileUpload fileUpload, String clientId, String tabindex)
            throws IOException {
        if (tabindex != null) {
            super.encodeInputField(context, fileUpload, clientId, tabindex);
            return;
        }
        ResponseWriter writer = context.getResponseWriter();
        context.setResponseWriter(new LabellingWriter(writer, fileUpload.getLabel()));
        try {
            super.encodeInputField(context, fileUpload, clientId, null);
        } finally {
            context.setResponseWriter(writer);
        }
    }

    /** Leaves out {@code aria-hidden} and writes the label as {@code aria-label} on the file field. */
    private static final class LabellingWriter extends ResponseWriterWrapper {

        private final String label;

        LabellingWriter(ResponseWriter writer, String label) {
            super(new AttributeFilter(writer, Map.of("aria-hidden", "true")));
            this.label = label;
        }

        @Override
        public void writeAttribute(String name, Object value, String property) throws IOException {
            super.writeAttribute(name, value, property);
            if ("type".equals(name) && "file".equals(value) && label != null) {
                super.writeAttribute("aria-label", label, null);
            }
        }
    }
}
