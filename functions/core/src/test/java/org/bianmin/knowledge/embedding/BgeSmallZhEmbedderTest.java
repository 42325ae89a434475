package org.bianmin.knowledge.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BgeSmallZhEmbedderTest {

    /** Short and long, plain and misheard: the texts a question or an entry's way of asking can be. */
    private static final List<String> TEXTS = List.of("居住证怎么办理", "公鸡金怎么提取", "你好",
            "刚毕业来这里工作，公司给交了公积金，我现在租房住，每个月房租三千多，听说公积金可以拿出来交房租，具体要怎么弄，要带什么材料",
            "小区楼下的烧烤摊每天晚上开到凌晨两三点，油烟和吵闹声让人睡不着");

    @Test
    void opensTheModelFromTheJarWithTheVectorsOfLangchain4jsOwnModel() {
        // the tests run the model from its Maven jar: the branch that reads the weights into native memory
        assertThat(BgeSmallZhEmbedder.resource(BgeSmallZhEmbedder.WEIGHTS).getProtocol()).isEqualTo("jar");
        BgeSmallZhV15QuantizedEmbeddingModel library = new BgeSmallZhV15QuantizedEmbeddingModel();
        for (String text : TEXTS) {
            assertThat(Knowledge.embedder().embed(text)).as(text)
                    .isEqualTo(library.embed(text).content().vector());
        }
    }

    @Test
    void opensTheModelFromFilesAsInAnUnpackedPackageWithTheSameVectors(@TempDir Path task) throws IOException {
        // Lambda runs a function from its package unpacked under /var/task, where the weights are a file
        URL weights = copy(BgeSmallZhEmbedder.WEIGHTS, task);
        URL tokenizer = copy(BgeSmallZhEmbedder.TOKENIZER, task);
        BgeSmallZhEmbedder fromFiles = new BgeSmallZhEmbedder(weights, tokenizer);
        for (String text : TEXTS) {
            float[] vector = fromFiles.embed(text);
            assertThat(vector).as(text).hasSize(BgeSmallZhEmbedder.DIMENSIONS)
                    .isEqualTo(Knowledge.embedder().embed(text));
        }
        assertThat(fromFiles.embed(TEXTS.get(0))).isNotEqualTo(fromFiles.embed(TEXTS.get(1)));
    }

    private static URL copy(String resource, Path folder) throws IOException {
        Path file = folder.resolve(resource);
        try (InputStream in = BgeSmallZhEmbedder.resource(resource).openStream()) {
            Files.copy(in, file);
        }
        return file.toUri().toURL();
    }
}
