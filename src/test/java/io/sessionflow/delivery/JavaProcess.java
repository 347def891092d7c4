package io.sessionflow.delivery;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A JVM of its own on this test's classpath, its output in a log file, killable with SIGKILL or SIGTERM. */
public final class JavaProcess {
    private final Process process;
    private final Path log;

    private JavaProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** What a command run to its end left: its exit code and everything it printed (stdout and stderr). */
    public record Finished(int exitCode, String output) {
    }

    /** Runs {@code sessionflow <args>} to its end, as {@code java -jar} would, in a JVM of its own. */
    public static Finished sessionflow(String name, List<String> args, Map<String, String> env, int seconds) {
        JavaProcess p = start(name + "-" + java.util.UUID.randomUUID().toString().substring(0, 6),
                "io.sessionflow.Sessionflow", args, env);
        int code = p.waitFor(seconds);
        return new Finished(code, p.output());
    }

    public static JavaProcess start(String name, String mainClass, List<String> args, Map<String, String> env) {
        try {
            Path logs = Files.createDirectories(Path.of("target", "process-logs"));
            Path log = logs.resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), mainClass));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().keySet().removeIf(k -> k.startsWith("SESSIONFLOW_") || k.startsWith("OTEL_"));
            builder.environment().putAll(env);
            return new JavaProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no flush, nothing finishes. */
    public void kill() {
        process.destroyForcibly();
        waitFor(30);
    }

    /** SIGTERM, then the exit code. */
    public int terminate(int seconds) {
        process.destroy();
        return waitFor(seconds);
    }

    /** Its threads' stacks, appended to its log: what a test that waited in vain shows of it. */
    public void dumpThreads() {
        try {
            new ProcessBuilder("jcmd", String.valueOf(process.pid()), "Thread.print")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start()
                    .waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGSTOP: frozen, as by a long GC pause or a cut-off network; {@link #resume()} thaws it. */
    public void freeze() {
        signal("STOP");
    }

    /** SIGCONT. */
    public void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            int exit = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start().waitFor();
            if (exit != 0) {
                throw new AssertionError("kill -" + name + " " + process.pid() + " exited " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits for the process to end by itself; its exit code. */
    public int exitCode(int seconds) {
        return waitFor(seconds);
    }

    /** The exit code; fails the test when the process runs longer than {@code seconds}. */
    public int waitFor(int seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("process did not exit within " + seconds + " s; see " + log);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static File file(Path p) {
        return p.toFile();
    }
}
