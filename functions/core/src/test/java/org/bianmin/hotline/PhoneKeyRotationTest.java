package org.bianmin.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bianmin.hotline.infrastructure.HolidayFile;
import org.bianmin.hotline.application.FilingRequest;
import org.bianmin.hotline.application.NewRequest;
import org.bianmin.hotline.application.PhoneProtector;
import org.bianmin.hotline.application.RotatingPhoneKeys;
import org.bianmin.hotline.application.StoredPhones;
import org.bianmin.hotline.infrastructure.DynamoStoredPhones;
import org.bianmin.hotline.infrastructure.DynamoTicketStore;
import org.bianmin.hotline.model.Deadlines;
import org.bianmin.hotline.model.PhoneNumber;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.TicketEvent;
import org.bianmin.hotline.model.TicketStatus;
import org.bianmin.hotline.model.WorkingCalendar;
import org.bianmin.hotline.classification.GridRegistry;
import org.bianmin.hotline.classification.RequestClassifier;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.store.TableProvisioner;
import org.bianmin.store.Tables;
import org.bianmin.testing.DynamoDbTestServer;
import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A phone key rotation end to end in dynalite: tickets filed under key A (one of them still in the format from
 * before key ids), the keys rotated to B with A as previous, the re-encryption job, then A removed.
 */
@ExtendWith(OutputCaptureExtension.class)
class PhoneKeyRotationTest {

    private static final byte[] HASH_A = key('a');
    private static final byte[] ENCRYPTION_A = key('A');
    private static final byte[] HASH_B = key('b');
    private static final byte[] ENCRYPTION_B = key('B');
    private static final List<String> PHONES = List.of("13812345678", "13900001111", "0574-87654321", "15811112222");
    private static final RequestClassifier classifier =
            new RequestClassifier(Taxonomy.loadDefault(), Knowledge.BASE.entries(), Knowledge.ANALYZER);

    private static final PhoneProtector underA = new PhoneProtector(HASH_A, ENCRYPTION_A);
    private static final PhoneProtector rotating =
            new PhoneProtector(HASH_B, ENCRYPTION_B, List.of(HASH_A), List.of(ENCRYPTION_A));
    private static final PhoneProtector underB = new PhoneProtector(HASH_B, ENCRYPTION_B);

    /** Each test gets its own tickets table, so the counts are this test's tickets only. */
    private final String prefix = "rotation-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final DynamoTicketStore tickets = new DynamoTicketStore(DynamoDbTestServer.client(), prefix);
    private final DynamoStoredPhones stored = new DynamoStoredPhones(DynamoDbTestServer.client(), prefix);

    PhoneKeyRotationTest() {
        new TableProvisioner(DynamoDbTestServer.client(), prefix).createMissing(List.of(Tables.TICKETS, Tables.TICKET_STATISTICS));
    }

