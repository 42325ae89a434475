package org.bianmin.hotline.application;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bianmin.hotline.model.PhoneNumber;
import org.bianmin.hotline.model.ProtectedPhone;

/**
 * Keeps phone numbers out of plain sight: a keyed hash (HMAC-SHA256) to find a caller's tickets without storing
 * the number, and AES-256-GCM ciphertext for the return visit. The two keys come from configuration (Secrets
 * Manager in AWS); the local runtime uses fixed development keys and says so in its log.
 */
public final class PhoneProtector {

    private static final int IV_BYTES = 12;
    private final SecretKeySpec hashKey;
    private final SecretKeySpec encryptionKey;
    private final SecureRandom random = new SecureRandom();

    public PhoneProtector(byte[] hashKey, byte[] encryptionKey) {
        if (hashKey.length < 32 || encryptionKey.length != 32) {
            throw new IllegalArgumentException("phone keys must be 32 bytes (base64 of 32 random bytes)");
        }
        this.hashKey = new SecretKeySpec(hashKey, "HmacSHA256");
        this.encryptionKey = new SecretKeySpec(encryptionKey, "AES");
    }

    public ProtectedPhone protect(PhoneNumber phone) {
        return new ProtectedPhone(hash(phone), phone.masked(), encrypt(phone.normalized()));
    }

    public String hash(PhoneNumber phone) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return HexFormat.of().formatHex(mac.doFinal(phone.normalized().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For the return-visit process only. */
    public String decrypt(String ciphertext) {
        try {
            byte[] all = Base64.getDecoder().decode(ciphertext);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a stored phone number", e);
        }
    }
}
