package io.nekorekten4j.releasechecks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles Java files with the JDK's compiler, as a user's build would. */
final class JavaSources {

    private JavaSources() {
    }

    /**
     * Writes the sources (file name → text) under {@code dir}/src and compiles them to
     * {@code dir}/classes with the given options.
     *
     * @return the classes directory
     * @throws AssertionError with the compiler's messages when compilation fails
     */
    static Path compile(Path dir, Map<String, String> sources, List<String> options) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> args = new ArrayList<>(options);
        args.addAll(List.of("-d", classes.toString(), "-encoding", "UTF-8"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int exit = javac.run(null, messages, messages, args.toArray(String[]::new));
        if (exit != 0) {
            throw new AssertionError("javac " + String.join(" ", options) + " failed:\n"
                    + messages.toString(StandardCharsets.UTF_8));
        }
        return classes;
    }

    static String path(List<Path> entries) {
        return entries.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    }

}
