package org.detainerlab.ingest.read.xlsx;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** A small XML part read with StAX, positioned on its root element; closing it releases the zip entry. */
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
