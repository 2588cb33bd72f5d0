package io.stratus.report;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder a command writes its results into, replaced as a whole: a command's files are
 * written in a staging folder beside the target ({@code .NAME.staging-PID}), then
 * {@link #commit} builds the folder's next state there and swaps it in with two renames (the old
 * folder aside, the staging folder in its place), so a {@code kill -9} at any moment leaves
 * either the earlier folder or the new one, never a mix; at worst, between the two renames, the
 * earlier folder complete under {@code .NAME.old-PID} beside an absent target. The staging
 * folders a killed command left are deleted by the next command that stages for the same target.
 *
 * <p>Several commands may share a folder ({@code run} and {@code compare} both default to
 * {@code results/runs/NAME}; the shards of a sweep may share one): each command names the files
 * it owns by a pattern ({@link #RUN}, {@link #COMPARE}, {@link #SWEEP}, {@link #shard}). A commit
 * keeps the files no pattern of this command matches (hard-linked, or copied) and drops every
 * file it matches that was not written now (a chart with nothing to show this time), so no stale
 * file of an earlier run stays. A folder holding anything that is not an output file (a name
 * other than letters, digits, '.', '-', '_' ending in .md, .json, .csv, .png, .svg or .html; a
 * subfolder) is
 * refused by
 * {@link #check} before anything runs, so that {@code --out .} or {@code --out ~} can never delete
 * a user's files. Commits to one folder are serialised by a lock file beside it
 * ({@code .NAME.lock}).
 */
public final class OutputFolder {

    /** The files of {@code stratus run}: the summaries, the metrics, the timing and the charts. */
    public static final Pattern RUN = Pattern.compile("summary\\.(md|json|html)|metrics\\.csv"
            + "|timing\\.json|(?!compare\\.(png|svg)$)[A-Za-z0-9._-]+\\.(png|svg)");
    /** The files of {@code stratus compare}. */
    public static final Pattern COMPARE = Pattern.compile("compare\\.(md|json|csv|png|svg|html)");
    /** The files of {@code stratus recommend}. */
    public static final Pattern RECOMMEND = Pattern.compile("recommend\\.(md|json)");
    /** The files of a whole sweep, as {@code stratus sweep} and {@code stratus merge} write them. */
    public static final Pattern SWEEP = Pattern.compile("runs\\.csv|sweep\\.(csv|md|json|html)");

    /** What an output folder may hold: files some command writes. */
    private static final Pattern OUTPUT_FILE = Pattern.compile("[A-Za-z0-9._-]+\\.(md|json|csv|png|svg|html)");

    private static final Object JVM_LOCK = new Object();

    private final Path target;
    private final Pattern owned;
    private final Path staging;

    private OutputFolder(Path target, Pattern owned, Path staging) {
        this.target = target;
        this.owned = owned;
        this.staging = staging;
    }

    /**
     * Checks, before a command runs, that {@code target} can become its output folder: not empty
     * text, not an existing file or a dangling link, holding only files Stratus wrote, and in a
     * folder where a staging folder can be created (tried, then removed).
     *
     * @throws OutputFolderException saying what is wrong, for an exit code 2
     */
    public static void check(Path target) throws OutputFolderException {
        if (target.toString().isBlank()) {
            throw new OutputFolderException("--out is empty: name a folder");
        }
        Path real = resolve(target);
        if (Files.exists(real) && !Files.isDirectory(real)) {
            throw new OutputFolderException(target + ": exists and is not a folder; name a new or an output folder");
        }
        if (Files.isDirectory(real)) {
            List<String> foreign = foreign(real);
            if (!foreign.isEmpty()) {
                throw new OutputFolderException(target + ": holds " + String.join(", ", foreign.subList(0,
                        Math.min(3, foreign.size()))) + (foreign.size() > 3 ? " and more" : "") + ", which Stratus did "
                        + "not write; it replaces its output folder as a whole, so name a new, an empty or an output folder");
            }
        }
        Path parent = real.toAbsolutePath().getParent();
        Path existing = parent;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new OutputFolderException(target + ": " + (existing == null ? "has no existing parent folder"
                    : existing + " is not a folder"));
        }
        try {
            Path probe = Files.createTempDirectory(existing, ".stratus-probe-");
            Files.delete(probe);
        } catch (IOException | UnsupportedOperationException e) {
            throw new OutputFolderException(target + ": cannot write in " + existing + " ("
                    + e.getClass().getSimpleName().replace("Exception", "") + ")");
        }
    }

    /** The target with a link to a folder followed; a dangling link is refused. */
    private static Path resolve(Path target) throws OutputFolderException {
        if (Files.isSymbolicLink(target)) {
            if (!Files.exists(target)) {
                throw new OutputFolderException(target + ": is a link to nothing (a dangling symbolic link)");
            }
            try {
                return target.toRealPath();
            } catch (IOException e) {
                throw new OutputFolderException(target + ": cannot follow the link (" + e.getMessage() + ")");
            }
        }
        return target;
    }

    /** The files of the shard {@code suffix} ({@code shard-I-of-N}) of a sweep. */
    public static Pattern shard(String suffix) {
        return Pattern.compile("(runs-" + suffix + "\\.csv|sweep-" + suffix + "\\.json)");
    }

    /** The entries of an existing folder that do not look like an output file. */
    private static List<String> foreign(Path folder) throws OutputFolderException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.sorted().toList()) {
                String name = p.getFileName().toString();
                boolean file = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
                if (!(file && OUTPUT_FILE.matcher(name).matches())) {
                    out.add(name + (Files.isDirectory(p) ? "/" : ""));
                }
            }
        } catch (IOException e) {
            throw new OutputFolderException(folder + ": cannot list (" + e.getMessage() + ")");
        }
        return out;
    }

    /**
     * Starts writing a command's files for {@code target} (checked with {@link #check}): a fresh
     * staging folder beside it, whose path {@link #dir} the writers write into.
     *
     * @param owned the names of the files the command writes (its stale ones are dropped)
     */
    public static OutputFolder stage(Path target, Pattern owned) throws IOException {
        Path real;
        try {
            real = resolve(target).toAbsolutePath().normalize();
        } catch (OutputFolderException e) {
            throw new IOException(e.getMessage(), e);
        }
        Path parent = real.getParent();
        Files.createDirectories(parent);
        removeDeadStaging(parent, "." + real.getFileName() + ".staging-");
        String prefix = "." + real.getFileName() + ".staging-" + ProcessHandle.current().pid() + "-";
        return new OutputFolder(real, owned, Files.createTempDirectory(parent, prefix));
    }

    /**
     * Writes {@code files} (name to bytes, in order) for {@code target} as a whole: staged, then
     * committed ({@link #stage}, {@link #commit}), or nothing if a write fails.
     */
    public static void writeAll(Path target, Pattern owned, Map<String, byte[]> files) throws IOException {
        OutputFolder staged = stage(target, owned);
        try {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                AtomicFiles.write(staged.dir().resolve(f.getKey()), f.getValue());
            }
            staged.commit();
        } finally {
            staged.abandon();
        }
    }

    /** Deletes the staging folders a killed command left (their process is gone): they hold no result. */
    private static void removeDeadStaging(Path parent, String prefix) throws IOException {
        try (Stream<Path> list = Files.list(parent)) {
            for (Path p : list.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                String rest = p.getFileName().toString().substring(prefix.length());
                int dash = rest.indexOf('-');
                try {
                    if (dash > 0 && ProcessHandle.of(Long.parseLong(rest.substring(0, dash))).isEmpty()) {
                        deleteTree(p);
                    }
                } catch (NumberFormatException e) {
                    // not a staging folder's name: left alone
                }
            }
        }
    }

    /** The staging folder: where this command's files are written before {@link #commit}. */
    public Path dir() {
        return staging;
    }

    /**
     * Puts the staged files in place: the folder becomes this command's new files plus the files
     * of other commands it held, all at once.
     */
    public void commit() throws IOException {
        Path parent = target.getParent();
        synchronized (JVM_LOCK) {
            try (FileChannel lockFile = FileChannel.open(parent.resolve("." + target.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = lockFile.lock()) {
                if (Files.isDirectory(target)) {
                    try (Stream<Path> list = Files.list(target)) {
                        for (Path kept : list.sorted().toList()) {
                            String name = kept.getFileName().toString();
                            if (!owned.matcher(name).matches() && Files.isRegularFile(kept, LinkOption.NOFOLLOW_LINKS)
                                    && !Files.exists(staging.resolve(name))) {
                                link(kept, staging.resolve(name));
                            }
                        }
                    }
                }
                swap(parent);
            }
        }
    }

    private static void link(Path existing, Path copy) throws IOException {
        try {
            Files.createLink(copy, existing);
        } catch (IOException | UnsupportedOperationException e) { // no hard links on this file system (FAT, some mounts)
            Files.copy(existing, copy, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The old folder aside, the staging folder in its place, the old folder deleted. */
    private void swap(Path parent) throws IOException {
        Path old = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            old = Files.createTempDirectory(parent, "." + target.getFileName() + ".old-" + ProcessHandle.current().pid()
                    + "-");
            Files.delete(old); // only its fresh name is wanted
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(target + ": appeared while the results were written", e);
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    /** Removes the staging folder when the command stops before {@link #commit} (nothing is left). */
    public void abandon() {
        try {
            deleteTree(staging);
        } catch (IOException e) {
            // best effort: a leftover staging folder is hidden and holds no result
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Why a folder cannot be an output folder. */
    public static final class OutputFolderException extends Exception {
        private static final long serialVersionUID = 1L;

        public OutputFolderException(String message) {
            super(message);
        }
    }
}
