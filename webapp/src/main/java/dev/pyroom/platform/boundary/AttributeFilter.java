package dev.pyroom.platform.boundary;

import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import java.io.IOException;
import java.util.Map;

/** A response writer that leaves out given attributes with given values, and writes everything else. */
final class AttributeFilter extends ResponseWriterWrapper {

    private final Map<String, String> leftOut;

    /** @param leftOut attribute names and the values for which they are left out */
    AttributeFilter(ResponseWriter writer, Map<String, String> leftOut) {
        super(writer);
        this.leftOut = leftOut;
    }

    @Override
    public void writeAttribute(String name, Object value, String property) throws IOException {
        if (value != null && value.toString().equals(leftOut.get(name))) {
            return;
        }
        super.writeAttribute(name, value, property);
    }
}
