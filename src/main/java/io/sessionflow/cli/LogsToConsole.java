package io.sessionflow.cli;

/**
 * A command whose log is its output: the long-running service ({@code run}), whose stderr a container or a
 * service manager collects. Every other command is for a person: its log goes to a file (see {@link LogSetup}).
 */
public interface LogsToConsole {
}
