package org.detainerlab.ingest.read;

/**
 * Bounds that protect the platform from hostile or broken files.
 *
 * @param maxCellChars   longest accepted cell; Excel itself stores at most 32,767 characters in a cell
 * @param maxEntryBytes  largest accepted uncompressed part of an xlsx (zip) file
 * @param maxInflateRatio largest accepted ratio of uncompressed to compressed size of an xlsx part once it has
 *                        inflated past {@code ratioCheckAfterBytes} (zip bombs compress far better than data)
 * @param ratioCheckAfterBytes size after which the ratio is enforced
 * @param maxSharedStringsBytes largest memory an xlsx's shared string table (the one part held whole) may take;
 *                              fixed rather than a share of the heap, so that the application with its large heap
 *                              refuses the same files as the CLI with its 512 MB
 */
public record ReadLimits(int maxCellChars, long maxEntryBytes, double maxInflateRatio, long ratioCheckAfterBytes,
                         long maxSharedStringsBytes) {

    public static final ReadLimits DEFAULT = new ReadLimits(32_767, 4L << 30, 200.0, 50L << 20, 256L << 20);

    public ReadLimits(int maxCellChars, long maxEntryBytes, double maxInflateRatio, long ratioCheckAfterBytes) {
        this(maxCellChars, maxEntryBytes, maxInflateRatio, ratioCheckAfterBytes, DEFAULT.maxSharedStringsBytes());
    }
}
