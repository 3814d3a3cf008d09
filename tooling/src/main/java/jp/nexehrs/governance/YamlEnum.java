package jp.nexehrs.governance;

/** An enum written in the records as a lower-case word (its {@code yamlName}), with a Japanese label. */
interface YamlEnum {
    String yamlName();

    String japanese();

    /** The YAML value that means {@code constant}, or null; used by the loader to say what is allowed. */
    static <E extends Enum<E> & YamlEnum> E parse(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.yamlName().equals(value)) return constant;
        }
        return null;
    }

    /** "yes (賛成), no (反対), abstain (棄権)" for error messages. */
    static <E extends Enum<E> & YamlEnum> String allowed(Class<E> type) {
        StringBuilder sb = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            if (!sb.isEmpty()) sb.append(", ");
            sb.append(constant.yamlName()).append(" (").append(constant.japanese()).append(')');
        }
        return sb.toString();
    }
}
