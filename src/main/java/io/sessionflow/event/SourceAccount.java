package io.sessionflow.event;

import java.util.regex.Pattern;

/**
 * One account of a vendor system: one set of endpoint and credentials. Account {@code default} is the one the
 * environment configures; its events, keys and ids read exactly as they did before accounts existed.
 */
public record SourceAccount(SystemId system, String account) {
    public static final String DEFAULT = "default";
    private static final Pattern SAFE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    public SourceAccount {
        if (system == null) {
            throw new IllegalArgumentException("an account needs a system");
        }
        if (account == null || !SAFE.matcher(account).matches()) {
            throw new IllegalArgumentException("'" + account + "' is not a safe account id: 1 to 63 of a-z, 0-9, "
                    + "'-' and '_', starting with a letter or digit");
        }
    }

    public static SourceAccount defaultOf(SystemId system) {
        return new SourceAccount(system, DEFAULT);
    }

    /** {@code webinar/acme}, as operators write it. */
    public static SourceAccount parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + text + "' is not <system>/<account>");
        }
        return new SourceAccount(SystemId.of(text.substring(0, slash)), text.substring(slash + 1));
    }

    public boolean isDefault() {
        return DEFAULT.equals(account);
    }

    /** What events carry as {@code data.account}: nothing for {@code default}, so its events stay as they were. */
    public String inData() {
        return isDefault() ? null : account;
    }

    /** Names this account among others: the system alone for {@code default}, {@code system/account} otherwise. */
    public String prefix() {
        return isDefault() ? system.id() : system.id() + "/" + account;
    }

    @Override
    public String toString() {
        return system.id() + "/" + account;
    }
}
