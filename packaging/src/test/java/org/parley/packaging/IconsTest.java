package org.parley.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed PNGs in {@code icons/png} are what {@code icons/generate.sh} makes from {@code icons/src/*.svg}.
 *
 * <p>Two independent checks. Always: {@code SOURCES.sha256} (written by generate.sh when it renders) names
 * exactly the current SVGs with their current SHA-256, so an SVG edited without re-rendering fails; and every PNG
 * decodes with its nominal size. When rsvg-convert is installed (scripts/package installs it): a fresh rendering
 * is compared pixel by pixel, with a small tolerance because another librsvg/cairo version may anti-alias edges
 * a little differently, while a changed shape or colour moves far more pixels than that.
 */
class IconsTest {
    static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256, 512);
    static final List<Integer> WINDOW_SIZES = List.of(16, 24, 32, 48, 64, 128, 256);
    /** Mean absolute difference per premultiplied channel (0..255) a re-rendering may show. */
    static final double MAX_MEAN_DIFFERENCE = 1.5;
    /** Share of pixels that may differ by more than {@link #FAR} in some channel. */
    static final double MAX_FAR_SHARE = 0.01;
    static final int FAR = 48;

    private final Path icons = Path.of(System.getProperty("parley.icons.dir", "../icons"));
    private final Path uiResources = Path.of(System.getProperty("parley.ui.resources", "../ui/src/main/resources"));

    @Test
    void recordedHashesNameExactlyTheCurrentSvgSources() throws IOException {
        Map<String, String> recorded = new TreeMap<>();
        for (String line : Files.readAllLines(icons.resolve("png/SOURCES.sha256"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.trim().split("\\s+", 2);
                recorded.put(parts[1], parts[0]);
            }
        }
        Map<String, String> actual = new TreeMap<>();
        for (Path svg : svgs()) {
            actual.put(svg.getFileName().toString(), sha256(svg));
        }
        assertThat(actual).as("SVG sources changed since icons/generate.sh last ran; run it and commit the PNGs")
                .isEqualTo(recorded);
    }

    @Test
    void everyPngExistsWithItsSizeAndATransparentCorner() throws IOException {
        for (Path svg : svgs()) {
            for (int size : SIZES) {
                BufferedImage png = read(icons.resolve("png/" + name(svg) + "-" + size + ".png"));
                assertThat(png.getWidth()).as(name(svg) + " " + size).isEqualTo(size);
                assertThat(png.getHeight()).as(name(svg) + " " + size).isEqualTo(size);
                assertThat(png.getRGB(0, 0) >>> 24).as("corner alpha of " + name(svg) + " " + size).isZero();
                assertThat(png.getRGB(size / 2, size / 2) >>> 24).as("centre alpha").isEqualTo(255);
            }
        }
    }

    @Test
    void windowIconsAreCopiesOfTheRenderedAppIcon() throws IOException {
        for (int size : WINDOW_SIZES) {
            Path copy = uiResources.resolve("org/parley/ui/icons/parley-" + size + ".png");
            assertThat(Files.readAllBytes(copy)).as(copy.toString())
                    .isEqualTo(Files.readAllBytes(icons.resolve("png/parley-" + size + ".png")));
        }
    }

    @Test
    void committedPngsMatchAFreshRendering(@TempDir Path out) throws Exception {
        assumeTrue(onPath("rsvg-convert"), "rsvg-convert (librsvg2-bin) is not installed; rendering not compared");
        Process p = new ProcessBuilder("bash", icons.resolve("generate.sh").toString(), "--out", out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        for (Path svg : svgs()) {
            for (int size : SIZES) {
                String file = name(svg) + "-" + size + ".png";
                Difference d = Difference.of(read(icons.resolve("png/" + file)), read(out.resolve(file)));
                assertThat(d.mean()).as("mean difference of " + file).isLessThanOrEqualTo(MAX_MEAN_DIFFERENCE);
                assertThat(d.farShare()).as("share of far-off pixels in " + file).isLessThanOrEqualTo(MAX_FAR_SHARE);
            }
        }
    }

    private List<Path> svgs() throws IOException {
        try (Stream<Path> files = Files.list(icons.resolve("src"))) {
            List<Path> list = files.filter(f -> f.toString().endsWith(".svg")).sorted().toList();
            assertThat(list).as("SVG sources in " + icons.resolve("src")).isNotEmpty();
            return list;
        }
    }

    private static String name(Path svg) {
        String file = svg.getFileName().toString();
        return file.substring(0, file.length() - ".svg".length());
    }

    private static BufferedImage read(Path png) throws IOException {
        assertThat(png).exists();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("decodes " + png).isNotNull();
        return image;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
