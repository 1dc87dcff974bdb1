package org.parley.app.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A terminal that answers prompts from a script and records what it was asked. */
final class ScriptedPrompt implements PassphrasePrompt {
    private final Deque<String> answers = new ArrayDeque<>();
    final List<String> prompts = new ArrayList<>();

    ScriptedPrompt(String... answers) {
        this.answers.addAll(List.of(answers));
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public char[] read(String prompt) {
        prompts.add(prompt);
        String answer = answers.poll();
        return answer == null ? null : answer.toCharArray();
    }
}
