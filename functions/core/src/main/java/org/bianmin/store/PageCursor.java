package org.bianmin.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The opaque {@code cursor} of a listing: where each merged partition of a query stopped, bound to that query and
 * sealed with a MAC. It is base64url (no padding) of a small binary record, so it fits a query string unescaped.
 *
 * <p>Why it holds up against a forged cursor: the MAC makes garbled or edited cursors fail, the query hash makes a
 * cursor of one listing (another route, other filters, another department's scope) fail on another, and
 * {@link MergedQuery} checks every position's key attributes against the partitions the server itself chose. The
 * MAC key is not a secret (the code names it); a hand-made cursor that passes all three can only start a query the
 * caller may already run at a point of that query, which reveals nothing the caller could not page to.
 */
final class PageCursor {

    private static final byte VERSION = 1;
    private static final int HASH_BYTES = 12;
    private static final int TAG_BYTES = 16;
    private static final byte NOT_STARTED = 0;
    private static final byte AT = 1;
    private static final byte DONE = 2;
    private static final byte[] KEY = "bianmin page cursor v1".getBytes(StandardCharsets.US_ASCII);

    /** Where one partition stands: not started ({@code null} key, not done), after a key, or done. */
    record Position(Map<String, String> after, boolean done) {

        static final Position START = new Position(null, false);
        static final Position FINISHED = new Position(null, true);

        static Position after(Map<String, String> key) {
            return new Position(Map.copyOf(key), false);
        }
    }

    private PageCursor() {
    }

    static String encode(String queryIdentity, List<Position> positions) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.write(hash(queryIdentity));
            out.writeByte(positions.size());
            for (Position position : positions) {
                if (position.done()) {
                    out.writeByte(DONE);
                } else if (position.after() == null) {
                    out.writeByte(NOT_STARTED);
                } else {
                    out.writeByte(AT);
                    out.writeByte(position.after().size());
                    for (Map.Entry<String, String> attribute : new java.util.TreeMap<>(position.after()).entrySet()) {
                        out.writeUTF(attribute.getKey());
                        out.writeUTF(attribute.getValue());
                    }
                }
            }
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        byte[] body = bytes.toByteArray();
        byte[] sealed = Arrays.copyOf(body, body.length + TAG_BYTES);
        System.arraycopy(tag(body), 0, sealed, body.length, TAG_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    /** The positions a cursor holds, after checking that it is intact and was issued for {@code queryIdentity}. */
    static List<Position> decode(String cursor, String queryIdentity, int partitions) {
        byte[] sealed;
        try {
            sealed = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("not base64url");
        }
        if (sealed.length < 1 + HASH_BYTES + 1 + TAG_BYTES) {
            throw new InvalidCursorException("too short");
        }
        byte[] body = Arrays.copyOf(sealed, sealed.length - TAG_BYTES);
        if (!MessageDigest.isEqual(tag(body), Arrays.copyOfRange(sealed, body.length, sealed.length))) {
            throw new InvalidCursorException("seal does not match");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
            if (in.readByte() != VERSION) {
                throw new InvalidCursorException("unknown version");
            }
            if (!MessageDigest.isEqual(in.readNBytes(HASH_BYTES), hash(queryIdentity))) {
                throw new InvalidCursorException("issued for another query");
            }
            int count = in.readUnsignedByte();
            if (count != partitions) {
                throw new InvalidCursorException("issued for another query");
            }
            List<Position> positions = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                byte state = in.readByte();
                switch (state) {
                    case NOT_STARTED -> positions.add(Position.START);
                    case DONE -> positions.add(Position.FINISHED);
                    case AT -> {
                        int attributes = in.readUnsignedByte();
                        Map<String, String> key = new LinkedHashMap<>();
                        for (int a = 0; a < attributes; a++) {
                            key.put(in.readUTF(), in.readUTF());
                        }
                        positions.add(Position.after(key));
                    }
                    default -> throw new InvalidCursorException("unknown position");
                }
            }
            if (in.available() > 0) {
                throw new InvalidCursorException("trailing bytes");
            }
            return positions;
        } catch (IOException e) {
            throw new InvalidCursorException("truncated");
        }
    }

    private static byte[] hash(String queryIdentity) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(queryIdentity.getBytes(StandardCharsets.UTF_8)), HASH_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] tag(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(body), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
