package org.bianmin.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bianmin.local.cli.LocalCommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local jar's command line in process, as {@code java -jar} runs it: what each command prints, on which stream,
 * and its exit code (0 done, 1 failed, 2 usage error). Nothing here starts the runtime: an unknown command must not.
 */
class LocalCommandLineTest {

    private static final List<String> COMMANDS = List.of("serve", "dev-token", "device-password", "export", "import",
            "train-router", "import-requests", "rebuild-statistics");

    /** What one run printed and returned. */
    private record Run(int code, String out, String err, boolean serving) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintStream systemOut = System.out;
        PrintStream systemErr = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        // the data commands print to the process's streams
        System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
        try {
            LocalCommandLine commandLine = new LocalCommandLine();
            int code = commandLine.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
            return new Run(code, out + capturedOut.toString(StandardCharsets.UTF_8),
                    err + capturedErr.toString(StandardCharsets.UTF_8), commandLine.serving());
        } finally {
            System.setOut(systemOut);
            System.setErr(systemErr);
        }
    }

    @Test
    void anUnknownCommandIsAUsageErrorAndStartsNothing() {
        Run run = run("dev-tokn", "--dispatch");

        assertThat(run.code()).isEqualTo(LocalCommandLine.USAGE);
        assertThat(run.serving()).isFalse();
        assertThat(run.err()).contains("unknown command or argument 'dev-tokn'").contains("dev-token").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        Run run = run("--help");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains(COMMANDS).contains("Exit codes:", "2   usage error");
    }

    @Test
    void everyCommandHasItsOwnHelp() {
        for (String command : COMMANDS) {
            Run run = run(command, "--help");
            assertThat(run.code()).as(command).isZero();
            assertThat(run.out()).as(command).contains("Usage: bianmin-local " + command);
            assertThat(run.serving()).as(command).isFalse();
        }
    }

    @Test
    void devTokenPrintsAToken() {
        Run run = run("dev-token", "--dispatch");

        assertThat(run.code()).isZero();
        assertThat(run.out().strip()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void devTokenPrintsTheScrapeTokenOfTheMetricsRoute() {
        Run run = run("dev-token", "--metrics");

        assertThat(run.code()).isZero();
        assertThat(run.out().strip()).isEqualTo(LocalConfiguration.scrapeToken(null, LocalTokens.fromEnvironment()));
    }

    @Test
    void missingOrBadOptionsAreOneLineUsageErrors() {
        Run noKind = run("dev-token");
        assertThat(noKind.code()).isEqualTo(LocalCommandLine.USAGE);
        assertThat(noKind.err()).startsWith("dev-token: give --department=<部门>").contains("Try 'bianmin-local dev-token --help'.");

        Run badId = run("dev-token", "--citizen=123");
        assertThat(badId.code()).isEqualTo(LocalCommandLine.USAGE);
        assertThat(badId.err()).startsWith("dev-token: --citizen: ");

        Run noDevice = run("device-password");
        assertThat(noDevice.code()).isEqualTo(LocalCommandLine.USAGE);
        assertThat(noDevice.err()).contains("Missing required option: '--device=<id>'");

        Run unknownOption = run("export", "--out", "target/never-written.jsonl", "--data-dir", "target/no-data", "--everything");
        assertThat(unknownOption.code()).isEqualTo(LocalCommandLine.USAGE);
        assertThat(unknownOption.err()).contains("Unknown option: '--everything'");
        assertThat(Path.of("target/never-written.jsonl")).doesNotExist();
        assertThat(Path.of("target/no-data")).doesNotExist();

        Run notANumber = run("import-requests", "--input", "x.jsonl", "--batch", "many");
        assertThat(notANumber.code()).isEqualTo(LocalCommandLine.USAGE);
        assertThat(notANumber.err()).contains("--batch");
    }

    @Test
    void devicePasswordIsTheRuntimesPassword() {
        Run run = run("device-password", "--device=SD-0001");

        assertThat(run.code()).isZero();
        assertThat(run.out().strip()).isEqualTo(LocalRuntime.localDeviceCredentials().passwordFor("SD-0001"));
    }

    @Test
    void aFailureIsOneLineOnStandardErrorWithoutAStackTrace(@TempDir Path dir) throws Exception {
        Run missing = run("import", "--in", dir.resolve("no-such-backup.jsonl").toString(), "--data-dir", dir.resolve("data").toString());
        assertThat(missing.code()).isEqualTo(LocalCommandLine.FAILED);
        assertThat(missing.err().strip()).startsWith("import failed: ").doesNotContain("\n").doesNotContain("Exception");

        Path history = Files.writeString(dir.resolve("empty.jsonl"), "");
        Run untrainable = run("train-router", "--input", history.toString(), "--out", dir.resolve("models").toString());
        assertThat(untrainable.code()).isEqualTo(LocalCommandLine.FAILED);
        assertThat(untrainable.err()).startsWith("train-router: ").doesNotContain("\tat ");
    }
}
