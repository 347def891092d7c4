package io.sessionflow.config;

/** One declared setting: property key, environment variable, type, default and description. */
public record SettingDef(String key, String env, SettingType type, String defaultValue, String description) {

    /** {@code sessionflow.webinar.base-url} -> {@code SESSIONFLOW_WEBINAR_BASE_URL} */
    public static String envNameOf(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
