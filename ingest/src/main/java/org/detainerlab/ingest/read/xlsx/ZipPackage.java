package org.detainerlab.ingest.read.xlsx;

import java.io.CharConversionException;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.detainerlab.ingest.read.ReadLimits;
import org.detainerlab.ingest.read.SourceFormatException;

/**
 * The zip package of an xlsx file: recognises what the file really is, opens its parts through
 * {@link GuardedInputStream}, the small ones with a StAX parser and the large ones (sheets, shared strings) with
 * {@link XmlScanner}, neither of which ever reads a DTD or external entity, and turns the ways a part can fail to
 * read into {@link SourceFormatException}s that name the file.
 */
final class ZipPackage implements Closeable {

    private static final byte[] OLE2_SIGNATURE = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final int MAX_CAUSE_DEPTH = 8;

    private final ZipFile zip;
    private final String fileName;
    private final long fileSize;
    private final ReadLimits limits;
    private final XMLInputFactory xml = secureFactory();

    private ZipPackage(ZipFile zip, String fileName, long fileSize, ReadLimits limits) {
        this.zip = zip;
        this.fileName = fileName;
        this.fileSize = fileSize;
        this.limits = limits;
    }

    /** Opens the file as a zip, or says what else it is. */
    static ZipPackage open(Path file, ReadLimits limits) throws IOException, SourceFormatException {
        String fileName = file.getFileName().toString();
        byte[] head = new byte[OLE2_SIGNATURE.length];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(head, 0, head.length);
        }
        if (length == 0) {
            throw new SourceFormatException(fileName, null, null, null,
                    "the file is not an xlsx workbook (it is empty: 0 bytes); upload or export the workbook again");
        }
        if (Arrays.equals(head, OLE2_SIGNATURE)) {
            throw new SourceFormatException(fileName, null, null, null,
                    "the file is a legacy .xls workbook; save it as .xlsx (a password-protected .xlsx looks the same:"
                            + " save it without the password)");
        }
        if (length < 2 || head[0] != 'P' || head[1] != 'K') {
            throw new SourceFormatException(fileName, null, null, null,
                    "the file is not an xlsx workbook (not a zip file); save or export it from the spreadsheet"
                            + " program as .xlsx");
        }
        try {
            return new ZipPackage(new ZipFile(file.toFile()), fileName, Files.size(file), limits);
        } catch (ZipException e) {
            throw new SourceFormatException(fileName, null, null, null, "the file is truncated or damaged: its zip"
                    + " directory cannot be read (" + e.getMessage() + "); download or export it again", e);
        }
    }

    String fileName() {
        return fileName;
    }

    boolean contains(String part) {
        return zip.getEntry(part) != null;
    }

    /**
     * Opens a small XML part with StAX, positioned on its root element. A part that declares a DOCTYPE is refused
     * outright: xlsx parts never have one, and refusing it means no entity, internal or external, is ever expanded.
     */
    XmlPart openXml(String part) throws IOException, SourceFormatException {
        return openXml(part, null);
    }

    /** {@link #openXml(String)} of a part that belongs to a sheet, which messages then name. */
    XmlPart openXml(String part, String sheet) throws IOException, SourceFormatException {
        InputStream stream = openEntry(part, sheet);
        boolean opened = false;
        try {
            XMLStreamReader reader = xml.createXMLStreamReader(stream);
            moveToRoot(reader, part, sheet);
            opened = true;
            return new XmlPart(part, stream, reader);
        } catch (XMLStreamException e) {
            throw unreadable(part, sheet, null, null, e);
        } finally {
            if (!opened) {
                stream.close();
            }
        }
    }

    /**
     * Opens a large XML part (a worksheet, the shared strings) with {@link XmlScanner}, positioned on its root
     * element; a DOCTYPE is refused as by {@link #openXml}. The sheet, if given, is named in messages.
     */
    XmlScanner openScanner(String part, String sheet) throws IOException, SourceFormatException {
        InputStream stream = openEntry(part, sheet);
        boolean opened = false;
        try {
            XmlScanner scanner = XmlScanner.over(stream);
            int event = scanner.next();
            if (event == XmlScanner.DOCTYPE) {
                throw doctype(part, sheet);
            }
            if (event != XmlScanner.START) {
                throw noElement(part, sheet);
            }
            opened = true;
            return scanner;
        } catch (XmlSyntaxException | IOException e) {
            throw unreadable(part, sheet, null, null, e);
        } finally {
            if (!opened) {
                stream.close();
            }
        }
    }

    private InputStream openEntry(String part, String sheet) throws IOException, SourceFormatException {
        ZipEntry entry = zip.getEntry(part);
        if (entry == null) {
            throw new SourceFormatException(fileName, sheet, null, null, "the file is damaged: part " + part
                    + ", which the workbook refers to, is missing; export the workbook again");
        }
        // the directory's compressed size is the file maker's claim; no part can be larger than the file
        long compressedSize = Math.min(entry.getCompressedSize(), fileSize);
        try {
            return new GuardedInputStream(zip.getInputStream(entry), part, compressedSize, limits);
        } catch (ZipException damagedHeader) {
            throw unreadable(part, sheet, null, null, damagedHeader);
        }
    }

    /**
     * The {@link SourceFormatException} for a part that failed while being read: too large or too compressible,
     * damaged zip data, or malformed XML. An I/O failure of the file itself is thrown as it is.
     */
    SourceFormatException unreadable(String part, String sheet, Integer row, String column, Exception failure)
            throws IOException {
        IOException io = ioCause(failure);
        if (io instanceof LimitExceededException) {
            // where the parser had got to in a zip bomb means nothing to the reader of the message
            return new SourceFormatException(fileName, sheet, null, null, io.getMessage(), failure);
        }
        if (io instanceof ZipException || io instanceof EOFException) {
            return new SourceFormatException(fileName, sheet, row, column, "the file is truncated or damaged: part "
                    + part + " cannot be unpacked (" + io.getMessage() + "); download or export it again", failure);
        }
        if (io instanceof CharConversionException || io instanceof CharacterCodingException) {
            return new SourceFormatException(fileName, sheet, row, column, "part " + part
                    + " is not valid text in its declared encoding (" + io.getMessage()
                    + "); the file is damaged or was not written by a spreadsheet program", failure);
        }
        if (io != null) {
            throw io;
        }
        return new SourceFormatException(fileName, sheet, row, column, "part " + part + " is not well-formed XML"
                + where(failure) + ": " + parserMessage(failure)
                + "; the file is damaged or was not written by a spreadsheet program", failure);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private void moveToRoot(XMLStreamReader reader, String part, String sheet)
            throws XMLStreamException, SourceFormatException {
        while (true) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return;
            }
            if (event == XMLStreamConstants.DTD) {
                throw doctype(part, sheet);
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw noElement(part, sheet);
            }
        }
    }

    private SourceFormatException doctype(String part, String sheet) {
        return new SourceFormatException(fileName, sheet, null, null, "part " + part + " declares a DOCTYPE, which"
                + " xlsx parts never do; it is refused so that no entity or external file is read");
    }

    private SourceFormatException noElement(String part, String sheet) {
        return new SourceFormatException(fileName, sheet, null, null, "part " + part
                + " holds no XML element; the file is damaged or was not written by a spreadsheet program");
    }

    private static IOException ioCause(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_CAUSE_DEPTH; depth++) {
            if (t instanceof IOException io) {
                return io;
            }
            t = t instanceof XMLStreamException x && x.getNestedException() != null ? x.getNestedException()
                    : t.getCause();
        }
        return null;
    }

    private static String where(Exception failure) {
        if (failure instanceof XmlSyntaxException syntax) {
            return " at line " + syntax.line() + ", column " + syntax.column();
        }
        Location location = failure instanceof XMLStreamException x ? x.getLocation() : null;
        return location == null || location.getLineNumber() < 0 ? ""
                : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    /**
     * The parser's own words, without the "ParseError at [row,col]:[1,9]\nMessage: " prefix of the JDK (the
     * location is in {@link #where}) or a closing full stop.
     */
    private static String parserMessage(Exception failure) {
        String message = String.valueOf(failure.getMessage());
        int start = message.indexOf("Message: ");
        String own = start < 0 ? message : message.substring(start + "Message: ".length());
        return own.endsWith(".") ? own.substring(0, own.length() - 1) : own;
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }
}
