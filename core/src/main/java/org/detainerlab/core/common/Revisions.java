package org.detainerlab.core.common;

/**
 * Entity tags for curated items and the {@code If-Match} check that guards every change to them.
 * A tag names the kind, the id and the version ({@code "policy-12-v3"}), so a tag copied from one item never
 * matches another. Callers check under a row lock (the service loads the item for update first), so two
 * editors holding the same tag cannot both win.
 */
public final class Revisions {

    private Revisions() {
    }

    public static String tag(String kind, long id, long version) {
        return "\"" + kind + "-" + id + "-v" + version + "\"";
    }

    /**
     * Passes when {@code ifMatch} lists the current tag (weak or strong); otherwise throws 428 (absent) or
     * 412 (stale). {@code *} is refused: it would let a client overwrite what it never read.
     */
    public static void requireMatch(String ifMatch, String kind, long id, long version) {
        String current = tag(kind, id, version);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException("Send If-Match with the ETag you read (" + current
                    + " is current) so that no one else's change is overwritten");
        }
        if (ifMatch.trim().equals("*")) {
            throw new PreconditionRequiredException("If-Match: * is not accepted here; send the ETag you read ("
                    + current + " is current)");
        }
        for (String candidate : ifMatch.split(",")) {
            String value = candidate.trim();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.equals(current)) {
                return;
            }
        }
        throw new PreconditionFailedException("This " + kind + " changed since you read it: If-Match was "
                + ifMatch.trim() + " but " + current + " is current. Fetch it again and reapply your change", current);
    }
}
