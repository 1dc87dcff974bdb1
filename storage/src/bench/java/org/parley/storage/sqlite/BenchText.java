package org.parley.storage.sqlite;

import java.util.Arrays;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * Deterministic synthetic chat text: a vocabulary of pronounceable pseudo-words, word choice Zipf-distributed
 * (s = 1) like natural language, 3 to 20 words per message. Immutable after construction, thread-safe; the
 * caller passes the random generator, so text can be a pure function of a message index.
 */
final class BenchText {
    private static final String[] ONSETS = {"b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t",
        "v", "w", "z", "br", "ch", "dr", "fl", "gr", "kl", "pr", "sch", "st", "tr", "sp"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ei", "au", "ä", "ö", "ü", "ie"};
    private static final String[] CODAS = {"", "n", "r", "s", "t", "l", "m", "ng", "ck", "nd", "st"};

    final String[] vocabulary;
    private final double[] cumulative;

    BenchText(int vocabularySize) {
        Random words = new Random(42);
        java.util.LinkedHashSet<String> unique = new java.util.LinkedHashSet<>();
        while (unique.size() < vocabularySize) {
            StringBuilder w = new StringBuilder();
            int syllables = 1 + words.nextInt(3);
            for (int i = 0; i < syllables; i++) {
                w.append(ONSETS[words.nextInt(ONSETS.length)]).append(VOWELS[words.nextInt(VOWELS.length)])
                        .append(CODAS[words.nextInt(CODAS.length)]);
            }
            unique.add(w.toString());
        }
        vocabulary = unique.toArray(new String[0]);
        cumulative = new double[vocabularySize];
        double sum = 0;
        for (int i = 0; i < vocabularySize; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        for (int i = 0; i < vocabularySize; i++) {
            cumulative[i] /= sum;
        }
    }

    String zipfWord(RandomGenerator random) {
        int i = Arrays.binarySearch(cumulative, random.nextDouble());
        return vocabulary[i >= 0 ? i : Math.min(-i - 1, vocabulary.length - 1)];
    }

    String uniformWord(RandomGenerator random) {
        return vocabulary[random.nextInt(vocabulary.length)];
    }

    String message(RandomGenerator random) {
        int n = 3 + random.nextInt(18);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(zipfWord(random));
        }
        return b.toString();
    }
}
