package org.detainerlab.ingest.read.xlsx;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.detainerlab.ingest.read.ReadLimits;

/**
 * Counts the bytes a zip entry really inflates to and stops at the limits. The sizes in the zip directory are
 * written by whoever made the file, so they bound nothing: only the bytes that come out of the inflater count.
 */
final class GuardedInputStream extends FilterInputStream {

    private final String part;
    private final long compressedSize;
    private final ReadLimits limits;
    private long inflated;

    GuardedInputStream(InputStream in, String part, long compressedSize, ReadLimits limits) {
        super(in);
        this.part = part;
        this.compressedSize = Math.max(1, compressedSize);
        this.limits = limits;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) throws LimitExceededException {
        inflated += n;
        if (inflated > limits.maxEntryBytes()) {
            throw new LimitExceededException("part " + part + " is larger than " + Sizes.bytes(limits.maxEntryBytes())
                    + " uncompressed, more than the reader accepts; split the data into smaller workbooks");
        }
        if (inflated > limits.ratioCheckAfterBytes() && inflated > compressedSize * limits.maxInflateRatio()) {
            throw new LimitExceededException("the file looks like a zip bomb: part " + part + " inflates more than "
                    + Sizes.number(limits.maxInflateRatio()) + " times its compressed size; it was not read further");
        }
    }
}
