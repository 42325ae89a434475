package org.bianmin.local.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bianmin.approval.model.ResidentId;
import org.bianmin.http.Access;
import org.bianmin.local.LocalConfiguration;
import org.bianmin.local.LocalRuntime;
import org.bianmin.local.LocalSettings;
import org.bianmin.local.LocalTokens;
import org.bianmin.local.data.LocalStore;
import org.bianmin.local.data.RequestImport;
import org.bianmin.local.data.StatisticsRebuild;
import org.bianmin.local.data.TableExport;
import org.bianmin.local.data.TableImport;
import org.bianmin.local.routing.TrainRouterCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * The local jar's command line (picocli): {@code serve}, the default when no command is given, and the one-shot
 * commands. Every command has {@code --help}; exit codes are 0 done, 1 failed, 2 usage error (an unknown command or
 * option, a missing value), plus those a command documents (train-router 3: trained, not promoted; import-requests
 * 3: some rows rejected). Errors are one line on standard error; {@code --verbose} adds the stack trace.
 */
@Command(name = "bianmin-local", mixinStandardHelpOptions = true, versionProvider = LocalCommandLine.Version.class,
        description = {"Bianmin (便民) on one machine. With no command (or 'serve') it starts the runtime:",
                "the HTTP API on http://localhost:8080, the knowledge index in process, the tables in dynalite on",
                "./bianmin-data. Spring settings such as --server.port=9090 are passed to the runtime."},
        subcommands = {LocalCommandLine.Serve.class, LocalCommandLine.DevToken.class, LocalCommandLine.DevicePassword.class,
                LocalCommandLine.Export.class, LocalCommandLine.Import.class, LocalCommandLine.TrainRouter.class,
                LocalCommandLine.ImportRequests.class, LocalCommandLine.RebuildStatistics.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (serve: the runtime started)", "1:failed (the reason on one line)",
                "2:usage error: unknown command or option, missing value", "3:see train-router and import-requests"})
