package org.vqasp.distill;

import java.util.List;
import org.vqasp.reasoning.Facts;
import org.vqasp.reasoning.clingo.ClingoMessage;

/**
 * The texts a language model reads: the ASP conventions (system message), the task (the theory verbatim, each
 * example's question, program, scene and program facts, expected answer and what the theory derives now), and the
 * feedback of the checks (clingo's own messages with lines and columns; expected and derived answers with the
 * derived intermediate atoms).
 */
public final class Prompts {

    /** The system message: what the model is asked to do and the rules its reply must follow. */
    public static final String CONVENTIONS = """
            You extend answer set programs (ASP, clingo 5 syntax) that answer questions about images. A theory \
            reads a scene and a question's program as facts and derives answer(S,V) for the question's last step \
            S. Some rules of the theory are missing: you write them.

            How to reply:
            - Put the new rules, and nothing else, in one ```asp code block. Do not repeat the theory's rules.
            - Use the theory's own predicates and the encodings its header comments describe; read the theory \
            before writing.
            - Every variable of a rule must occur in a positive body atom (rules must be safe).
            - No directives (#show, #const, #include, #script, #program, #external), no external calls (@f), \
            no facts about particular steps or objects: rules must hold for every question and scene.
            - An answer counts only when the program derives exactly one answer for the question.
            """;

    private Prompts() {
    }

    /** Returns the user message of a fresh proposal: the theory and the examples it gets wrong. */
    public static String task(Task task) {
        StringBuilder sb = new StringBuilder();
        sb.append("The current theory:\n```asp\n").append(task.theory().strip()).append("\n```\n\n");
        sb.append(task.examples().size() == 1 ? "It does not answer this question correctly.\n"
                : "It does not answer these " + task.examples().size() + " questions correctly.\n");
        for (int i = 0; i < task.examples().size(); i++) {
            Example e = task.examples().get(i);
            sb.append("\nExample ").append(i + 1).append(" (question ").append(e.id()).append("): ")
                    .append(e.question()).append('\n');
            sb.append("Program: ").append(e.program()).append('\n');
            Facts scene = new Facts();
            e.encodeScene(0, scene);
            Facts program = new Facts();
            e.encodeProgram(0, 0, program);
            sb.append("Scene facts:\n```asp\n").append(scene.toString().strip()).append("\n```\n");
            sb.append("Program facts:\n```asp\n").append(program.toString().strip()).append("\n```\n");
            sb.append("Expected answer: ").append(e.expected()).append('\n');
            sb.append("The theory derives: ").append(task.current().get(i).describe()).append('\n');
        }
        sb.append("\nWrite the missing rules so that the theory answers ")
                .append(task.examples().size() == 1 ? "this question" : "these questions")
                .append(" correctly and keeps answering other questions as before.");
        return sb.toString();
    }

    /**
     * Returns the feedback on rules clingo could not use.
     *
     * @param rules the rules as extracted (the lines clingo's messages count)
     * @param messages clingo's messages about them
     * @param detail clingo's one-line summary, when its messages name no position
     */
    public static String syntax(String rules, List<ClingoMessage> messages, String detail) {
        StringBuilder sb = new StringBuilder();
        if (rules.isBlank()) {
            return "Your reply has no rules. Reply with the rules in one ```asp code block.";
        }
        sb.append("clingo could not use your rules (").append(Judge.CANDIDATE)
                .append(" is your code block; lines and columns count from its start):\n");
        if (messages.isEmpty()) {
            sb.append(detail).append('\n');
        }
        for (ClingoMessage m : messages) {
            sb.append(m.text()).append('\n');
        }
        sb.append("\nYour rules, numbered:\n");
        String[] lines = rules.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            sb.append(String.format("%3d  %s%n", i + 1, lines[i]));
        }
        sb.append("\nReply with corrected rules in one ```asp code block.");
        return sb.toString();
    }

    /**
     * Returns the feedback on rules that run but give wrong answers.
     *
     * @param wrong the examples still answered wrongly
     * @param explanations what the theory with the rules derives for each, in order
     * @param notes clingo's informational messages about the rules (such as atoms that occur in no head)
     */
    public static String semantic(List<Example> wrong, List<Judge.Explanation> explanations, List<ClingoMessage> notes) {
        StringBuilder sb = new StringBuilder("With your rules the theory still does not answer correctly.\n");
        for (int i = 0; i < wrong.size(); i++) {
            Example e = wrong.get(i);
            Judge.Explanation x = explanations.get(i);
            sb.append("\nQuestion ").append(e.id()).append(": ").append(e.question()).append('\n');
            sb.append("Expected answer: ").append(e.expected()).append("; derived: ").append(x.verdict().describe())
                    .append('\n');
            sb.append("Derived atoms");
            if (x.total() > x.atoms().size()) {
                sb.append(" (the first ").append(x.atoms().size()).append(" of ").append(x.total()).append(')');
            }
            sb.append(": ").append(String.join(" ", x.atoms())).append('\n');
        }
        if (!notes.isEmpty()) {
            sb.append("\nclingo also said about your rules:\n");
            for (ClingoMessage m : notes) {
                sb.append(m.text()).append('\n');
            }
        }
        sb.append("\nReply with corrected rules in one ```asp code block.");
        return sb.toString();
    }
}
