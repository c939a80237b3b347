package org.detainerlab.core.annotation;

import java.util.Optional;

/**
 * Finds a quoted passage again in a changed text. The passage stays where it was if the text there is still the
 * quote; otherwise it moves to the occurrence of the quote whose surroundings best match the recorded prefix and
 * suffix (the nearest to the old position on a tie); with no occurrence left it cannot be anchored.
 */
public final class TextAnchor {

    private TextAnchor() {
    }

    public static Optional<TextPositionSelector> locate(String text, TextQuoteSelector quote,
                                                        TextPositionSelector previous) {
        String exact = quote.exact();
        if (previous != null && previous.start() >= 0 && previous.end() <= text.length()
                && previous.start() <= previous.end()
                && text.substring(previous.start(), previous.end()).equals(exact)) {
            return Optional.of(previous);
        }
        int oldStart = previous == null ? 0 : previous.start();
        int best = -1;
        int bestScore = -1;
        for (int at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
            int score = commonSuffix(quote.prefix(), text.substring(0, at))
                    + commonPrefix(quote.suffix(), text.substring(at + exact.length()));
            if (score > bestScore || score == bestScore && Math.abs(at - oldStart) < Math.abs(best - oldStart)) {
                best = at;
                bestScore = score;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(new TextPositionSelector(best, best + exact.length()));
    }

    /** The context a new selector records around a passage when the client sends none. */
    public static TextQuoteSelector withContext(String text, TextQuoteSelector quote, TextPositionSelector position,
                                                int context) {
        String prefix = quote.prefix() != null ? quote.prefix()
                : text.substring(Math.max(0, position.start() - context), position.start());
        String suffix = quote.suffix() != null ? quote.suffix()
                : text.substring(position.end(), Math.min(text.length(), position.end() + context));
        return new TextQuoteSelector(quote.exact(), prefix, suffix);
    }

    private static int commonSuffix(String recorded, String before) {
        if (recorded == null) {
            return 0;
        }
        int n = 0;
        while (n < recorded.length() && n < before.length()
                && recorded.charAt(recorded.length() - 1 - n) == before.charAt(before.length() - 1 - n)) {
            n++;
        }
        return n;
    }

    private static int commonPrefix(String recorded, String after) {
        if (recorded == null) {
            return 0;
        }
        int n = 0;
        while (n < recorded.length() && n < after.length() && recorded.charAt(n) == after.charAt(n)) {
            n++;
        }
        return n;
    }
}
