package io.sessionflow.kamelet;

import io.sessionflow.cli.ExitCode;
import io.sessionflow.cli.OutputPath;
import io.sessionflow.source.SourceModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kamelets}: the Kamelet files the jar packages, written from the source modules' declarations. */
@Command(name = "kamelets", sortOptions = false,
        description = "Write a Kamelet per polling source (<system>-session-source.kamelet.yaml), the files the jar"
                + " packages under kamelets/ (README \"Camel users\").")
public final class KameletsCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "<dir>", required = true,
            description = "folder for the Kamelet files (created when missing)")
    Path out;

    @Override
    public Integer call() throws IOException {
        OutputPath.folder("--out", out);
        Files.createDirectories(out);
        for (SourceModule module : KameletFile.modules()) {
            Path file = out.resolve(KameletFile.fileName(module.system()));
            Files.writeString(file, KameletFile.yaml(module));
            System.out.println(file);
        }
        return ExitCode.OK;
    }
}
