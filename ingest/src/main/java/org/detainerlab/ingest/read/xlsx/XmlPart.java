package org.detainerlab.ingest.read.xlsx;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** One XML part of the package being read, positioned on its root element; closing it releases the zip entry. */
final class XmlPart implements Closeable {

    private final String name;
    private final InputStream stream;
    private final XMLStreamReader reader;

    XmlPart(String name, InputStream stream, XMLStreamReader reader) {
        this.name = name;
        this.stream = stream;
        this.reader = reader;
    }

    String name() {
        return name;
    }

    XMLStreamReader reader() {
        return reader;
    }

    /** Moves past the end of the element whose start the reader is on, with everything inside it. */
    static void skipElement(XMLStreamReader reader) throws XMLStreamException {
        for (int depth = 1; depth > 0; ) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot close the XML reader of part " + name, e);
        } finally {
            stream.close();
        }
    }
}
