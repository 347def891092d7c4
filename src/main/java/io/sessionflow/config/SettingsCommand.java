package io.sessionflow.config;

import io.sessionflow.cli.ExitCode;
import io.sessionflow.cli.LogsToConsole;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code settings}: the README's settings table, from the one place settings are declared. */
@Command(name = "settings", description = "Print every setting: environment variable, property, type, default,"
        + " description (a Markdown table).")
public final class SettingsCommand implements Callable<Integer>, LogsToConsole {

    @Override
    public Integer call() {
        System.out.print(SettingsTable.markdown(SettingsCatalog.load()));
        return ExitCode.OK;
    }
}
