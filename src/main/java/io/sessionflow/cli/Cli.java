package io.sessionflow.cli;

import io.sessionflow.app.ConfigurationException;
import io.sessionflow.kafka.KafkaUnreachableException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Runs one command line: picocli parses it (an unknown option or a missing value is refused before anything
 * starts), the log goes where the command wants it, and every way of failing becomes one line and an exit code
 * ({@link ExitCode}). The stack trace of an unexpected failure goes to the log, not to the person.
 */
public final class Cli {
    private Cli() {
    }

    public static int execute(Object topCommand, String... args) {
        CommandLine cli = new CommandLine(topCommand);
        for (String arg : args) {
            if (arg.startsWith("-D")) {
                cli.getErr().println("sessionflow: '" + arg + "' comes after -jar, so Java hands it to the command"
                        + " as an argument; Java properties go before -jar: java " + arg
                        + " -jar target/sessionflow.jar ...");
                cli.getErr().flush();
                return ExitCode.USAGE;
            }
        }
        cli.setParameterExceptionHandler(Cli::usageError);
        cli.setExecutionExceptionHandler((e, command, parsed) -> failure(e, command));
        cli.setExecutionStrategy(parsed -> {
            try {
                logFor(parsed);
            } catch (RuntimeException e) {
                return failure(e, cli);
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        return cli.execute(args);
    }

    private static void logFor(ParseResult parsed) {
        ParseResult last = parsed;
        boolean verbose = parsed.hasMatchedOption("--verbose");
        while (last.hasSubcommand()) {
            last = last.subcommand();
            verbose |= last.hasMatchedOption("--verbose");
        }
        LogSetup.camelLevel(CommandSettings.raw().string("sessionflow.camel.log-level"));
        if (!(last.commandSpec().userObject() instanceof LogsToConsole)) {
            LogSetup.forPeople(Path.of(CommandSettings.raw().string("sessionflow.log.file")), verbose);
        }
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        if (e instanceof UnmatchedArgumentException unmatched && command.getParent() == null
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            err.println(name + ": unknown command '" + unmatched.getUnmatched().get(0) + "'; commands: "
                    + String.join(", ", command.getSubcommands().keySet()));
        } else {
            err.println(name + ": " + e.getMessage());
        }
        err.println("see '" + name + " --help'");
        err.flush();
        return ExitCode.USAGE;
    }

    private static int failure(Exception e, CommandLine command) {
        PrintWriter err = command.getErr();
        // a sub-subcommand says where it sits: "accounts add: ...", not "add: ..."
        String name = command.getCommandSpec().qualifiedName().replaceFirst("^sessionflow ", "");
        int code = ExitCode.USAGE;
        java.util.Optional<String> refusal = io.sessionflow.kafka.KafkaRefusal.line(e);
        if (e instanceof ConfigurationException c) {
            c.problems().forEach(p -> err.println("configuration: " + p));
        } else if (refusal.isPresent()) {
            // a wrong credential or a missing ACL: one line, never a retry or a stack trace
            err.println(name + ": " + refusal.get());
        } else if (e instanceof KafkaUnreachableException || e instanceof IllegalArgumentException) {
            err.println(name + ": " + e.getMessage());
        } else if (e instanceof FileSystemException f) {
            err.println(name + ": cannot use " + f.getFile() + ": " + reason(f));
        } else {
            LoggerFactory.getLogger(Cli.class).error("{} failed", name, e);
            err.println(name + " failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            code = ExitCode.CHECK_FAILED;
        }
        err.flush();
        return code;
    }

    private static String reason(FileSystemException f) {
        if (f.getReason() != null) {
            return f.getReason();
        }
        return f instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                : f.getClass().getSimpleName().replace("Exception", "");
    }
}
