package org.bianmin.hotline.application;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bianmin.hotline.model.PhoneNumber;
import org.bianmin.hotline.model.ProtectedPhone;

/**
 * Keeps phone numbers out of plain sight: a keyed hash (HMAC-SHA256) to find a caller's tickets without storing
 * the number, and AES-256-GCM ciphertext for the return visit. The keys come from configuration (Secrets Manager in
 * AWS); the local runtime uses fixed development keys and says so in its log.
 *
 * <p>Keys rotate: the current keys hash and encrypt everything new; previous keys (only while a rotation is under
 * way) still decrypt and still produce the hashes old tickets were stored under. A ciphertext names its key:
 * {@code <keyId>:<base64 of IV and sealed bytes>}, the key id being the first 4 bytes of a SHA-256 over the key, in
 * hex (it identifies, it reveals nothing usable). A ciphertext without a key id predates versioning; it is tried
 * against the previous keys, then the current one, and GCM's authentication tag tells which key it was.
 */
public final class PhoneProtector {

    private static final int IV_BYTES = 12;
    private static final char KEY_ID_END = ':';

    private final SecretKeySpec hashKey;
    private final List<SecretKeySpec> previousHashKeys;
    private final String currentKeyId;
    /** Every encryption key by id: the current one first, then the previous ones. */
    private final Map<String, SecretKeySpec> encryptionKeys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public PhoneProtector(byte[] hashKey, byte[] encryptionKey) {
        this(hashKey, encryptionKey, List.of(), List.of());
    }

    /**
     * @param previousHashKeys hash keys of a rotation under way (lookups also try them)
     * @param previousEncryptionKeys encryption keys of a rotation under way (decryption only)
     */
    public PhoneProtector(byte[] hashKey, byte[] encryptionKey, List<byte[]> previousHashKeys,
                          List<byte[]> previousEncryptionKeys) {
        this.hashKey = hashKey(hashKey);
        this.previousHashKeys = new ArrayList<>();
        for (byte[] previous : previousHashKeys) {
            if (!MessageDigest.isEqual(previous, hashKey)) {
                this.previousHashKeys.add(hashKey(previous));
            }
        }
        this.currentKeyId = keyId(encryptionKey(encryptionKey));
        encryptionKeys.put(currentKeyId, encryptionKey(encryptionKey));
        for (byte[] previous : previousEncryptionKeys) {
            SecretKeySpec key = encryptionKey(previous);
            encryptionKeys.putIfAbsent(keyId(key), key);
        }
    }

    public ProtectedPhone protect(PhoneNumber phone) {
        return new ProtectedPhone(hash(phone), phone.masked(), encrypt(phone.normalized()));
    }

    /** The hash new tickets are stored under. */
    public String hash(PhoneNumber phone) {
        return hash(hashKey, phone);
    }

    /**
     * Every hash a caller's tickets may be stored under: the current one first, then one per previous key. A lookup
     * by phone hash asks for all of them, so it finds old tickets while a rotation is under way.
     */
    public List<String> lookupHashes(PhoneNumber phone) {
        List<String> hashes = new ArrayList<>(List.of(hash(phone)));
        previousHashKeys.forEach(key -> hashes.add(hash(key, phone)));
        return hashes;
    }

    String encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKeys.get(currentKeyId), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return currentKeyId + KEY_ID_END
                    + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For the return-visit process and the key rotation only. */
    public String decrypt(String ciphertext) {
        int end = ciphertext.indexOf(KEY_ID_END);
        if (end >= 0) {
            SecretKeySpec key = encryptionKeys.get(ciphertext.substring(0, end));
            if (key == null) {
                throw new IllegalStateException("a stored phone number is under key " + ciphertext.substring(0, end)
                        + ", which is neither the current nor a previous key");
            }
            try {
                return decrypt(key, ciphertext.substring(end + 1));
            } catch (WrongKeyException tampered) {
                throw new IllegalStateException("a stored phone number does not authenticate under its key");
            }
        }
        List<SecretKeySpec> legacyOrder = new ArrayList<>(encryptionKeys.values());
        legacyOrder.add(legacyOrder.remove(0));
        for (SecretKeySpec key : legacyOrder) {
            try {
                return decrypt(key, ciphertext);
            } catch (WrongKeyException tryNext) {
                // the tag did not match this key; another one may have written it
            }
        }
        throw new IllegalStateException("cannot decrypt a stored phone number with any configured key");
    }

    /** Whether a ciphertext is under the current key (a legacy one without a key id never is). */
    public boolean isUnderCurrentKey(String ciphertext) {
        return ciphertext.startsWith(currentKeyId + KEY_ID_END);
    }

    /**
     * The stored phone under the current keys, or empty when it already is: the ciphertext names the current key
     * and the hash is the current key's hash of the decrypted number. Throws when no configured key decrypts it.
     */
    public Optional<ProtectedPhone> reprotect(ProtectedPhone stored) {
        PhoneNumber phone = PhoneNumber.parse(decrypt(stored.ciphertext()))
                .orElseThrow(() -> new IllegalStateException("a stored phone number does not parse"));
        String currentHash = hash(phone);
        boolean cipherCurrent = isUnderCurrentKey(stored.ciphertext());
        if (cipherCurrent && currentHash.equals(stored.hash())) {
            return Optional.empty();
        }
        return Optional.of(new ProtectedPhone(currentHash, stored.masked(),
                cipherCurrent ? stored.ciphertext() : encrypt(phone.normalized())));
    }

    private static String decrypt(SecretKeySpec key, String encoded) {
        try {
            byte[] all = Base64.getDecoder().decode(encoded);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException wrongKey) {
            throw new WrongKeyException();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot decrypt a stored phone number", e);
        }
    }

    private static String hash(SecretKeySpec key, PhoneNumber phone) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(phone.normalized().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String keyId(SecretKeySpec key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("bianmin-phone-encryption-key".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(key.getEncoded()), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SecretKeySpec hashKey(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("phone hash keys must be at least 32 bytes (base64 of 32 random bytes)");
        }
        return new SecretKeySpec(key, "HmacSHA256");
    }

    private static SecretKeySpec encryptionKey(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("phone encryption keys must be 32 bytes (base64 of 32 random bytes)");
        }
        return new SecretKeySpec(key, "AES");
    }

    /** GCM's tag did not match: the ciphertext was sealed with another key. */
    private static final class WrongKeyException extends RuntimeException {
        WrongKeyException() {
            super(null, null, false, false);
        }
    }
}