    private static byte[] key(char fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private List<String> fileUnderA() {
        FilingRequest filing = new FilingRequest(classifier, GridRegistry.loadDefault(),
                new Deadlines(HolidayFile.loadDefault()), tickets, underA, Clock.systemUTC());
        List<String> numbers = new ArrayList<>();
        for (String phone : PHONES) {
            numbers.add(filing.file(new NewRequest("桂花路的路灯坏了一个星期了，晚上一片漆黑",
                    PhoneNumber.parse(phone).orElseThrow(), null, "phone", null)).trackingNumber());
        }
        // the first ticket as the protector wrote it before ciphertexts named their key
        setCipher(numbers.get(0), legacyCiphertext(ENCRYPTION_A, PhoneNumber.parse(PHONES.get(0)).orElseThrow().normalized()));
        return numbers;
    }

    private void setCipher(String trackingNumber, String ciphertext) {
        DynamoDbTestServer.client().updateItem(u -> u.tableName(Tables.TICKETS.tableName(prefix))
                .key(Map.of("trackingNumber", AttributeValue.fromS(trackingNumber)))
                .updateExpression("SET phoneCipher = :c").expressionAttributeValues(Map.of(":c", AttributeValue.fromS(ciphertext))));
    }

    /** base64(IV || AES-GCM sealed bytes), without a key id: the format before versioning. */
    private static String legacyCiphertext(byte[] key, String plain) {
        try {
            byte[] iv = new byte[12];
            new SecureRandom().nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String normalized(String phone) {
        return PhoneNumber.parse(phone).orElseThrow().normalized();
    }

    @Test
    void ticketsFiledUnderTheOldKeysAreRewrittenAndStayReadableAfterTheOldKeysAreGone(CapturedOutput output) {
        List<String> numbers = fileUnderA();

        // during the rotation: every old ticket decrypts, and a lookup by phone still finds its hash
        for (int i = 0; i < numbers.size(); i++) {
            Ticket ticket = tickets.find(numbers.get(i)).orElseThrow();
            PhoneNumber phone = PhoneNumber.parse(PHONES.get(i)).orElseThrow();
            assertThat(rotating.decrypt(ticket.phone().ciphertext())).isEqualTo(phone.normalized());
            assertThat(rotating.lookupHashes(phone)).contains(ticket.phone().hash()).first().isEqualTo(underB.hash(phone));
        }

        RotatingPhoneKeys.Report first = new RotatingPhoneKeys(stored, rotating, Clock.systemUTC()).run(null, Duration.ofMinutes(1));
        assertThat(first).isEqualTo(new RotatingPhoneKeys.Report(4, 4, 0, 0, 0, null));

        // the old keys removed: every ticket decrypts under B alone, is hashed under B and kept its masked form
        for (int i = 0; i < numbers.size(); i++) {
            Ticket ticket = tickets.find(numbers.get(i)).orElseThrow();
            PhoneNumber phone = PhoneNumber.parse(PHONES.get(i)).orElseThrow();
            assertThat(underB.decrypt(ticket.phone().ciphertext())).isEqualTo(phone.normalized());
            assertThat(underB.isUnderCurrentKey(ticket.phone().ciphertext())).isTrue();
            assertThat(ticket.phone().hash()).isEqualTo(underB.hash(phone));
            assertThat(ticket.phone().masked()).isEqualTo(phone.masked());
        }

        RotatingPhoneKeys.Report second = new RotatingPhoneKeys(stored, underB, Clock.systemUTC()).run(null, Duration.ofMinutes(1));
        assertThat(second).isEqualTo(new RotatingPhoneKeys.Report(4, 0, 4, 0, 0, null));
        assertThat(output.getAll()).contains("phone key rotation scanned=4 rewritten=4");
        PHONES.forEach(phone -> assertThat(output.getAll()).doesNotContain(normalized(phone)).doesNotContain(phone));
    }

    @Test
    void aTicketChangedAfterItWasReadIsNotOverwrittenAndTheNextRunRewritesIt() {
        String number = fileUnderA().get(1);
        StoredPhones.Entry read = stored.page(null, 100).entries().stream()
                .filter(e -> e.trackingNumber().equals(number)).findFirst().orElseThrow();

        // a staff transition lands between the job's read and its write
        Ticket ticket = tickets.find(number).orElseThrow();
        Ticket moved = ticket.transitioned(TicketStatus.DISPATCHED, "市城市管理局",
                new TicketEvent(Instant.now(), "dispatcher-1", "DISPATCH", ticket.status(), TicketStatus.DISPATCHED, null));
        assertThat(tickets.update(moved, ticket.version())).isTrue();

        RotatingPhoneKeys job = new RotatingPhoneKeys(stored, rotating, Clock.systemUTC());
        assertThat(job.rotate(read)).isEqualTo(RotatingPhoneKeys.Outcome.CHANGED_CONCURRENTLY);
        Ticket afterSkip = tickets.find(number).orElseThrow();
        assertThat(afterSkip.status()).isEqualTo(TicketStatus.DISPATCHED);
        assertThat(afterSkip.version()).isEqualTo(moved.version());
        assertThat(afterSkip.phone()).isEqualTo(ticket.phone());

        assertThat(job.run(null, Duration.ofMinutes(1)).rewritten()).isEqualTo(4);
        Ticket rotated = tickets.find(number).orElseThrow();
        assertThat(rotated.status()).isEqualTo(TicketStatus.DISPATCHED);
        assertThat(underB.decrypt(rotated.phone().ciphertext())).isEqualTo(PHONES.get(1));

        // a writer still holding the ticket as it was before the rewrite loses its version check and must re-read,
        // so it cannot put the old ciphertext back
        Ticket stale = afterSkip.transitioned(TicketStatus.ACCEPTED, "市城市管理局",
                new TicketEvent(Instant.now(), "cg-1", "ACCEPT", afterSkip.status(), TicketStatus.ACCEPTED, null));
        assertThat(tickets.update(stale, afterSkip.version())).isFalse();
    }

    @Test
    void aRunStopsBetweenPagesWhenItsBudgetIsSpentAndResumesWhereItStopped() {
        fileUnderA();
        RotatingPhoneKeys job = new RotatingPhoneKeys(stored, rotating, Clock.systemUTC(), 3);
        RotatingPhoneKeys.Report partial = job.run(null, Duration.ZERO);
        assertThat(partial.scanned()).isEqualTo(3);
        assertThat(partial.resumeFrom()).isNotNull();

        RotatingPhoneKeys.Report rest = job.run(partial.resumeFrom(), Duration.ofMinutes(1));
        assertThat(rest.scanned()).isEqualTo(1);
        assertThat(rest.resumeFrom()).isNull();
        assertThat(partial.rewritten() + rest.rewritten()).isEqualTo(4);
    }

    @Test
    void aPhoneNoConfiguredKeyDecryptsIsCountedAsFailedAndNamedByTicketOnly(CapturedOutput output) {
        List<String> numbers = fileUnderA();
        setCipher(numbers.get(2), legacyCiphertext(key('C'), normalized(PHONES.get(2))));

        RotatingPhoneKeys.Report report = new RotatingPhoneKeys(stored, rotating, Clock.systemUTC()).run(null, Duration.ofMinutes(1));
        assertThat(report).isEqualTo(new RotatingPhoneKeys.Report(4, 3, 0, 0, 1, null));
        assertThat(output.getAll()).contains("trackingNumber=" + numbers.get(2)).doesNotContain(normalized(PHONES.get(2)));
    }
}
