package io.stratus.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code --shard auto}: the shard of this task of an array job, read from the environment
 * variables its engine sets, so one manifest serves every task.
 *
 * <table>
 *   <caption>Engines</caption>
 *   <tr><th>engine</th><th>index</th><th>count</th></tr>
 *   <tr><td>Kubernetes Indexed Job</td><td>{@code JOB_COMPLETION_INDEX} (0 to completions - 1)</td>
 *       <td>not set by Kubernetes: {@code --shard auto/N} with N the Job's {@code completions}, or
 *       {@code STRATUS_SHARD_COUNT} in the pod's environment</td></tr>
 *   <tr><td>Slurm job array</td><td>{@code SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN}
 *       (so {@code --array=1-4} works too)</td><td>{@code SLURM_ARRAY_TASK_COUNT}; a step other than
 *       1 ({@code SLURM_ARRAY_TASK_STEP}) is refused, its indexes are not consecutive</td></tr>
 *   <tr><td>AWS Batch array job</td><td>{@code AWS_BATCH_JOB_ARRAY_INDEX}</td>
 *       <td>{@code AWS_BATCH_JOB_ARRAY_SIZE} when set (AWS Batch itself does not set it: put it in
 *       the job definition's environment, as {@code deploy/aws-batch} does) or {@code --shard auto/N}</td></tr>
 * </table>
 *
 * <p>Exactly one engine's index variable must be set; a count given both ways must agree.
 */
public final class ArrayJobIndex {

    static final String K8S_INDEX = "JOB_COMPLETION_INDEX";
    static final String SLURM_ID = "SLURM_ARRAY_TASK_ID";
    static final String BATCH_INDEX = "AWS_BATCH_JOB_ARRAY_INDEX";

    private ArrayJobIndex() {
    }

    /** Whether {@code text} asks for the shard from the environment: {@code auto} or {@code auto/N}. */
    public static boolean isAuto(String text) {
        String t = text.strip();
        return t.equals("auto") || t.startsWith("auto/");
    }

    /**
     * The shard {@code text} ({@code auto} or {@code auto/N}) names in {@code env}.
     *
     * @throws SweepException saying which variables were looked for and what is wrong
     */
    public static Shard resolve(String text, Map<String, String> env) throws SweepException {
        String t = text.strip();
        Integer given = t.equals("auto") ? null : count(t, t.substring("auto/".length()));
        List<String> engines = new ArrayList<>();
        for (String v : List.of(K8S_INDEX, SLURM_ID, BATCH_INDEX)) {
            if (env.containsKey(v)) {
                engines.add(v);
            }
        }
        if (engines.isEmpty()) {
            throw new SweepException("--shard " + t + ": no array-job index in the environment (looked for "
                    + K8S_INDEX + " of a Kubernetes Indexed Job, " + SLURM_ID + " of a Slurm array, " + BATCH_INDEX
                    + " of an AWS Batch array job); outside an array job give --shard I/N");
        }
        if (engines.size() > 1) {
            throw new SweepException("--shard " + t + ": the environment holds the index of more than one engine ("
                    + String.join(", ", engines) + "); give --shard I/N");
        }
        int index;
        Integer counted;
        switch (engines.get(0)) {
            case SLURM_ID -> {
                if (env.containsKey("SLURM_ARRAY_TASK_STEP") && integer(t, env, "SLURM_ARRAY_TASK_STEP") != 1) {
                    throw new SweepException("--shard " + t + ": the Slurm array has a step of "
                            + env.get("SLURM_ARRAY_TASK_STEP") + "; use consecutive indexes such as --array=0-3");
                }
                int min = env.containsKey("SLURM_ARRAY_TASK_MIN") ? integer(t, env, "SLURM_ARRAY_TASK_MIN") : 0;
                index = integer(t, env, SLURM_ID) - min;
                counted = env.containsKey("SLURM_ARRAY_TASK_COUNT") ? integer(t, env, "SLURM_ARRAY_TASK_COUNT") : null;
            }
            case BATCH_INDEX -> {
                index = integer(t, env, BATCH_INDEX);
                counted = env.containsKey("AWS_BATCH_JOB_ARRAY_SIZE") ? integer(t, env, "AWS_BATCH_JOB_ARRAY_SIZE") : null;
            }
            default -> {
                index = integer(t, env, K8S_INDEX);
                counted = env.containsKey("STRATUS_SHARD_COUNT") ? integer(t, env, "STRATUS_SHARD_COUNT") : null;
            }
        }
        if (given != null && counted != null && !given.equals(counted)) {
            throw new SweepException("--shard " + t + ": the array job has " + counted + " tasks, not " + given);
        }
        Integer n = given != null ? given : counted;
        if (n == null) {
            throw new SweepException("--shard " + t + ": " + engines.get(0) + " gives this task's index but nothing "
                    + "gives the number of tasks; write --shard auto/N with N the array's size");
        }
        return Shard.parse(index + "/" + n);
    }

    private static int count(String text, String n) throws SweepException {
        try {
            return Integer.parseInt(n.strip());
        } catch (NumberFormatException e) {
            throw new SweepException("--shard " + text + ": expected auto or auto/COUNT, such as --shard auto/4");
        }
    }

    private static int integer(String text, Map<String, String> env, String name) throws SweepException {
        String v = env.get(name);
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new SweepException("--shard " + text + ": " + name + "='" + v + "' is not a whole number");
        }
    }
}
