package org.bianmin.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.bianmin.hotline.application.PhoneProtector;
import org.bianmin.hotline.model.PhoneNumber;
import org.bianmin.hotline.model.ProtectedPhone;
import org.junit.jupiter.api.Test;

/** Key ids in ciphertexts, previous keys, and what happens with a key nobody configured. */
class PhoneProtectorTest {

    private static final PhoneNumber PHONE = PhoneNumber.parse("13812345678").orElseThrow();

    private static byte[] key(char fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void aCiphertextNamesItsKeyAndOnlyAProtectorKnowingThatKeyDecryptsIt() {
        PhoneProtector a = new PhoneProtector(key('h'), key('A'));
        PhoneProtector b = new PhoneProtector(key('h'), key('B'));
        String sealed = a.protect(PHONE).ciphertext();
        assertThat(sealed).matches("[0-9a-f]{8}:[A-Za-z0-9+/=]+").doesNotContain("5678");
        assertThat(a.isUnderCurrentKey(sealed)).isTrue();
        assertThat(b.isUnderCurrentKey(sealed)).isFalse();
        assertThatThrownBy(() -> b.decrypt(sealed)).hasMessageContaining("neither the current nor a previous key")
                .hasMessageNotContaining("13812345678");
        PhoneProtector bWithA = new PhoneProtector(key('h'), key('B'), List.of(), List.of(key('A')));
        assertThat(bWithA.decrypt(sealed)).isEqualTo("13812345678");
        assertThat(bWithA.isUnderCurrentKey(bWithA.protect(PHONE).ciphertext())).isTrue();
    }

    @Test
    void lookupsHashWithTheCurrentKeyFirstThenThePreviousOnes() {
        PhoneProtector old = new PhoneProtector(key('a'), key('A'));
        PhoneProtector rotating = new PhoneProtector(key('b'), key('B'), List.of(key('a')), List.of(key('A')));
        assertThat(rotating.lookupHashes(PHONE)).containsExactly(rotating.hash(PHONE), old.hash(PHONE));
        assertThat(new PhoneProtector(key('b'), key('B')).lookupHashes(PHONE)).containsExactly(rotating.hash(PHONE));
    }

    @Test
    void reprotectLeavesACurrentPhoneAloneAndRehashesWhenOnlyTheHashKeyChanged() {
        PhoneProtector current = new PhoneProtector(key('b'), key('B'));
        ProtectedPhone fresh = current.protect(PHONE);
        assertThat(current.reprotect(fresh)).isEmpty();

        ProtectedPhone oldHash = new PhoneProtector(key('a'), key('B')).protect(PHONE);
        ProtectedPhone rehashed = current.reprotect(oldHash).orElseThrow();
        assertThat(rehashed.ciphertext()).isEqualTo(oldHash.ciphertext());
        assertThat(rehashed.hash()).isEqualTo(current.hash(PHONE));
        assertThat(rehashed.masked()).isEqualTo("138****5678");
    }
}
