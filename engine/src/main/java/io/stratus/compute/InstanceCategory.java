package io.stratus.compute;

/**
 * The EC2 instance families as AWS groups them, from the category prefix of a type name.
 */
public enum InstanceCategory {
    GENERAL_PURPOSE("general purpose"),
    COMPUTE_OPTIMIZED("compute optimized"),
    MEMORY_OPTIMIZED("memory optimized"),
    ACCELERATED_COMPUTING("accelerated computing"),
    STORAGE_OPTIMIZED("storage optimized"),
    HPC_OPTIMIZED("HPC optimized");

    private final String label;

    InstanceCategory(String label) {
        this.label = label;
    }

    /** The name AWS uses, such as "general purpose". */
    public String label() {
        return label;
    }

    /**
     * The category of a catalogue category code (the letters before the generation digit:
     * {@code m}, {@code c}, {@code r}, {@code g}, {@code i}, ...).
     *
     * @throws IllegalArgumentException for a code AWS does not use
     */
    public static InstanceCategory ofCode(String code) {
        switch (code) {
            case "m": case "t": case "a": case "mac":
                return GENERAL_PURPOSE;
            case "c":
                return COMPUTE_OPTIMIZED;
            case "r": case "x": case "z": case "u":
                return MEMORY_OPTIMIZED;
            case "p": case "g": case "gr": case "inf": case "trn": case "dl": case "f": case "vt":
                return ACCELERATED_COMPUTING;
            case "i": case "d": case "h": case "im": case "is":
                return STORAGE_OPTIMIZED;
            case "hpc":
                return HPC_OPTIMIZED;
            default:
                throw new IllegalArgumentException("unknown instance category code '" + code + "'");
        }
    }
}
