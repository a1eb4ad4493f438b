package org.jiraq.samples.docs;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.apache.camel.builder.RouteBuilder;

/**
 * Compiles the Java of an example as it stands in the documentation: route code becomes the body of a RouteBuilder's
 * configure() (with the imports a route class would have), a whole class is compiled as it is.
 */
public final class JavaExamples {

    /** What a route class of a jiraq user imports. */
    private static final String IMPORTS = """
            import java.time.*;
            import java.util.*;
            import org.apache.camel.*;
            import org.apache.camel.builder.*;
            import org.jiraq.camel.*;
            import org.jiraq.camel.gdpr.*;
            import org.jiraq.camel.auth.oauth2.*;
            """;
    private static final Pattern CLASS_NAME = Pattern.compile("(?m)^(?:public\\s+)?(?:final\\s+)?class\\s+(\\w+)");

    private JavaExamples() {
    }

    /** The example's route code as a RouteBuilder: its lines are the body of configure(). */
    public static RouteBuilder routes(DocExamples.Example example, Path workDir) {
        String name = "Example_" + example.id().replace('-', '_');
        String source = "package docs;\n" + IMPORTS + "public class " + name + " extends RouteBuilder {\n"
                        + "    @Override\n    public void configure() throws Exception {\n"
                        + "        CamelContext context = getContext();\n" + example.code() + "\n    }\n}\n";
        try {
            return (RouteBuilder) compile("docs." + name, "docs/" + name + ".java", source, workDir)
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A whole class of the example (with its own imports), compiled as it is. */
    public static Class<?> type(DocExamples.Example example, Path workDir) {
        Matcher name = CLASS_NAME.matcher(example.code());
        if (!name.find()) {
            throw new IllegalArgumentException("Example " + example + " declares no class");
        }
        return compile(name.group(1), name.group(1) + ".java", example.code(), workDir);
    }

    private static Class<?> compile(String className, String fileName, String source, Path workDir) {
        try {
            Path sources = Files.createDirectories(workDir.resolve("src"));
            Path classes = Files.createDirectories(workDir.resolve("classes"));
            Path file = sources.resolve(fileName);
            Files.createDirectories(file.getParent());
            Files.writeString(file, source, StandardCharsets.UTF_8);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            StringWriter errors = new StringWriter();
            boolean compiled = javac.getTask(errors, null, null,
                    List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(),
                            "-proc:none", "-nowarn"),
                    null, javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
                            .getJavaFileObjects(file.toFile())).call();
            if (!compiled) {
                throw new AssertionError("The example does not compile:\n" + errors + "\n" + source);
            }
            URLClassLoader loader = new URLClassLoader(new URL[] {url(classes.toFile())},
                    JavaExamples.class.getClassLoader());
            return loader.loadClass(className);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URL url(File directory) {
        try {
            return directory.toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