public final class LocalCommandLine implements Callable<Integer> {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "Print the stack trace of a failure.")
    boolean verbose;

    /** Spring settings for the default {@code serve}; a bare word here is a mistyped command. */
    @Unmatched
    List<String> serveArguments = new ArrayList<>();

    private boolean serving;

    /** Runs {@code args}; returns the exit code. After a successful {@code serve} the runtime keeps running. */
    public int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(this);
        // only serve passes unknown --settings on (to Spring); every other command refuses what it does not know
        commandLine.getSubcommands().forEach((name, command) -> command.setUnmatchedArgumentsAllowed(name.equals("serve")));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            e.getCommandLine().getErr().println(e.getCommandLine().getCommandName() + ": " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, e.getCommandLine().getErr());
            e.getCommandLine().getErr().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
            failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + oneLine(e));
            if (verbose) {
                e.printStackTrace(failed.getErr());
            } else {
                failed.getErr().println("(--verbose for the stack trace)");
            }
            return FAILED;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** True once {@code serve} started the runtime: the process must not exit. */
    public boolean serving() {
        return serving;
    }

    /** No command: serve, unless the first bare word is a mistyped command. */
    @Override
    public Integer call() {
        return serve(serveArguments, spec);
    }

    private int serve(List<String> arguments, CommandSpec command) {
        for (String argument : arguments) {
            if (!argument.startsWith("--")) {
                throw new ParameterException(command.commandLine(), "unknown command or argument '" + argument
                        + "' (commands: " + String.join(", ", spec.subcommands().keySet()) + ")");
            }
        }
        LocalRuntime.start(arguments.toArray(String[]::new));
        serving = true;
        return OK;
    }

    /** The most specific message of a failure (Spring wraps the cause of a failed start several times). */
    static String oneLine(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = Optional.ofNullable(cause.getMessage()).orElse(cause.getClass().getSimpleName());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = {"Start the local runtime (the default command). Spring settings pass through:",
                    "--server.port=9090, --bianmin.router.model=FILE; --in-memory for a throwaway run,",
                    "--data-dir=DIR (BIANMIN_DATA_DIR) for another data directory."})
    static final class Serve implements Callable<Integer> {

        @CommandLine.ParentCommand
        LocalCommandLine parent;

        @Spec
        CommandSpec spec;

        @Unmatched
        List<String> arguments = new ArrayList<>();

        @Override
        public Integer call() {
            return parent.serve(arguments, spec);
        }
    }

    @Command(name = "dev-token", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Print a development token for the local runtime (12 hours), signed with",
                    "BIANMIN_LOCAL_TOKEN_SECRET or the public development secret."})
    public static final class DevToken implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--department", paramLabel = "<部门>", description = "Staff of this department.")
        String department;

        @Option(names = "--dispatch", description = "Staff of the 12345 dispatch centre.")
        boolean dispatch;

        @Option(names = "--device-admin", description = "A device administrator.")
        boolean deviceAdmin;

        @Option(names = "--subject", paramLabel = "<id>", defaultValue = "dev-user", description = "The staff member's id (default: ${DEFAULT-VALUE}).")
        String subject;

        @Option(names = "--citizen", paramLabel = "<身份证号码>", description = "A citizen token for this resident ID number.")
        String citizen;

        @Option(names = "--metrics", description = "The scrape token of GET /metrics (BIANMIN_METRICS_SCRAPETOKEN, else derived).")
        boolean metrics;

        @Override
        public Integer call() {
            try {
                spec.commandLine().getOut().println(issue());
                return OK;
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }

        /** The token these options ask for; IllegalArgumentException when they ask for none or a bad one. */
        public String issue() {
            LocalTokens tokens = LocalTokens.fromEnvironment();
            if (metrics) {
                return LocalConfiguration.scrapeToken(LocalSettings.get(LocalConfiguration.SCRAPE_TOKEN), tokens);
            }
            if (citizen != null) {
                String id = citizen.strip().toUpperCase(Locale.ROOT);
                Optional<String> problem = ResidentId.problem(id);
                if (problem.isPresent()) {
                    throw new IllegalArgumentException("--citizen: " + problem.get());
                }
                return tokens.issueCitizen(id, Duration.ofHours(12));
            }
            String role = dispatch ? Access.DISPATCH_ROLE : deviceAdmin ? Access.DEVICE_ADMIN_ROLE : null;
            if (department == null && role == null) {
                throw new IllegalArgumentException("give --department=<部门>, --dispatch, --device-admin, --citizen=<身份证号码> or --metrics");
            }
            return tokens.issueStaff(subject, department, role, Duration.ofHours(12));
        }
    }

    @Command(name = "device-password", mixinStandardHelpOptions = true,
            description = "Print a device's password for the local MQTT broker and HTTP events.")
    static final class DevicePassword implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--device", required = true, paramLabel = "<id>", description = "The device id.")
        String device;

        @Override
        public Integer call() {
            spec.commandLine().getOut().println(LocalRuntime.localDeviceCredentials().passwordFor(device));
            return OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write every table of the data directory to a JSON Lines file (the runtime stopped)."})
    static final class Export implements Callable<Integer> {

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
        Path out;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "The data directory (BIANMIN_DATA_DIR, else ./bianmin-data).")
        Path dataDirectory;

        @Override
        public Integer call() {
            return TableExport.run(dataDirectory(dataDirectory), out);
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Restore a file written by export into an empty data directory."})
    static final class Import implements Callable<Integer> {

        @Option(names = "--in", required = true, paramLabel = "FILE", description = "The file export wrote.")
        Path in;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "The data directory (BIANMIN_DATA_DIR, else ./bianmin-data).")
        Path dataDirectory;

        @Override
        public Integer call() {
            return TableImport.run(dataDirectory(dataDirectory), in);
        }
    }

    @Command(name = "rebuild-statistics", mixinStandardHelpOptions = true,
            description = {"Recount the statistics from the tickets of a stopped runtime's data directory (after an",
                    "upgrade from a version without them, or to repair counts lost to a crash)."})
    static final class RebuildStatistics implements Callable<Integer> {

        @Option(names = "--data-dir", paramLabel = "DIR", description = "The data directory (BIANMIN_DATA_DIR, else ./bianmin-data).")
        Path dataDirectory;

        @Override
        public Integer call() {
            return StatisticsRebuild.run(dataDirectory(dataDirectory));
        }
    }

    private static Path dataDirectory(Path given) {
        List<String> arguments = new ArrayList<>();
        if (given != null) {
            arguments.add("--data-dir=" + given);
        }
        return LocalStore.dataDirectory(arguments);
    }

    @Command(name = "train-router", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Train the router's domain model from a city's history (JSON Lines or CSV, UTF-8 or GBK);",
                    "router.model is written only when the new model is not worse than the current one."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:trained and promoted", "1:unusable history or model", "2:usage error",
                    "3:trained, not promoted"})
    static final class TrainRouter implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--input", required = true, paramLabel = "FILE", description = "History file (repeatable).")
        List<Path> inputs;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the model and its report go.")
        Path out;

        @Option(names = "--holdout", paramLabel = "FILE", description = "Held-out texts for the promotion check (repeatable).")
        List<Path> holdout = new ArrayList<>();

        @Option(names = "--current", paramLabel = "MODEL", description = "The model to beat (default: BIANMIN_ROUTER_MODEL, else the built-in one).")
        Path current;

        @Option(names = "--target-precision", paramLabel = "P", defaultValue = "0.95", description = "Precision the router keeps automatic routes at (default: ${DEFAULT-VALUE}).")
        double targetPrecision;

        @Override
        public Integer call() {
            if (!(targetPrecision > 0 && targetPrecision < 1)) {
                throw new ParameterException(spec.commandLine(), "--target-precision must be between 0 and 1");
            }
            return TrainRouterCommand.run(inputs, holdout, out, current, targetPrecision, System.out);
        }
    }

    @Command(name = "import-requests", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Send historical requests (JSON Lines) to a running API's staff import route."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every row filed (or already imported)", "1:the import failed", "2:usage error",
                    "3:some rows rejected (each reported by its line)"})
    static final class ImportRequests implements Callable<Integer> {

        @Option(names = "--input", required = true, paramLabel = "FILE", description = "The JSON Lines file.")
        Path input;

        @Option(names = "--url", paramLabel = "URL", description = "The API (default: http://localhost:8080).")
        String url;

        @Option(names = "--token", paramLabel = "TOKEN", description = "A dispatch-centre token (default: a development one).")
        String token;

        @Option(names = "--batch", paramLabel = "N", defaultValue = "100", description = "Rows per request, at most 100 (default: ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--parallel", paramLabel = "N", defaultValue = "2", description = "Requests at a time (default: ${DEFAULT-VALUE}).")
        int parallel;

        @Override
        public Integer call() {
            return RequestImport.run(input, url, token, batch, parallel);
        }
    }

    /** The version line of {@code --version}: the jar's implementation version, when built as a jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = LocalCommandLine.class.getPackage().getImplementationVersion();
            return new String[] {"bianmin-local " + (version == null ? "(development build)" : version)};
        }
    }
}
