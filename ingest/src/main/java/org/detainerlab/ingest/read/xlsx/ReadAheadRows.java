package org.detainerlab.ingest.read.xlsx;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.detainerlab.ingest.read.FormulaCells;
import org.detainerlab.ingest.read.RowIterator;
import org.detainerlab.ingest.read.SourceFormatException;
import org.detainerlab.ingest.read.SourceRow;

/**
 * Reads a sheet on a thread of its own, a few batches of rows ahead of the caller, so that inflating and scanning
 * the XML runs beside what the caller does with the rows (an import normalises them and feeds them to COPY) instead
 * of taking turns with it. The caller sees exactly what the sheet's own iterator gives: the same rows in the same
 * order, and a failure after the rows before it, thrown again on every later call.
 *
 * <p>At most {@link #BATCHES_AHEAD} batches of {@link #BATCH_ROWS} rows wait, so memory stays bounded whatever the
 * length of the sheet. {@link #close} stops the thread, waits for it, and closes the sheet's iterator from it.
 */
final class ReadAheadRows implements RowIterator {

    static final int BATCH_ROWS = 256;
    static final int BATCHES_AHEAD = 4;
    private static final long WAIT_MILLIS = 200;

    /** Rows in order; after the last batch (last set) nothing follows, and its failure, if any, ends the sheet. */
    private record Batch(SourceRow[] rows, int count, Throwable failure, boolean last) {
    }

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final RowIterator rows;
    private final Thread reader;
    private final String sheet;
    private volatile boolean closed;
    private volatile IOException closeFailure;
    private Batch current;
    private int next;

    ReadAheadRows(RowIterator rows, String fileName, String sheet) {
        this.sheet = sheet;
        this.rows = rows;
        this.reader = new Thread(() -> readAhead(rows), "xlsx read-ahead: " + fileName + ", sheet " + sheet);
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public SourceRow next() throws IOException, SourceFormatException {
        while (current == null || next == current.count()) {
            if (current != null && current.last()) {
                if (current.failure() != null) {
                    rethrow(current.failure());
                }
                return null;
            }
            current = take();
            next = 0;
        }
        return current.rows()[next++];
    }

    /**
     * The formula cells of the rows read so far, which may be ahead of those returned; all of the sheet's once
     * {@link #next} has returned null.
     */
    @Override
    public FormulaCells formulaCells() {
        return rows.formulaCells();
    }

    /** Stops the reading thread, waits for it to close the sheet's iterator, and reports what closing it threw. */
    @Override
    public void close() throws IOException {
        closed = true;
        reader.interrupt();
        boolean interrupted = false;
        while (reader.isAlive()) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (closeFailure != null) {
            throw closeFailure;
        }
    }

    private void readAhead(RowIterator rows) {
        try {
            boolean last = false;
            while (!last && !closed) {
                Batch batch = readBatch(rows);
                last = batch.last();
                queue.put(batch);
            }
        } catch (InterruptedException stopped) {
            // close() stops the thread while it waits for room in the queue
        } finally {
            try {
                rows.close();
            } catch (IOException e) {
                closeFailure = e;
            }
        }
    }

    private static Batch readBatch(RowIterator rows) {
        SourceRow[] batch = null;
        int count = 0;
        try {
            batch = new SourceRow[BATCH_ROWS];
            for (SourceRow row = rows.next(); row != null; row = count < BATCH_ROWS ? rows.next() : null) {
                batch[count++] = row;
            }
            return new Batch(batch, count, null, count < BATCH_ROWS);
        } catch (IOException | SourceFormatException | RuntimeException | Error e) {
            return new Batch(batch, count, e, true);
        }
    }

    /**
     * The next batch. The reading thread always queues a last batch before it ends; should it end without one all
     * the same, the caller is told rather than left waiting.
     */
    private Batch take() throws IOException {
        try {
            while (true) {
                Batch batch = queue.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (batch != null) {
                    return batch;
                }
                if (!reader.isAlive() && queue.isEmpty()) {
                    throw new IOException("the thread reading sheet '" + sheet + "' stopped before the end of the"
                            + " sheet");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the rows of sheet '" + sheet + "'");
        }
    }

    private static void rethrow(Throwable failure) throws IOException, SourceFormatException {
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof SourceFormatException format) {
            throw format;
        }
        if (failure instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        throw (Error) failure;
    }
}
