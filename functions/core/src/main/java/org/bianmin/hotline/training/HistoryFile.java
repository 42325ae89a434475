package org.bianmin.hotline.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bianmin.hotline.classification.LabeledText;
import org.bianmin.knowledge.model.Domain;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A city's ticket history as training texts. Two shapes, told apart by the file name:
 * <ul>
 *   <li>JSON Lines ({@code .jsonl}, {@code .json}, {@code .ndjson}): one object a line with {@code text}, or
 *       {@code subject} and {@code detail}; {@code label} is the domain's name; {@code category} is optional;</li>
 *   <li>CSV ({@code .csv}) with a header naming the same columns (or the Chinese ones of common exports: 留言主题,
 *       留言详情, 一级标签, ...), in UTF-8 or, as Excel writes it on Chinese Windows, GBK.</li>
 * </ul>
 * Rows that cannot be used (no text, an unknown domain, broken JSON) are kept aside with their line and reason;
 * the caller decides whether there are too many.
 */
public final class HistoryFile {

    static final Charset GBK = Charset.forName("GBK");
    private static final List<String> TEXT = List.of("text", "内容", "诉求内容", "工单内容");
    private static final List<String> SUBJECT = List.of("subject", "留言主题", "主题", "标题");
    private static final List<String> DETAIL = List.of("detail", "留言详情", "详情", "诉求详情");
    private static final List<String> LABEL = List.of("label", "domain", "一级标签", "一级分类", "领域");

    /** A row that was left out: its line in the file (the header is line 1 in a CSV) and why. */
    public record BadRow(String file, long line, String reason) {
    }

    /** The usable texts of a file, the rows left out, and how many rows there were. */
    public record Rows(List<LabeledText> texts, List<BadRow> bad, String charset) {

        public int total() {
            return texts.size() + bad.size();
        }
    }

    private HistoryFile() {
    }

    public static Rows read(String name, InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        Charset charset = isUtf8(bytes) ? StandardCharsets.UTF_8 : GBK;
        String content = new String(bytes, charset);
        if (content.startsWith("\uFEFF")) {
            content = content.substring(1);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return csv(name, content, charset);
        }
        if (lower.endsWith(".jsonl") || lower.endsWith(".json") || lower.endsWith(".ndjson")) {
            return jsonLines(name, content, charset);
        }
        throw new IllegalArgumentException(name + ": unknown file type; use .jsonl (JSON Lines) or .csv");
    }

    static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static Rows jsonLines(String name, String content, Charset charset) {
        JsonMapper json = JsonMapper.builder().build();
        List<LabeledText> texts = new ArrayList<>();
        List<BadRow> bad = new ArrayList<>();
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            long line = i + 1;
            JsonNode node;
            try {
                node = json.readTree(lines[i]);
            } catch (JacksonException e) {
                bad.add(new BadRow(name, line, "not JSON"));
                continue;
            }
            if (!node.isObject()) {
                bad.add(new BadRow(name, line, "not a JSON object"));
                continue;
            }
            row(name, line, field(node, TEXT), field(node, SUBJECT), field(node, DETAIL), field(node, LABEL), texts, bad);
        }
        return new Rows(texts, bad, charset.name());
    }

    private static String field(JsonNode node, List<String> names) {
        for (String n : names) {
            JsonNode value = node.get(n);
            if (value != null && value.isString()) {
                return value.stringValue();
            }
        }
        return null;
    }

    private static Rows csv(String name, String content, Charset charset) throws IOException {
        List<LabeledText> texts = new ArrayList<>();
        List<BadRow> bad = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setAllowMissingColumnNames(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    // a broken quote swallows the rest of the file: nothing after it can be trusted
                    bad.add(new BadRow(name, line, "not a CSV row (" + e.getMessage() + "); the rest of the file is skipped"));
                    break;
                }
                if (!record.isConsistent()) {
                    bad.add(new BadRow(name, line, "has " + record.size() + " columns, the header has " + parser.getHeaderNames().size()));
                    continue;
                }
                Map<String, String> values = record.toMap();
                row(name, line, column(values, TEXT), column(values, SUBJECT), column(values, DETAIL),
                        column(values, LABEL), texts, bad);
            }
        }
        return new Rows(texts, bad, charset.name());
    }

    private static String column(Map<String, String> values, List<String> names) {
        for (String n : names) {
            String value = values.get(n);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static void row(String name, long line, String text, String subject, String detail, String label,
                            List<LabeledText> texts, List<BadRow> bad) {
        String body = text != null && !text.isBlank() ? text.strip()
                : join(subject, detail);
        if (body.isEmpty()) {
            bad.add(new BadRow(name, line, "no text (text, or subject and detail)"));
            return;
        }
        if (label == null || label.isBlank()) {
            bad.add(new BadRow(name, line, "no label"));
            return;
        }
        Domain domain = Domain.fromLabel(label.strip()).orElse(null);
        if (domain == null) {
            bad.add(new BadRow(name, line, "unknown domain '" + label.strip() + "'"));
            return;
        }
        texts.add(new LabeledText(body, domain));
    }

    private static String join(String subject, String detail) {
        String s = subject == null ? "" : subject.strip();
        String d = detail == null ? "" : detail.strip();
        return s.isEmpty() ? d : d.isEmpty() ? s : s + "\n" + d;
    }
}
